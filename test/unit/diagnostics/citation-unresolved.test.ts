// `citation-unresolved` (hint): a cited symbol that no letter in the workspace is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DIAGNOSTIC_SETTINGS } from '../../../server/src/engine/diagnostics/codes';
import { computeLetterDiagnostics } from '../../../server/src/engine/diagnostics/letterDiagnostics';
import { LetterIndex } from '../../../server/src/engine/workspace/letterIndex';
import { makeLetter, referenceData } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO, titleLine } from './diagnose';

const CITING = makeLetter({ body: ['See the letter of Azerbaijan (A/75/660-S/2020/1267) for its claims.'] });
const CITED = makeLetter({ masthead: 'A/75/660–S/2020/1267', distributed: '22 December 2020', title: titleLine('18 December 2020', 'Azerbaijan') });

describe('citation-unresolved', () => {
	it('reports a cited symbol that no workspace letter is, on the symbol', () => {
		const [diagnostic, ...rest] = diagnoseCode('citation-unresolved', CITING);
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'hint');
		assert.equal(diagnostic.text, 'A/75/660-S/2020/1267');
		assert.match(diagnostic.message, /A\/75\/660-S\/2020\/1267/);
		assert.match(diagnostic.message, /outside the folder/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
		assert.equal(diagnostic.fix?.symbol, 'A/75/660-S/2020/1267');
	});

	it('is cleared when the cited letter is added to the index, and comes back when it is removed', () => {
		const index = new LetterIndex(referenceData);
		const citing = index.set('file:///work/citing.txt', CITING);
		const codes = () => computeLetterDiagnostics(index.get(citing.uri)!, index, referenceData, DEFAULT_DIAGNOSTIC_SETTINGS).map((diagnostic) => diagnostic.code);
		assert.deepEqual(codes(), ['citation-unresolved']);
		index.set('file:///work/cited.txt', CITED);
		assert.deepEqual(codes(), []);
		index.delete('file:///work/cited.txt');
		assert.deepEqual(codes(), ['citation-unresolved']);
	});

	it('is resolved by a letter whose identity comes from its file name', () => {
		const others = { 'file:///work/A_75_660-S_2020_1267.txt': makeLetter({ distributed: '22 December 2020', title: titleLine('18 December 2020', 'Azerbaijan') }) };
		assert.deepEqual(diagnoseCode('citation-unresolved', CITING, { others }), []);
	});

	it('is resolved by a letter identified by inference from this very citation', () => {
		const citing = makeLetter({ body: ['See the letter of Azerbaijan (A/75/660-S/2020/1267 (22 December 2020)) for its claims.'] });
		const others = { 'file:///work/unnamed.txt': makeLetter({ distributed: '22 December 2020', title: titleLine('18 December 2020', 'Azerbaijan') }) };
		assert.deepEqual(diagnoseCode('citation-unresolved', citing, { others }), []);
	});

	it('is silenced by ignoredSymbols, written with an en dash, spaces or as one part', () => {
		for (const ignored of ['A/75/660-S/2020/1267', 'A/75/660–S/2020/1267', 'A/75/660 – S/2020/1267', 'S/2020/1267']) {
			assert.deepEqual(diagnoseCode('citation-unresolved', CITING, { settings: { severities: {}, ignoredSymbols: [ignored] } }), [], ignored);
		}
		assert.equal(diagnoseCode('citation-unresolved', CITING, { settings: { severities: {}, ignoredSymbols: ['S/2020/1104'] } }).length, 1);
	});

	it('never reports resolutions, presidential statements or meeting records', () => {
		const text = makeLetter({ body: ['Recalling S/RES/822 (1993), A/RES/75/1, S/PRST/2020/1 and S/PV.8764, the Council acted.'] });
		assert.deepEqual(diagnoseCode('citation-unresolved', text), []);
	});

	it('does not report the agenda footnote of the provisional agenda or preliminary list', () => {
		const text = makeLetter({ agenda: 'Item 97 of the preliminary list*', agendaTitles: ['Sustainable development'], footnotes: ['* A/51/50.'], session: 'Fifty-first', distributed: '22 April 1996', title: 'Letter dated 19 April 1996 from the Permanent Representative of Bangladesh to the United Nations addressed to the Secretary-General' });
		assert.deepEqual(diagnoseCode('citation-unresolved', text), []);
	});

	it('does not report the letter citing its own symbol', () => {
		const text = makeLetter({ masthead: 'A/75/356–S/2020/947', body: ['The present letter (A/75/356-S/2020/947) is circulated again.'] });
		assert.deepEqual(diagnoseCode('citation-unresolved', text), []);
	});
});
