import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainDocumentSymbol, parseDocumentSymbol, scanDocumentSymbols, undocsUrl } from '../../../server/src/engine/symbols/documentSymbols';
import type { SymbolMatch, SymbolPart } from '../../../server/src/engine/symbols/documentSymbols';

/** The one match of a text, asserting there is exactly one. */
function only(text: string): SymbolMatch {
	const matches = scanDocumentSymbols(text);
	assert.equal(matches.length, 1, `expected one match in ${JSON.stringify(text)}, got ${JSON.stringify(matches.map((m) => m.raw))}`);
	return matches[0];
}

/** The parts of the one well-formed symbol in a text. */
function partsOf(text: string): SymbolPart[] {
	const match = only(text);
	assert.equal(match.malformed, undefined, match.malformed);
	assert.ok(match.symbol);
	return match.symbol.parts;
}

void describe('scanDocumentSymbols: well-formed symbols', () => {
	void it('decodes a GA symbol with its session and number', () => {
		const [part] = partsOf('A/75/495');
		assert.deepEqual(part, { text: 'A/75/495', series: 'A', organ: 'General Assembly', bodies: [], session: 75, number: '495', suffixes: [] });
	});

	void it('decodes an SC symbol with its year', () => {
		const [part] = partsOf('S/2020/981');
		assert.equal(part.organ, 'Security Council');
		assert.equal(part.year, 2020);
		assert.equal(part.number, '981');
		assert.equal(part.session, undefined);
	});

	void it('accepts old SC numbers and old GA numbers without session', () => {
		assert.deepEqual(partsOf('S/24493').map((p) => [p.number, p.year]), [['24493', undefined]]);
		assert.deepEqual(partsOf('A/8052').map((p) => [p.number, p.session]), [['8052', undefined]]);
		assert.deepEqual(partsOf('A/31/99').map((p) => [p.number, p.session]), [['99', 31]]);
	});

	for (const [separator, label] of [['-', 'hyphen'], ['–', 'en dash'], ['—', 'em dash'], [' - ', 'spaced hyphen'], [' ', 'space'], ['\\-', 'Markdown-escaped hyphen']]) {
		void it(`reads a joint symbol separated by a ${label} as one match`, () => {
			const text = `See A/75/495${separator}S/2020/981 (7 October 2020).`;
			const match = only(text);
			assert.equal(match.start, 4);
			assert.equal(match.raw, `A/75/495${separator}S/2020/981`);
			assert.equal(match.symbol?.text, 'A/75/495-S/2020/981');
			assert.deepEqual(match.symbol.parts.map((p) => p.series), ['A', 'S']);
		});
	}

	void it('reads the en-dash joint symbol of fixture 004', () => {
		assert.equal(only('A/75/660–S/2020/1267').symbol?.text, 'A/75/660-S/2020/1267');
	});

	void it('decodes resolutions, presidential statements and records', () => {
		const [ga] = partsOf('A/RES/75/1');
		assert.deepEqual([ga.special, ga.session, ga.number], [{ kind: 'RES' }, 75, '1']);
		const [sc] = partsOf('S/RES/822 (1993)');
		assert.deepEqual([sc.text, sc.special, sc.year, sc.number], ['S/RES/822(1993)', { kind: 'RES' }, 1993, '822']);
		assert.equal(partsOf('S/RES/822(1993)')[0].text, 'S/RES/822(1993)');
		const [prst] = partsOf('S/PRST/2020/1');
		assert.deepEqual([prst.special, prst.year, prst.number], [{ kind: 'PRST' }, 2020, '1']);
		const [pv] = partsOf('A/75/PV.12');
		assert.deepEqual([pv.special, pv.session, pv.number], [{ kind: 'PV', value: '12' }, 75, 'PV.12']);
		const [old] = partsOf('A/RES/3363 (XXX)');
		assert.deepEqual([old.text, old.session, old.number], ['A/RES/3363(XXX)', 30, '3363']);
	});

	void it('decodes bodies and chained suffixes', () => {
		const [draft] = partsOf('A/C.3/75/L.1/Rev.1');
		assert.deepEqual([draft.bodies, draft.session, draft.number, draft.special, draft.suffixes],
			[['C.3'], 75, 'L.1', { kind: 'L', value: '1' }, [{ kind: 'Rev', number: '1' }]]);
		const [commission] = partsOf('E/CN.4/2005/L.10/Add.1');
		assert.deepEqual([commission.organ, commission.bodies, commission.year, commission.number, commission.suffixes],
			['Economic and Social Council', ['CN.4'], 2005, 'L.10', [{ kind: 'Add', number: '1' }]]);
		const [chained] = partsOf('S/2020/981/Add.1/Corr.2');
		assert.deepEqual(chained.suffixes, [{ kind: 'Add', number: '1' }, { kind: 'Corr', number: '2' }]);
		const [hrc] = partsOf('A/HRC/45/1');
		assert.deepEqual([hrc.bodies, hrc.session], [['HRC'], 45]);
	});

	void it('reads numbered resolutions and decisions of other bodies', () => {
		const [unea] = partsOf('UNEP/EA.5/Res.1');
		assert.deepEqual([unea.organ, unea.bodies, unea.special, unea.number], ['United Nations Environment Programme', ['EA.5'], { kind: 'RES', value: '1' }, 'Res.1']);
		const [record] = partsOf('A/PV.2345');
		assert.deepEqual([record.special, record.session], [{ kind: 'PV', value: '2345' }, undefined]);
	});

	void it('decodes conference volumes, Secretariat issuances, treaty bodies and ECOSOC', () => {
		const [conference] = partsOf('A/CONF.151/26 (Vol. I)');
		assert.deepEqual([conference.text, conference.bodies, conference.number, conference.suffixes],
			['A/CONF.151/26(Vol.I)', ['CONF.151'], '26', [{ kind: 'Vol', number: 'I' }]]);
		const [bulletin] = partsOf('ST/SGB/2003/13');
		assert.deepEqual([bulletin.series, bulletin.organ, bulletin.year, bulletin.number], ['ST/SGB', 'Secretariat', 2003, '13']);
		const [comment] = partsOf('CCPR/C/GC/36');
		assert.deepEqual([comment.series, comment.organ, comment.number], ['CCPR', 'Human Rights Committee', '36']);
		const [ecosoc] = partsOf('E/2020/1');
		assert.deepEqual([ecosoc.year, ecosoc.number], [2020, '1']);
	});

	void it('never includes trailing punctuation', () => {
		for (const [text, raw] of [['see A/75/495.', 'A/75/495'], ['(S/2020/1104)', 'S/2020/1104'], ['S/2020/1104, and', 'S/2020/1104'],
			['S/2020/1104; and', 'S/2020/1104'], ['“A/75/1”', 'A/75/1'], ['S/24493).', 'S/24493']]) {
			const match = only(text);
			assert.equal(match.raw, raw);
			assert.equal(match.malformed, undefined);
		}
	});

	void it('finds the inner text of Markdown links, escapes and emphasis', () => {
		const link = only('letter ([A/74/771-S/2020/242](#)), I');
		assert.equal(link.raw, 'A/74/771-S/2020/242');
		assert.equal(link.start, 9);
		const escaped = only('S/RES/822 \\(1993\\) was');
		assert.equal(escaped.raw, 'S/RES/822 \\(1993\\)');
		assert.equal(escaped.symbol?.text, 'S/RES/822(1993)');
		const emphasis = only('*S/2020/1104*');
		assert.deepEqual([emphasis.start, emphasis.end], [1, 12]);
	});

	void it('joins a symbol wrapped across a line break after "/" or a dash', () => {
		const afterSlash = only('see A/75/\n495-S/2020/981 (7 October)');
		assert.equal(afterSlash.raw, 'A/75/\n495-S/2020/981');
		assert.equal(afterSlash.symbol?.text, 'A/75/495-S/2020/981');
		const afterDash = only('see A/75/495–\r\nS/2020/981.');
		assert.equal(afterDash.symbol?.text, 'A/75/495-S/2020/981');
		assert.equal(afterDash.end, 'see A/75/495–\r\nS/2020/981'.length);
		assert.equal(only('A/\n  75/1').symbol?.text, 'A/75/1');
		assert.equal(only('A/C.3/\n75/L.1').symbol?.text, 'A/C.3/75/L.1');
	});

	void it('does not run a symbol into the words of the next line or across a blank line', () => {
		const word = only('see A/75/\nThe next paragraph');
		assert.equal(word.raw, 'A/75/');
		assert.ok(word.malformed);
		assert.equal(only('see S/2020/\n\n981 cases').raw, 'S/2020/');
	});

	void it('reads two masthead parts that PDF extraction ran together as the joint symbol', () => {
		const match = only('United Nations A/62/667S/2008/55 General Assembly');
		assert.equal(match.symbol?.text, 'A/62/667-S/2008/55');
		assert.equal(match.raw, 'A/62/667S/2008/55');
		assert.equal(only('S/2008/55A/62/667 is cited').symbol?.text, 'S/2008/55-A/62/667');
	});

	void it('joins a symbol wrapped after "/" in a text whose line breaks became single spaces', () => {
		assert.equal(only('United Nations A/75/ PV.14 General Assembly').symbol?.text, 'A/75/PV.14');
		assert.equal(only('see document A/75/ 495 of last year').symbol?.text, 'A/75/495');
	});

	void it('keeps list items separate', () => {
		const matches = scanDocumentSymbols('[A/72/508-S/2017/836](#), [A/72/889-S/2018/546](#) and A/74/718-S/2020/149; S/23904 S/24493');
		assert.deepEqual(matches.map((m) => m.symbol?.text), ['A/72/508-S/2017/836', 'A/72/889-S/2018/546', 'A/74/718-S/2020/149', 'S/23904', 'S/24493']);
	});

	void it('respects the scan bounds', () => {
		const text = 'A/75/1 and S/2020/2 and E/2020/3';
		assert.deepEqual(scanDocumentSymbols(text, 7, 19).map((m) => m.raw), ['S/2020/2']);
		assert.deepEqual(scanDocumentSymbols(text, 11).map((m) => m.start), [11, 24]);
	});
});

void describe('scanDocumentSymbols: malformed symbols', () => {
	const cases: [string, string, RegExp][] = [
		['the letter A/75/ was', 'A/75/', /“A\/75\/” ends without a document number/],
		['see S/2020/ of', 'S/2020/', /“S\/2020\/” ends without a document number/],
		['see A/75/495-S/2020 (7 October 2020)', 'A/75/495-S/2020', /“S\/2020” of the symbol “A\/75\/495-S\/2020” ends without a document number/],
		['see S/20x0/5.', 'S/20x0/5', /“20x0”/],
		['see A//75/1.', 'A//75/1', /empty component/],
		['see A/75/495/Add.', 'A/75/495/Add', /“Add”/],
		['see A/75/100S of', 'A/75/100S', /“100S”/],
		['see A/75/ for details', 'A/75/', /ends without a document number/],
		['see A/75/ 2020a of', 'A/75/', /ends without a document number/],
	];
	for (const [text, raw, message] of cases) {
		void it(`reports ${raw}`, () => {
			const match = only(text);
			assert.equal(match.raw, raw);
			assert.equal(match.symbol, undefined);
			assert.match(match.malformed ?? '', message);
		});
	}
});

void describe('scanDocumentSymbols: no false alarms', () => {
	const quiet = [
		'Armenia/Azerbaijan and/or Human Rights Watch/Helsinki',
		'doc. No. CM/Del/Concl(92)471bis; resolution No. 8/43-C; App. No. 40984/07; Ref: 0461/27/20/22; in 1987-1992',
		'¹ See <https://artsakhombuds.am/en/document/740>.',
		'Available at www.hrw.org/news/2020/12/11/armenia-unlawful-rocket-missile-strikes-azerbaijan.',
		'Available at [www.hrw.org/news/2020/12/11/x](http://www.hrw.org/news/2020/12/11/x).',
		'[text](http://example.org/A/75/495-S/2020/981) and <https://undocs.org/S/2020/981>',
		'available at [ceas.europa.eu/S/2020/1](#); https://undocs.org/A/75/1',
		'on 27/09/2020 and 2020/10/17, the A/B test; S/he; N/A; I/O',
		'the Third Committee (A/C.3) met',
	];
	for (const text of quiet) {
		void it(`finds nothing in ${JSON.stringify(text.slice(0, 50))}`, () => {
			assert.deepEqual(scanDocumentSymbols(text), []);
		});
	}

	void it('finds a symbol right after a URL but nothing inside it', () => {
		const text = 'See www.un.org/S/2020/1 and S/2020/2.';
		assert.deepEqual(scanDocumentSymbols(text).map((m) => m.raw), ['S/2020/2']);
	});
});

void describe('parseDocumentSymbol', () => {
	void it('parses joint symbols with any separator and Markdown escapes', () => {
		for (const raw of ['A/74/771-S/2020/242', 'A/74/771–S/2020/242', 'A/74/771 — S/2020/242', 'A/74/771 S/2020/242', 'A/74/771\\-S/2020/242', '  A/74/771-S/2020/242. ', '(A/74/771-S/2020/242)', '[A/74/771-S/2020/242]', '“A/74/771-S/2020/242”']) {
			const result = parseDocumentSymbol(raw);
			assert.ok(result.ok, raw);
			assert.equal(result.symbol.text, 'A/74/771-S/2020/242');
		}
	});

	void it('parses an escaped resolution', () => {
		const result = parseDocumentSymbol('S/RES/822 \\(1993\\)');
		assert.ok(result.ok);
		assert.equal(result.symbol.parts[0].year, 1993);
	});

	void it('explains why a string is not a symbol', () => {
		for (const [raw, reason] of [['', /no symbol/], ['hello', /does not start/], ['A/75/495 is here', /unexpected text/], ['A/75/', /ends without a document number/], ['A/75/495-S/2020', /ends without a document number/]] as const) {
			const result = parseDocumentSymbol(raw);
			assert.equal(result.ok, false, raw);
			assert.match(result.ok ? '' : result.reason, reason);
		}
	});
});

void describe('undocsUrl', () => {
	void it('links each part and writes resolutions without a space before the year', () => {
		assert.equal(undocsUrl('A/75/495'), 'https://undocs.org/A/75/495');
		assert.equal(undocsUrl('S/RES/822 (1993)'), 'https://undocs.org/S/RES/822(1993)');
		const [ga, sc] = partsOf('A/75/495-S/2020/981');
		assert.deepEqual([undocsUrl(ga), undocsUrl(sc)], ['https://undocs.org/A/75/495', 'https://undocs.org/S/2020/981']);
		assert.equal(undocsUrl('E/CN.4/2005/L.10/Add.1'), 'https://undocs.org/E/CN.4/2005/L.10/Add.1');
	});
});

void describe('explainDocumentSymbol', () => {
	void it('explains a joint symbol part by part', () => {
		const result = parseDocumentSymbol('A/75/495-S/2020/981');
		assert.ok(result.ok);
		const explanation = explainDocumentSymbol(result.symbol);
		assert.deepEqual(explanation.parts.map((p) => [p.organ, p.sessionOrYear, p.number, p.url]), [
			['General Assembly', 'seventy-fifth session', '495', 'https://undocs.org/A/75/495'],
			['Security Council', '2020', '981', 'https://undocs.org/S/2020/981'],
		]);
		assert.match(explanation.summary, /Joint symbol/);
	});

	void it('names bodies and components', () => {
		const result = parseDocumentSymbol('A/C.3/75/L.1/Rev.1');
		assert.ok(result.ok);
		const [part] = explainDocumentSymbol(result.symbol).parts;
		assert.equal(part.body, 'Third Committee');
		assert.deepEqual(part.components, ['limited distribution (draft) L.1', 'revision 1']);
		const record = parseDocumentSymbol('A/75/PV.12');
		assert.ok(record.ok);
		assert.deepEqual(explainDocumentSymbol(record.symbol).parts[0].components, ['provisional verbatim record of meeting 12']);
		const commission = parseDocumentSymbol('E/CN.4/2005/L.10/Add.1');
		assert.ok(commission.ok);
		assert.equal(explainDocumentSymbol(commission.symbol).parts[0].body, 'Commission on Human Rights');
		const lawCommission = parseDocumentSymbol('A/CN.4/750');
		assert.ok(lawCommission.ok);
		assert.equal(explainDocumentSymbol(lawCommission.symbol).parts[0].body, 'International Law Commission');
		const resolution = parseDocumentSymbol('S/RES/822 (1993)');
		assert.ok(resolution.ok);
		assert.match(explainDocumentSymbol(resolution.symbol).summary, /^Security Council, 1993, document 822 \(resolution\)\.$/);
	});
});

void describe('scan bounds and web addresses', () => {
	void it('skips an address that began before the bounds', () => {
		const text = 'See www.example.org/reports/S/2020/1 and S/2020/2.';
		const inside = text.indexOf('S/2020/1');
		assert.deepEqual(scanDocumentSymbols(text, inside).map((m) => m.raw), ['S/2020/2']);
	});

	void it('treats bounds that are not numbers as absent and clamps the rest', () => {
		const text = 'A/75/1 and S/2020/2';
		assert.equal(scanDocumentSymbols(text, Number.NaN, Number.POSITIVE_INFINITY).length, 2);
		assert.equal(scanDocumentSymbols(text, -10, 1000).length, 2);
		assert.deepEqual(scanDocumentSymbols(text, 15, 5), []);
	});
});
