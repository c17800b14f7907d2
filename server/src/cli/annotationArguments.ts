/** The arguments of the `annotations` subcommands: paths, `--format`, `--out`, `--write`. */
import { UsageError } from './commandIo';

/** The arguments of an `annotations` subcommand. */
export interface ParsedArguments {
	readonly paths: string[];
	readonly format: string | undefined;
	readonly out: string | undefined;
	readonly write: boolean;
}

/** Parses the arguments after the subcommand; `allowed` are the options it takes. */
export function parseArguments(argv: readonly string[], allowed: readonly string[]): ParsedArguments {
	const paths: string[] = [];
	const values = new Map<string, string>();
	let write = false;
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index] ?? '';
		const [flag, inline] = argument.startsWith('--') ? (argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined]) : [undefined, undefined];
		if (flag === undefined) {
			paths.push(argument);
		} else if (!allowed.includes(flag)) {
			throw new UsageError(`unknown option ${flag}`);
		} else if (flag === '--write') {
			write = true;
		} else {
			const value = inline ?? argv[++index];
			if (value === undefined || value === '') {
				throw new UsageError(`${flag} needs a value`);
			}
			values.set(flag, value);
		}
	}
	if (paths.length === 0) {
		throw new UsageError('give at least one folder or file');
	}
	return { paths, format: values.get('--format'), out: values.get('--out'), write };
}

/** `text` or `json`, else a usage error. */
export function textOrJson(format: string | undefined): 'text' | 'json' {
	const chosen = format ?? 'text';
	if (chosen !== 'text' && chosen !== 'json') {
		throw new UsageError(`--format must be text or json, not ${chosen}`);
	}
	return chosen;
}
