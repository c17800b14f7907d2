import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TAG_PALETTE, colourAsRgb, colourSwatchSvg, colourWithAlpha, defaultTagColour, normaliseHexColour, tagColour } from '../../../client/src/annotations/tagColours';

void describe('tag colours', () => {
	void it('gives every tag a palette colour, the same one every time', () => {
		fc.assert(fc.property(fc.string(), (tag) => {
			const colour = defaultTagColour(tag);
			assert.ok(TAG_PALETTE.includes(colour));
			assert.equal(defaultTagColour(tag), colour);
		}));
	});

	void it('spreads common tag names over several colours', () => {
		const tags = ['allegation', 'casualty-figure', 'ceasefire', 'legal/self-defence', 'humanitarian', 'sanctions', 'territory', 'negotiation'];
		assert.ok(new Set(tags.map(defaultTagColour)).size >= 4);
	});

	void it('keeps a fixed default for a given name (stable across versions of the code)', () => {
		assert.equal(defaultTagColour('allegation'), defaultTagColour('allegation'));
		assert.notEqual(defaultTagColour('allegation'), defaultTagColour('allegations'));
	});

	void it('prefers the vocabulary colour, normalised, and ignores an invalid one', () => {
		assert.equal(tagColour('allegation', '#DD1144'), '#dd1144');
		assert.equal(tagColour('allegation', '#d14'), '#dd1144');
		assert.equal(tagColour('allegation', 'red'), defaultTagColour('allegation'));
		assert.equal(tagColour('allegation'), defaultTagColour('allegation'));
	});

	void it('normalises only #rgb and #rrggbb', () => {
		assert.equal(normaliseHexColour(' #AbC '), '#aabbcc');
		assert.equal(normaliseHexColour('#abcd'), undefined);
		assert.equal(normaliseHexColour('abcdef'), undefined);
	});

	void it('adds an alpha channel for highlights', () => {
		assert.equal(colourWithAlpha('#dd1144', 0.28), '#dd114447');
		assert.equal(colourWithAlpha('#d14', 1), '#dd1144ff');
		assert.equal(colourWithAlpha('#dd1144', 0), '#dd114400');
	});

	void it('draws a swatch without "#" so that it fits in a data URI', () => {
		assert.equal(colourAsRgb('#dd1144'), 'rgb(221, 17, 68)');
		const svg = colourSwatchSvg('#dd1144');
		assert.ok(svg.includes('rgb(221, 17, 68)'));
		assert.ok(!svg.includes('#'));
	});
});
