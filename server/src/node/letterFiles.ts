import { readdirSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { readTextFileSync } from './textFiles';

/**
 * Suffix of a sidecar file name (SPEC: `path/to/letter.txt.annotations.yaml`). Defined here, where the walk looks for
 * sidecars, so that the walk does not load the annotation engine (`sidecarFiles.ts` gives it too).
 */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** Options deciding which files under a folder are candidate letters (the same rules as the editor's settings). */
export interface LetterFileOptions {
	/** Glob patterns of files to consider, relative to the folder (default: every `.txt` and `.md`). */
	readonly include: readonly string[];
	/** Glob patterns of files and folders to leave out. */
	readonly exclude: readonly string[];
	/** Files larger than this many bytes are not read. */
	readonly maxFileSize: number;
}

/** The defaults of `diplomaticLetters.include`, `.exclude` and `.maxFileSizeKB`. */
export const DEFAULT_LETTER_FILE_OPTIONS: LetterFileOptions = {
	include: ['**/*.txt', '**/*.md'],
	exclude: ['**/node_modules/**', '**/.git/**'],
	maxFileSize: 2048 * 1024,
};

/** A candidate file found under a path the user gave. */
export interface FoundFile {
	readonly path: string;
	/** The path to show: as given for a file, relative to the folder for a file found in a folder. */
	readonly displayPath: string;
	readonly explicit: boolean;
	/**
	 * For a file found in a folder: false when the folder's listing, as the walk read it, had no entry of the name of
	 * its sidecar (`<name>.annotations.yaml`, compared without case or Unicode normalisation, as a file system that
	 * ignores them would find it) — the sidecar need not be looked for at the time of the walk. Otherwise undefined.
	 */
	readonly sidecarUnlisted?: boolean;
}

/** Converts a glob (`**`, `*`, `?`, `{a,b}`) to a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
	let pattern = '';
	for (let i = 0; i < glob.length; i++) {
		const ch = glob[i];
		if (ch === '*' && glob[i + 1] === '*') {
			const slashAfter = glob[i + 2] === '/';
			pattern += slashAfter ? '(?:.*/)?' : '.*';
			i += slashAfter ? 2 : 1;
		} else if (ch === '*') {
			pattern += '[^/]*';
		} else if (ch === '?') {
			pattern += '[^/]';
		} else if (ch === '{') {
			const close = glob.indexOf('}', i);
			if (close > i) {
				pattern += `(?:${glob.slice(i + 1, close).split(',').map((alt) => alt.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`;
				i = close;
			} else {
				pattern += '\\{';
			}
		} else {
			pattern += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
		}
	}
	return new RegExp(`^${pattern}$`);
}

/** True when a `/`-separated relative path matches one of the globs. */
export function matchesAny(relativePath: string, globs: readonly RegExp[]): boolean {
	return globs.some((glob) => glob.test(relativePath));
}

/** Thrown for a path the user gave that does not exist or cannot be listed. */
export class BadPathError extends Error {
	constructor(readonly path: string, reason: string) {
		super(`${path}: ${reason}`);
		this.name = 'BadPathError';
	}
}

/**
 * Lists the candidate letter files under the given paths: files given explicitly are always candidates; folders are
 * walked with the include and exclude globs. Throws {@link BadPathError} for a path that does not exist.
 */
export function findLetterFiles(paths: readonly string[], options: LetterFileOptions = DEFAULT_LETTER_FILE_OPTIONS, onSkippedFolder?: (folder: string, reason: string) => void): FoundFile[] {
	const include = options.include.map(globToRegExp);
	const exclude = options.exclude.map(globToRegExp);
	const found: FoundFile[] = [];
	for (const path of paths) {
		let stats;
		try {
			stats = statSync(path);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			throw new BadPathError(path, code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'unknown error'})`);
		}
		if (stats.isFile()) {
			found.push({ path, displayPath: path, explicit: true });
		} else if (stats.isDirectory()) {
			walk(path, '', include, exclude, found, onSkippedFolder);
		} else {
			throw new BadPathError(path, 'not a file or a folder');
		}
	}
	return found;
}

/** Lists the folder `rel` (`/`-separated, relative to `root`; `''` for the root itself) into `found`. */
function walk(root: string, rel: string, include: RegExp[], exclude: RegExp[], found: FoundFile[], onSkippedFolder?: (folder: string, reason: string) => void): void {
	const folder = rel === '' ? root : join(root, rel);
	let entries;
	try {
		entries = readdirSync(folder, { withFileTypes: true });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'EACCES' ? 'cannot be listed: permission denied' : `cannot be listed (${code ?? 'unknown error'})`;
		if (rel === '') {
			throw new BadPathError(folder, reason);
		}
		onSkippedFolder?.(rel, reason);
		return;
	}
	entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	// A name from a listing has no separator and is never `.` or `..`: in a normalised folder path, joining is appending.
	const plain = normalize(folder) === folder && !folder.endsWith(sep);
	const pathIn = (name: string) => (plain ? `${folder}${sep}${name}` : join(folder, name));
	// The sidecars' names in this listing (any type of entry: a link or a folder of that name is looked at as before).
	let sidecars: Set<string> | undefined;
	for (const entry of entries) {
		if (entry.name.length > SIDECAR_SUFFIX.length && entry.name.slice(-SIDECAR_SUFFIX.length).toLowerCase() === SIDECAR_SUFFIX) {
			(sidecars ??= new Set()).add(foldedName(entry.name));
		}
	}
	for (const entry of entries) {
		// The path relative to the root, built as the walk descends (the same as `relative(root, full)` with `/`).
		const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
		if (matchesAny(path, exclude) || matchesAny(`${path}/`, exclude)) {
			continue;
		}
		if (entry.isDirectory()) {
			walk(root, path, include, exclude, found, onSkippedFolder);
		} else if (entry.isFile() && matchesAny(path, include)) {
			const sidecarUnlisted = sidecars === undefined || !sidecars.has(foldedName(`${entry.name}${SIDECAR_SUFFIX}`));
			found.push({ path: pathIn(entry.name), displayPath: path, explicit: false, ...(sidecarUnlisted ? { sidecarUnlisted } : {}) });
		}
	}
}

/** A file name as a file system that ignores case and Unicode normalisation compares it. */
function foldedName(name: string): string {
	return name.normalize('NFKC').toUpperCase().toLowerCase();
}

/** The outcome of reading a candidate file: its text, or why it was not read. */
export type ReadOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * Reads a file as UTF-8 text, refusing files larger than `maxFileSize`, files that are not regular files (a named
 * pipe is never opened), UTF-16, binary files and invalid UTF-8, each with a clear reason (see `textFiles.ts`).
 * A UTF-8 byte-order mark is not part of the text (as in the editor).
 */
export function readLetterFile(path: string, maxFileSize: number): ReadOutcome {
	const read = readTextFileSync(path, maxFileSize);
	return read.kind === 'text' ? { ok: true, text: letterText(read.text) } : { ok: false, reason: whyNotRead(read) };
}

/** A letter's text as the index reads it: without a UTF-8 byte-order mark (as in the editor). */
export function letterText(decoded: string): string {
	return decoded.replace(/^\uFEFF/, '');
}

/** Why a candidate file was not read, with what to do about it. */
export function whyNotRead(read: { readonly kind: 'missing' } | { readonly kind: 'unreadable'; readonly reason: string }): string {
	if (read.kind === 'missing') {
		return 'no longer exists';
	}
	const advice = read.reason.startsWith('is larger than') ? '; raise diplomaticLetters.maxFileSizeKB to check it' : /UTF|binary/.test(read.reason) ? '; save it as UTF-8 text' : '';
	return `${read.reason}${advice}`;
}
