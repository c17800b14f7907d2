import { UsageError } from './commandIo';

/** The arguments of a command over letters: paths, an output format, a config file, and flags. */
export interface LetterCommandArguments<Format extends string> {
	readonly paths: string[];
	readonly format: Format;
	readonly configPath?: string;
	/** The flags given, of those the command takes (`--cache`). */
	readonly flags: ReadonlySet<string>;
}

/**
 * Parses `<folder or files…> [--format f] [--config file]` (also `--format=f`) and the command's own flags. Unknown
 * options and a missing path are usage errors naming what was wrong.
 */
export function parseLetterCommandArguments<Format extends string>(command: string, argv: readonly string[], formats: readonly Format[], known: readonly string[] = []): LetterCommandArguments<Format> {
	const paths: string[] = [];
	const flags = new Set<string>();
	let format: Format = formats[0];
	let configPath: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		if (flag === '--format') {
			const value = inline ?? argv[++i];
			if (!formats.includes(value as Format)) {
				const choices = formats.map((name) => `"${name}"`).join(formats.length > 2 ? ', ' : ' or ');
				throw new UsageError(`--format takes ${choices}${value ? `, not "${value}"` : ''}`);
			}
			format = value as Format;
		} else if (flag === '--config') {
			configPath = inline ?? argv[++i];
			if (!configPath) {
				throw new UsageError('--config needs a file');
			}
		} else if (known.includes(arg)) {
			flags.add(arg);
		} else if (arg.startsWith('--')) {
			throw new UsageError(`unknown option ${flag}`);
		} else {
			paths.push(arg);
		}
	}
	if (paths.length === 0) {
		throw new UsageError(`${command} needs at least one folder or file`);
	}
	return { paths, format, configPath, flags };
}
