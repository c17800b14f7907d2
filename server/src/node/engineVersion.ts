/**
 * The engine's version as the persistent index keys its entries by it. A build stamps it (the hash of the engine's
 * sources, of the Node layer that reads files and of the data files, `scripts/build.mjs`); run from the sources, it is
 * computed from the same files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

let computed: string | undefined;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).sort().flatMap((name) => (statSync(join(dir, name)).isDirectory() ? sourceFiles(join(dir, name)) : [join(dir, name)]));
}

/** The engine version of this build, or of the sources it runs from. */
export function engineVersion(): string {
	const stamped = process.env.DIPLOMATIC_LETTERS_ENGINE;
	if (stamped !== undefined && stamped !== '') {
		return stamped;
	}
	if (computed === undefined) {
		const root = join(__dirname, '..', '..', '..');
		const hash = createHash('sha256');
		for (const file of [...sourceFiles(join(root, 'server', 'src', 'engine')), ...sourceFiles(join(root, 'server', 'src', 'node')), ...sourceFiles(join(root, 'data'))]) {
			hash.update(file.slice(root.length + 1)).update('\0').update(readFileSync(file)).update('\0');
		}
		computed = `source-${hash.digest('base64url').slice(0, 22)}`;
	}
	return computed;
}
