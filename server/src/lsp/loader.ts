// Entry point of `dist/server.js`: `node dist/server.js --stdio` (or --node-ipc, --socket=…) for any LSP client. It
// runs the server's bundle (`dist/serverMain.js`, `main.ts`) from the V8 code cache in our cache folder
// (`node/codeCache.ts`), made right after the first index of a start that had no usable cache (what compiling the rest would
// save is small: the bundle's top level and the LSP library's start are most of it). Kept small: this file
// itself is compiled at every start. `DIPLOMATIC_LETTERS_CODE_CACHE=off` runs the bundle without a cache.
import { join } from 'node:path';
import { userCacheFolder } from '../node/cacheFolder';
import { loadBundle } from '../node/codeCache';
import type { main } from './main';

const bundle = loadBundle(join(__dirname, 'serverMain.js'), module, {
	folder: process.env.DIPLOMATIC_LETTERS_CODE_CACHE === 'off' ? undefined : join(userCacheFolder(), 'code-cache'),
	bundleHash: process.env.DIPLOMATIC_LETTERS_SERVER_BUNDLE,
});
(bundle.exports as { main: typeof main }).main({
	log: bundle.log,
	// Once the status "ready" is sent (the cache is written once a start, when it used none).
	indexed: (log) => setImmediate(() => bundle.save().forEach(log)),
});
