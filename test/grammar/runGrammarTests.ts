/**
 * Runs vscode-tmgrammar-test over test/grammar/*.test.txt (the letter grammar) and *.test.md (the Markdown injection).
 * The grammars come from package.json `contributes.grammars`, as in VS Code; the real Markdown grammar comes from
 * tm-grammars so that the injection is tested inside the grammar it is injected into.
 *
 * That Markdown grammar embeds about seventy languages in fenced code blocks, and the runner warns once for each one it
 * does not have. Those warnings, and only those, are dropped: a missing grammar of ours would still be reported.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const markdownGrammar = require.resolve('tm-grammars/grammars/markdown.json');
const runner = require.resolve('vscode-tmgrammar-test/dist/unit.js');

const warn = console.warn.bind(console);
console.warn = (...args: unknown[]): void => {
	const message = String(args[0]);
	if (message.startsWith('grammar not found for') && !message.includes('diplomatic-letter')) {
		return;
	}
	warn(...args);
};

process.argv = [
	process.argv[0],
	runner,
	'--grammar',
	markdownGrammar,
	'test/grammar/**/*.test.txt',
	'test/grammar/**/*.test.md',
];
require(runner);
