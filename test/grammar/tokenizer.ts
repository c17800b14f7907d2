/**
 * Tokenizes text with the extension's grammars through vscode-textmate and vscode-oniguruma, the engine VS Code uses,
 * so tests can compare what the grammar colours with what the language server reads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';
import type { IGrammar } from 'vscode-textmate';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..');

const grammarFiles: Record<string, string> = {
	'text.diplomatic-letter': join(root, 'syntaxes', 'diplomatic-letter.tmLanguage.json'),
	'text.diplomatic-letter.injection': join(root, 'syntaxes', 'diplomatic-letter.injection.tmLanguage.json'),
	'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
};

/** A run of text whose scopes all include the scope asked for, with offsets into the whole text. */
export interface ScopedRange {
	start: number;
	end: number;
	text: string;
}

let registry: Registry | undefined;

function getRegistry(): Registry {
	if (registry === undefined) {
		const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
		const onigLib = loadWASM(wasm).then(() => ({
			createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
			createOnigString: (text: string) => new OnigString(text),
		}));
		registry = new Registry({
			onigLib,
			loadGrammar: (scopeName) => {
				const path = grammarFiles[scopeName];
				return Promise.resolve(path === undefined ? null : parseRawGrammar(readFileSync(path, 'utf8'), path));
			},
			getInjections: (scopeName) => (scopeName.startsWith('text.html.markdown') ? ['text.diplomatic-letter.injection'] : undefined),
		});
	}
	return registry;
}

/** The grammar of `scopeName`: `text.diplomatic-letter`, or `text.html.markdown` with the letter injection. */
export async function loadGrammar(scopeName: 'text.diplomatic-letter' | 'text.html.markdown'): Promise<IGrammar> {
	const grammar = await getRegistry().loadGrammar(scopeName);
	if (grammar === null) {
		throw new Error(`No grammar for ${scopeName}`);
	}
	return grammar;
}

/**
 * Maximal runs of `text` that carry `scope` (a scope name or a prefix of one, e.g. `constant.other.symbol`), tokenizing
 * line by line as VS Code does. Adjacent tokens with the scope join into one range.
 */
export function scopedRanges(grammar: IGrammar, text: string, scope: string): ScopedRange[] {
	const ranges: ScopedRange[] = [];
	let ruleStack = INITIAL;
	let lineStart = 0;
	for (const line of text.split('\n')) {
		const result = grammar.tokenizeLine(line, ruleStack);
		ruleStack = result.ruleStack;
		for (const token of result.tokens) {
			if (!token.scopes.some((name) => name === scope || name.startsWith(`${scope}.`))) {
				continue;
			}
			const start = lineStart + token.startIndex;
			const end = lineStart + token.endIndex;
			const previous = ranges.at(-1);
			if (previous !== undefined && previous.end === start) {
				previous.end = end;
				previous.text = text.slice(previous.start, end);
			} else {
				ranges.push({ start, end, text: text.slice(start, end) });
			}
		}
		lineStart += line.length + 1;
	}
	return ranges;
}
