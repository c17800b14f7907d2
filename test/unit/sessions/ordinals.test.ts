import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberToCardinal, numberToOrdinal, ordinalToNumber, romanToNumber } from '../../../server/src/engine/sessions/ordinals';

void describe('ordinals', () => {
	void it('round-trips 1–199 through words', () => {
		for (let n = 1; n <= 199; n++) {
			const words = numberToOrdinal(n);
			assert.equal(ordinalToNumber(words), n, words);
			assert.equal(ordinalToNumber(words.toUpperCase()), n, words);
			assert.equal(ordinalToNumber(words.replace(/-/g, ' ')), n, words);
		}
	});

	void it('spells the ordinals mastheads use', () => {
		assert.equal(numberToOrdinal(75), 'seventy-fifth');
		assert.equal(numberToOrdinal(1), 'first');
		assert.equal(numberToOrdinal(12), 'twelfth');
		assert.equal(numberToOrdinal(40), 'fortieth');
		assert.equal(numberToOrdinal(100), 'one hundredth');
		assert.equal(numberToOrdinal(101), 'one hundred and first');
	});

	void it('reads masthead spellings', () => {
		assert.equal(ordinalToNumber('Seventy-fifth'), 75);
		assert.equal(ordinalToNumber('seventy fifth'), 75);
		assert.equal(ordinalToNumber('Fifty-fifth'), 55);
		assert.equal(ordinalToNumber('Hundredth'), 100);
		assert.equal(ordinalToNumber('First'), 1);
		assert.equal(ordinalToNumber('**Seventy-seventh**'), 77);
		assert.equal(ordinalToNumber('Seventy‑sixth'), 76);
		assert.equal(ordinalToNumber('one hundred first'), 101);
		assert.equal(ordinalToNumber('75th'), 75);
	});

	void it('rejects what is not an ordinal', () => {
		for (const words of ['', 'seventy', 'seventy-five', 'fifth seventy', 'session', '75', '75nd']) {
			assert.equal(ordinalToNumber(words), undefined, words);
		}
	});

	void it('falls back to digits outside the words', () => {
		assert.equal(numberToOrdinal(0), '0th');
		assert.equal(numberToOrdinal(1001), '1001st');
		assert.equal(numberToOrdinal(1012), '1012th');
	});

	void it('spells cardinals and reads Roman numerals', () => {
		assert.equal(numberToCardinal(75), 'seventy-five');
		assert.equal(numberToCardinal(120), '120');
		assert.equal(romanToNumber('XXX'), 30);
		assert.equal(romanToNumber('XLIV'), 44);
		assert.equal(romanToNumber('IIII'), undefined);
		assert.equal(romanToNumber(''), undefined);
	});
});
