// After a sequence of edits to a long open letter (re-parsed incrementally), its diagnostics are those a fresh server
// publishes for the edited text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { DidChangeTextDocumentNotification, PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixtureFolder, ServerSession } from './serverHarness';
import { createFixtureFolder, ROOT, startServer, uriOf } from './serverHarness';

const LONG = 'long-letter.txt';

/** A long letter: 001 with the bodies of the fixture letters set in (four times over) before its last part. */
function longLetter(): string {
	const dir = join(ROOT, 'test', 'fixtures', 'letters');
	const texts = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(dir, name), 'utf8'));
	const base = texts[1];
	const at = base.indexOf('\n', Math.floor(base.length * 0.75)) + 1;
	const bodies = [1, 2, 3, 4].flatMap(() => texts.map((text) => text.slice(Math.floor(text.length * 0.3)))).join('\n\n');
	return `${base.slice(0, at)}\n${bodies}\n\n${base.slice(at)}`;
}

/** Edits typed and pasted over the letter: a citation and a date typed, a line removed, a paragraph break, a symbol broken. */
function editsOf(text: string): { range: { start: number; end: number }; text: string }[] {
	const middle = text.indexOf('\n\n', Math.floor(text.length / 2));
	const symbol = text.indexOf('S/', Math.floor(text.length / 3));
	const line = text.indexOf('\n', Math.floor(text.length * 0.6));
	return [
		{ range: { start: middle, end: middle }, text: ' The Council recalled document S/2020/1267 of 18 December 2020.' },
		{ range: { start: symbol, end: symbol + 2 }, text: 'X' },
		{ range: { start: line, end: text.indexOf('\n', line + 1) }, text: '' },
		{ range: { start: middle + 10, end: middle + 10 }, text: '\n\n' },
		{ range: { start: 200, end: 200 }, text: 'x' },
	];
}

function diagnosticsOfVersion(server: ServerSession, uri: string, version: number): Promise<Diagnostic[]> {
	return new Promise((resolve) => {
		const disposable = server.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
			if (params.uri === uri && params.version === version) {
				disposable.dispose();
				resolve(params.diagnostics);
			}
		});
	});
}

describe('diagnostics after edits', () => {
	let folder: FixtureFolder;
	let server: ServerSession;
	const original = longLetter();

	before(async () => {
		folder = createFixtureFolder({ [LONG]: original });
		server = await startServer({ folder });
		await server.ready();
	});

	after(async () => {
		await server.stop();
		folder.dispose();
	});

	test('an edited long letter has the diagnostics a fresh server gives its text', async () => {
		const uri = uriOf(folder.file(LONG));
		await server.open(folder.file(LONG), 'plaintext', original);
		await server.diagnosticsOf(folder.file(LONG));
		let document = TextDocument.create(uri, 'plaintext', 1, original);
		let edited: Diagnostic[] = [];
		for (const [i, edit] of editsOf(original).entries()) {
			const version = i + 2;
			const change: TextDocumentContentChangeEvent = { range: { start: document.positionAt(edit.range.start), end: document.positionAt(edit.range.end) }, text: edit.text };
			document = TextDocument.update(document, [change], version);
			const published = diagnosticsOfVersion(server, uri, version);
			await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
			edited = await published;
		}
		assert.ok(original.length > 40_000, 'long enough for the re-parse to scan a window');
		assert.ok(edited.some((diagnostic) => diagnostic.range.start.line === document.positionAt(document.getText().indexOf('S/2020/1267')).line), 'the typed citation is read');

		const freshFolder = createFixtureFolder({ [LONG]: document.getText() });
		const fresh = await startServer({ folder: freshFolder });
		try {
			await fresh.ready();
			await fresh.open(freshFolder.file(LONG), 'plaintext', document.getText());
			const expected = await fresh.diagnosticsOf(freshFolder.file(LONG));
			const relative = (diagnostics: Diagnostic[], root: string) => JSON.parse(JSON.stringify(diagnostics).split(uriOf(root)).join('<folder>')) as unknown;
			assert.deepEqual(relative(edited, folder.path), relative(expected, freshFolder.path));
		} finally {
			await fresh.stop();
			freshFolder.dispose();
		}
	});

	test('an edit that changes what other open letters see is answered first; the others are refreshed after it', async () => {
		const other = folder.file('004_7b45a96a4a663e52.txt');
		const uri = uriOf(folder.file(LONG));
		// (A handler set here replaces the harness's: every publication is followed here.)
		const order: string[] = [];
		const disposable = server.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
			order.push(params.uri === uri ? `edited v${params.version}` : params.uri === uriOf(other) ? 'other' : params.uri);
		});
		await server.open(other);
		await server.waitFor('the other letter\'s diagnostics', () => order.includes('other') || undefined);
		order.length = 0;
		const at = { line: 120, character: 0 };
		// A citation of a symbol no letter had cited: the index changes, and 004's diagnostics are computed again.
		await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 10 }, contentChanges: [{ range: { start: at, end: at }, text: 'See S/2021/4242.\n' }] });
		await server.waitFor('the other letter refreshed', () => order.includes('other') || undefined);
		disposable.dispose();
		assert.deepEqual(order.slice(0, 2), ['edited v10', 'other']);
	});
});
