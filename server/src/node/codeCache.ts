/**
 * Runs a CommonJS bundle (the language server's `dist/serverMain.js`) from a V8 code cache kept in our own cache
 * folder, so that a start does not compile again what the last one compiled: the bundle's top level and every function
 * the previous session ran (the cache is made once the first index is ready, so it holds the restart's functions too).
 * Node 20 has no `module.enableCompileCache`; this is the `vm.Script` `cachedData` of the `v8-compile-cache` approach.
 *
 * The cache file is ours alone (never in the letters' folders) and is trusted only as far as it is checked: its header
 * names the bundle it was made from (the bundle's SHA-256, stamped by the build), the Node and V8 versions and the
 * architecture, and the SHA-256 of the cached data, which V8 itself does not check in a release build. A cache that
 * is missing is made; one that is corrupt, made for another bundle or engine, or that V8 rejects (other flags) is
 * discarded with a log line and made again. The cache is an optimisation: any failure to read or write it leaves the
 * bundle compiled as without one, and is logged.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { describeErrorCode, errorCode } from './textFiles';

/** The first bytes of a code cache file. */
const MAGIC = 'diplomatic-letters code cache\n';

/** What a cache must have been made for to be used. */
interface CacheHeader {
	readonly bundle: string;
	readonly node: string;
	readonly v8: string;
	readonly arch: string;
	readonly bytes: number;
	readonly sha256: string;
}

/** A bundle run, and how to keep its compiled code for the next start. */
export interface LoadedBundle {
	/** The bundle's `module.exports`. */
	readonly exports: unknown;
	/** Lines for the host's log: the cache discarded, or not readable (none when it was used or there was none). */
	readonly log: readonly string[];
	/** True when the bundle was compiled from the cache. */
	readonly fromCache: boolean;
	/**
	 * Writes the cache of the code compiled so far, when none was used at this start (once; later calls do nothing);
	 * returns the lines to log (a folder that cannot be written). Other bundles' caches in the folder are removed.
	 */
	save(): readonly string[];
}

/** Where and for what the cache is kept. */
export interface CodeCacheOptions {
	/** The cache folder (ours: the user's cache folder), or undefined to run without a cache. */
	readonly folder: string | undefined;
	/** The identity of the bundle's content (its SHA-256, stamped by the build); without one no cache is used. */
	readonly bundleHash: string | undefined;
}

/** The cache file of a bundle in a folder: one per bundle identity. */
export function codeCacheFile(folder: string, bundlePath: string, bundleHash: string): string {
	return join(folder, `${basename(bundlePath, '.js')}-${bundleHash.slice(0, 16)}.cache`);
}

function headerFor(data: Buffer, bundle: string): CacheHeader {
	return { bundle, node: process.version, v8: process.versions.v8, arch: process.arch, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}

/** The cached data of a cache file's bytes, or why it cannot be used. */
function cachedDataOf(bytes: Buffer, bundle: string): { readonly data: Buffer } | { readonly why: string } {
	const magic = Buffer.from(MAGIC, 'utf8');
	const headerEnd = bytes.indexOf(10, magic.length);
	if (!bytes.subarray(0, magic.length).equals(magic) || headerEnd < 0) {
		return { why: 'is not a code cache' };
	}
	let header: Partial<CacheHeader>;
	try {
		header = JSON.parse(bytes.subarray(magic.length, headerEnd).toString('utf8')) as Partial<CacheHeader>;
	} catch {
		return { why: 'has a broken header' };
	}
	if (header.bundle !== bundle || header.node !== process.version || header.v8 !== process.versions.v8 || header.arch !== process.arch) {
		return { why: 'was made for another build or another Node' };
	}
	const data = bytes.subarray(headerEnd + 1);
	if (data.length !== header.bytes || createHash('sha256').update(data).digest('hex') !== header.sha256) {
		return { why: 'is corrupt (its content does not match its checksum)' };
	}
	return { data };
}

/** Removes a file if it can be; nothing otherwise (the cache is an optimisation). */
function removeQuietly(path: string): void {
	try {
		rmSync(path, { force: true });
	} catch {
		// Left for the next write to replace.
	}
}

/**
 * Compiles and runs a CommonJS bundle as `require` would (its own `require`, `module`, `__filename`, `__dirname`),
 * from its code cache when there is a usable one.
 * @param bundlePath the bundle's absolute path
 * @param parent the module the bundle is loaded from (its `require` resolves as from there)
 */
export function loadBundle(bundlePath: string, parent: NodeModule | undefined, options: CodeCacheOptions): LoadedBundle {
	const source = readFileSync(bundlePath, 'utf8');
	const file = options.folder !== undefined && options.bundleHash !== undefined ? codeCacheFile(options.folder, bundlePath, options.bundleHash) : undefined;
	const log: string[] = [];
	let cachedData: Buffer | undefined;
	if (file !== undefined && options.bundleHash !== undefined) {
		try {
			const read = cachedDataOf(readFileSync(file), options.bundleHash);
			if ('data' in read) {
				cachedData = read.data;
			} else {
				log.push(`The code cache ${file} ${read.why}: it is discarded and made again.`);
				removeQuietly(file);
			}
		} catch (error) {
			const code = errorCode(error);
			if (code !== 'ENOENT' && code !== 'ENOTDIR') {
				log.push(`The code cache ${file} cannot be read (${describeErrorCode(code)}); the server is compiled without it.`);
			}
		}
	}
	const script = new Script(Module.wrap(source), { filename: bundlePath, cachedData });
	const rejected = cachedData !== undefined && script.cachedDataRejected === true;
	if (rejected && file !== undefined) {
		log.push(`The code cache ${file} was rejected by this Node's V8 (other flags or version): it is discarded and made again.`);
		removeQuietly(file);
	}
	const fromCache = cachedData !== undefined && !rejected;
	const bundle = new Module(bundlePath, parent);
	bundle.filename = bundlePath;
	const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
	wrapper.call(bundle.exports, bundle.exports, Module.createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));
	bundle.loaded = true;
	let saved = fromCache || file === undefined || options.bundleHash === undefined;
	return {
		exports: bundle.exports,
		log,
		fromCache,
		save: () => {
			if (saved || file === undefined || options.bundleHash === undefined) {
				return [];
			}
			saved = true;
			return writeCache(file, script.createCachedData(), options.bundleHash);
		},
	};
}

/** Writes a cache file whole (a temporary file renamed over it) and removes the other caches of the same bundle name; the lines to log. */
function writeCache(file: string, data: Buffer, bundle: string): readonly string[] {
	const folder = dirname(file);
	const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
	try {
		mkdirSync(folder, { recursive: true });
		writeFileSync(temporary, Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(headerFor(data, bundle))}\n`, 'utf8'), data]));
		renameSync(temporary, file);
	} catch (error) {
		removeQuietly(temporary);
		return [`The code cache cannot be stored in ${folder} (${describeErrorCode(errorCode(error))}); the server is compiled again at each start.`];
	}
	// A cache of an older build of the same bundle is of no use any more.
	const prefix = `${basename(file).replace(/-[^-]*\.cache$/, '')}-`;
	try {
		for (const name of readdirSync(folder)) {
			if (name.startsWith(prefix) && name.endsWith('.cache') && name !== basename(file)) {
				removeQuietly(join(folder, name));
			}
		}
	} catch {
		// The folder cannot be listed: the old caches stay, unused.
	}
	return [];
}
