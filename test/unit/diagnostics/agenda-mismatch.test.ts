// `agenda-mismatch` (warning): the closing request lists other agenda items than the header.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeLetter } from '../helpers/fixtures';
import { diagnoseCode, SAYS_WHAT_TO_DO } from './diagnose';

function closing(items: string): string {
	return `I kindly request that the present letter be circulated as a document of the General Assembly, under agenda items ${items}, and of the Security Council.`;
}

describe('agenda-mismatch', () => {
	it('reports a closing request with other items, over the closing list, and offers the header list', () => {
		const text = makeLetter({ agenda: 'Agenda items 34 and 71', closing: closing('34 and 72') });
		const [diagnostic, ...rest] = diagnoseCode('agenda-mismatch', text);
		assert.equal(rest.length, 0);
		assert.equal(diagnostic.severity, 'warning');
		assert.equal(diagnostic.text, '34 and 72');
		assert.match(diagnostic.message, /34 and 72/);
		assert.match(diagnostic.message, /34 and 71/);
		assert.match(diagnostic.message, /71 missing/);
		assert.match(diagnostic.message, /72 not in the header/);
		assert.match(diagnostic.message, SAYS_WHAT_TO_DO);
		assert.equal(diagnostic.fix?.replacement, '34 and 71');
		assert.equal(diagnostic.related?.[0].range.start, text.indexOf('Agenda items 34 and 71'));
	});

	it('reports a closing request that leaves an item out', () => {
		const text = makeLetter({ agenda: 'Agenda items 34, 71, 114 and 135', agendaTitles: [], closing: closing('34, 71 and 114') });
		const [diagnostic] = diagnoseCode('agenda-mismatch', text);
		assert.equal(diagnostic.text, '34, 71 and 114');
		assert.equal(diagnostic.fix?.replacement, '34, 71, 114 and 135');
	});

	it('accepts the same items in another order', () => {
		assert.deepEqual(diagnoseCode('agenda-mismatch', makeLetter({ agenda: 'Agenda items 34 and 71', closing: closing('71 and 34') })), []);
	});

	it('accepts the same items', () => {
		assert.deepEqual(diagnoseCode('agenda-mismatch', makeLetter({ agenda: 'Agenda items 34, 71, 114 and 135', agendaTitles: [], closing: closing('34, 71, 114 and 135') })), []);
	});

	it('has nothing to compare when the closing request names no items', () => {
		const text = makeLetter({ closing: 'I should be grateful if the present letter could be circulated as a document of the General Assembly and of the Security Council.' });
		assert.deepEqual(diagnoseCode('agenda-mismatch', text), []);
	});
});
