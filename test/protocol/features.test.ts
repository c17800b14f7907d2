// Every navigation feature of the built server over stdio, on the real letters and a hand-written one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { CallHierarchyIncomingCall, CallHierarchyItem, CallHierarchyOutgoingCall, CodeAction, CodeLens, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, LocationLink, WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import type { CitationsResult, SymbolAtResult } from '../../server/src/protocol';
import { CitationsRequest, IgnoreSymbolCommand, ShowCitingLettersCommand, SymbolAtRequest } from '../../server/src/protocol';
import { HAND_WRITTEN } from './letters';
import type { FixtureFolder, ServerSession } from './serverHarness';
import { createFixtureFolder, positionOf, startServer, uriOf } from './serverHarness';

const L001 = '001_fcfde71c67116c43.txt';
const L004 = '004_7b45a96a4a663e52.txt';

describe('language features over stdio', () => {
	let folder: FixtureFolder;
	let server: ServerSession;
	let text004: string;
	let text001: string;
	const request = <R>(method: string, params: unknown) => server.connection.sendRequest<R>(method, params);
	const doc = (name: string) => ({ uri: uriOf(folder.file(name)) });

	before(async () => {
		folder = createFixtureFolder({ 'hand-written.txt': HAND_WRITTEN });
		server = await startServer({ folder });
		text004 = readFileSync(folder.file(L004), 'utf8');
		text001 = readFileSync(folder.file(L001), 'utf8');
		await server.ready();
		await server.open(folder.file(L004), 'plaintext');
		await server.open(folder.file(L001), 'markdown');
		await server.open(folder.file('hand-written.txt'), 'text');
	});

	after(async () => {
		await server.stop();
		folder.dispose();
	});

	test('definition of A/75/660-S/2020/1267 in 004 lands in 001, inferred from the citation date', async () => {
		const links = await request<LocationLink[]>('textDocument/definition', { textDocument: doc(L004), position: positionOf(text004, 'A/75/660-S/2020/1267', 4) });
		assert.equal(links.length, 1);
		assert.equal(links[0].targetUri, uriOf(folder.file(L001)));
		const target = text001.split('\n')[links[0].targetRange.start.line];
		assert.match(target, /Letter dated 18 December 2020/);
	});

	test('hover on a citation explains the symbol, the date, the workspace letter and the links', async () => {
		const hover = await request<Hover>('textDocument/hover', { textDocument: doc(L004), position: positionOf(text004, 'A/75/660-S/2020/1267', 4) });
		const value = (hover.contents as { value: string }).value;
		assert.match(value, /General Assembly, seventy-fifth session/);
		assert.match(value, /Cited as dated 22 December 2020/);
		assert.match(value, /In this workspace: A\/75\/660-S\/2020\/1267 · Azerbaijan · 18 December 2020 \(`001_fcfde71c67116c43\.txt`, /, 'named as people name it, the file second');
		assert.match(value, /inferred from the citation dated 22 December 2020 in Azerbaijan · 10 February 2022 \(`004_7b45a96a4a663e52\.txt`\)/);
		assert.match(value, /https:\/\/undocs\.org\/S\/2020\/1267/);
	});

	test('hover on agenda items, session names, footnote markers, annex references and resolutions', async () => {
		const hoverText = async (needle: string, delta = 0) => {
			const hover = await request<Hover | null>('textDocument/hover', { textDocument: doc('hand-written.txt'), position: positionOf(HAND_WRITTEN, needle, delta) });
			return hover ? (hover.contents as { value: string }).value : '';
		};
		assert.match(await hoverText('Agenda items 34', 13), /Agenda item 34.*\n\nPrevention of armed conflict/);
		assert.match(await hoverText('Seventy-fifth session', 2), /opened 15 September 2020; closed 14 September 2021/);
		assert.match(await hoverText('Seventy-fifth year', 2), /calendar year 2020/);
		assert.match(await hoverText('II.¹', 3), /See A\/75\/495-S\/2020\/981/);
		assert.match(await hoverText('annex II', 2), /Annex II.*not in this letter/);
		assert.match(await hoverText('822 (1993)', 1), /S\/RES\/822 ?\(1993\).*Security Council/s);
	});

	test('definition from a footnote marker goes to the footnote text, and back', async () => {
		const links = await request<LocationLink[]>('textDocument/definition', { textDocument: doc('hand-written.txt'), position: positionOf(HAND_WRITTEN, 'II.¹', 3) });
		assert.equal(links.length, 1);
		assert.equal(HAND_WRITTEN.split('\n')[links[0].targetSelectionRange.start.line], '¹ See A/75/495-S/2020/981 (3 October 2020).');
		const back = await request<LocationLink[]>('textDocument/definition', { textDocument: doc('hand-written.txt'), position: links[0].targetSelectionRange.start });
		assert.equal(back[0].targetRange.start.line, positionOf(HAND_WRITTEN, 'II.¹').line);
	});

	test('references on 001\'s title list the citation in 004', async () => {
		const locations = await request<Location[]>('textDocument/references', { textDocument: doc(L001), position: positionOf(text001, 'Letter dated 18 December', 3), context: { includeDeclaration: false } });
		assert.ok(locations.some((location) => location.uri === uriOf(folder.file(L004)) && location.range.start.line === positionOf(text004, 'A/75/660-S/2020/1267').line));
	});

	test('document links point at undocs.org for each part of a joint symbol and for resolutions', async () => {
		const links = await request<DocumentLink[]>('textDocument/documentLink', { textDocument: doc('hand-written.txt') });
		const targets = links.map((link) => link.target);
		assert.ok(targets.includes('https://undocs.org/A/75/495'));
		assert.ok(targets.includes('https://undocs.org/S/2020/981'));
		assert.ok(targets.includes('https://undocs.org/S/RES/822(1993)'));
	});

	test('the outline has the header with agenda items, the title, the signature, footnotes and annexes', async () => {
		const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: doc('hand-written.txt') });
		const names = symbols.map((symbol) => symbol.name);
		assert.equal(names[0], 'Header');
		assert.ok(names.some((name) => name.startsWith('Letter dated 31 October 2020')));
		assert.ok(names.includes('Signed: Mher Margaryan'));
		assert.ok(names.includes('Footnote 1'), 'a single footnote stands alone in the outline');
		assert.ok(names.includes('Annex I'));
		const agenda = symbols[0].children?.find((child) => child.name.startsWith('Agenda items'));
		assert.deepEqual(agenda?.children?.map((child) => child.name), ['Item 34', 'Item 71']);
	});

	test('call hierarchy: 001 is cited by 004, and 004 cites 001 and 002', async () => {
		const [item004] = await request<CallHierarchyItem[]>('textDocument/prepareCallHierarchy', { textDocument: doc(L004), position: positionOf(text004, 'Letter dated 10 February 2022') });
		assert.equal(item004.uri, uriOf(folder.file(L004)));
		assert.equal(item004.name, 'Azerbaijan · 10 February 2022');
		const outgoing = await request<CallHierarchyOutgoingCall[]>('callHierarchy/outgoingCalls', { item: item004 });
		assert.deepEqual(outgoing.map((call) => call.to.uri), [uriOf(folder.file(L001)), uriOf(folder.file('002_f4ff0849ef0a721f.txt'))]);
		assert.equal(outgoing[0].to.name, 'A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020');
		const cited = outgoing[0].fromRanges[0];
		assert.equal(text004.split('\n')[cited.start.line].slice(cited.start.character, cited.end.character), 'A/75/660-S/2020/1267');
		const [item001] = await request<CallHierarchyItem[]>('textDocument/prepareCallHierarchy', { textDocument: doc(L001), position: { line: 0, character: 0 } });
		const incoming = await request<CallHierarchyIncomingCall[]>('callHierarchy/incomingCalls', { item: item001 });
		assert.deepEqual(incoming.map((call) => call.from.uri), [uriOf(folder.file(L004))]);
		assert.ok(incoming[0].fromRanges.length > 0);
		const none = await request<CallHierarchyIncomingCall[]>('callHierarchy/incomingCalls', { item: item004 });
		assert.deepEqual(none, []);
	});

	test('workspace symbols find letters by sender and date, and by symbol', async () => {
		const byTitle = await request<WorkspaceSymbol[]>('workspace/symbol', { query: 'Azerbaijan 18 December' });
		assert.deepEqual(byTitle.map((symbol) => symbol.name), ['A/75/660-S/2020/1267 · Azerbaijan · 18 December 2020']);
		const bySender = await request<WorkspaceSymbol[]>('workspace/symbol', { query: 'Azerbaijan' });
		const fileOf = (symbol: WorkspaceSymbol) => (symbol.location as Location).uri.slice((symbol.location as Location).uri.lastIndexOf('/') + 1, (symbol.location as Location).uri.lastIndexOf('/') + 4);
		assert.deepEqual(bySender.map(fileOf).sort(), ['001', '002', '003', '004'], 'every letter of Azerbaijan, with or without a symbol');
		assert.ok(bySender.every((symbol) => symbol.name.includes('Azerbaijan')), 'the word is in every name, so a client that filters by name keeps them');
		const bySymbol = await request<WorkspaceSymbol[]>('workspace/symbol', { query: 'A/75/900' });
		assert.equal((bySymbol[0].location as Location).uri, uriOf(folder.file('hand-written.txt')));
	});

	test('completion offers workspace symbols with their titles after A/, and the header\'s agenda items in the closing request', async () => {
		const lines = HAND_WRITTEN.split('\n');
		const bodyLine = lines.findIndex((line) => line.startsWith('I refer to'));
		const typed = `${lines[bodyLine]} See A/75/6`;
		await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { ...doc('hand-written.txt'), version: 2 },
			contentChanges: [{ range: { start: { line: bodyLine, character: 0 }, end: { line: bodyLine, character: lines[bodyLine].length } }, text: typed }],
		});
		const symbols = await request<CompletionList>('textDocument/completion', { textDocument: doc('hand-written.txt'), position: { line: bodyLine, character: typed.length } });
		const proposal = symbols.items.find((item) => item.label === 'A/75/660-S/2020/1267');
		assert.match(proposal?.detail ?? '', /Letter dated 18 December 2020/);
		const closingLine = lines.findIndex((line) => line.startsWith('I kindly request'));
		const character = lines[closingLine].indexOf('34 and 72') + '34 and '.length;
		const items = await request<CompletionList>('textDocument/completion', { textDocument: doc('hand-written.txt'), position: { line: closingLine, character } });
		assert.deepEqual(items.items.map((item) => item.label).sort(), ['34', '34 and 71', '71']);
	});

	test('folding ranges cover the header, the footnotes and each annex', async () => {
		const ranges = await request<FoldingRange[]>('textDocument/foldingRange', { textDocument: doc(L001) });
		assert.equal(ranges[0].startLine, 0);
		assert.ok(ranges.some((range) => range.kind === 'comment'));
		assert.ok(ranges.filter((range) => range.kind === 'region').length >= 3);
	});

	test('code lens on 001\'s title: Cited by 1 letter, listing 004', async () => {
		const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: doc(L001) });
		assert.equal(lenses.length, 1);
		assert.equal(lenses[0].command?.title, 'Cited by 1 letter');
		assert.equal(lenses[0].command?.command, ShowCitingLettersCommand.id);
		const locations = lenses[0].command?.arguments?.[2] as Location[];
		assert.deepEqual(locations.map((location) => location.uri), [uriOf(folder.file(L004))]);
	});

	test('quick fixes: date, footnote stub, agenda list, ignore symbol', async () => {
		const diagnostics = await server.waitFor('diagnostics of the hand-written letter', () => {
			const published = server.published.get(uriOf(folder.file('hand-written.txt')))?.diagnostics;
			return published?.some((diagnostic) => diagnostic.code === 'citation-unresolved') ? published : undefined;
		});
		const fixesFor = async (code: string) => {
			const diagnostic = diagnostics.find((item) => item.code === code) as Diagnostic;
			return request<CodeAction[]>('textDocument/codeAction', { textDocument: doc('hand-written.txt'), range: diagnostic.range, context: { diagnostics: [diagnostic] } });
		};
		const edits = (actions: CodeAction[]) => actions.flatMap((action) => action.edit?.changes?.[uriOf(folder.file('hand-written.txt'))] ?? []).map((edit) => edit.newText);
		assert.deepEqual(edits(await fixesFor('date-invalid')), ['16 October 2020']);
		assert.deepEqual(edits(await fixesFor('footnote-missing-text')), ['\n\n² Footnote text.']);
		assert.deepEqual(edits(await fixesFor('agenda-mismatch')), ['34 and 71']);
		const ignore = (await fixesFor('citation-unresolved')).find((action) => action.command?.command === IgnoreSymbolCommand.id);
		assert.ok(ignore?.command?.arguments?.[0] === 'S/2020/9999' || ignore?.command?.arguments?.[0] === 'A/75/495-S/2020/981');
	});

	test('custom request diplomaticLetters/citations: 004 cites 001 (inferred); 001 is cited by 004', async () => {
		const of004 = await request<CitationsResult>(CitationsRequest.method, { textDocument: doc(L004) });
		assert.equal(of004.isLetter, true);
		const cited = of004.cites.find((citation) => citation.symbol === 'A/75/660-S/2020/1267');
		assert.equal(cited?.status, 'inferred');
		assert.equal(cited?.targets[0]?.uri, uriOf(folder.file(L001)));
		assert.ok(of004.cites.some((citation) => citation.status === 'unresolved'));
		const of001 = await request<CitationsResult>(CitationsRequest.method, { textDocument: doc(L001) });
		assert.equal(of001.identity?.source, 'inferred');
		assert.deepEqual(of001.citedBy.map((citer) => citer.uri), [uriOf(folder.file(L004))]);
	});

	test('custom request diplomaticLetters/symbolAt gives the symbol, its links and its letters', async () => {
		const at = await request<SymbolAtResult | null>(SymbolAtRequest.method, { textDocument: doc(L004), position: positionOf(text004, 'A/75/660-S/2020/1267', 2) });
		assert.equal(at?.symbol, 'A/75/660-S/2020/1267');
		assert.deepEqual(at?.undocsUrls, ['https://undocs.org/A/75/660', 'https://undocs.org/S/2020/1267']);
		assert.equal(at?.targets[0]?.uri, uriOf(folder.file(L001)));
		const nothing = await request<SymbolAtResult | null>(SymbolAtRequest.method, { textDocument: doc(L004), position: { line: 0, character: 0 } });
		assert.equal(nothing, null);
	});
});
