/**
 * Tag colours: the colour a tag is shown in (from the tag vocabulary, else a stable default picked from a palette by
 * hashing the tag's name), and the derived forms the editor needs. Pure: no `vscode` import.
 */
import { normaliseHexColour } from '../../../server/src/engine/annotations/tagVocabulary';

/** Colours readable as highlights on light and dark themes, distinct from one another. */
export const TAG_PALETTE: readonly string[] = Object.freeze([
	'#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6',
	'#bcf60c', '#fabebe', '#008080', '#e6beff', '#9a6324', '#800000', '#aaffc3', '#808000',
]);

export { normaliseHexColour };

/** FNV-1a over the UTF-16 code units: small, fast and stable across runs and machines. */
function hashName(name: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < name.length; index++) {
		hash ^= name.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** The default colour of a tag that the vocabulary gives no colour: always the same for the same name. */
export function defaultTagColour(tag: string): string {
	return TAG_PALETTE[hashName(tag) % TAG_PALETTE.length];
}

/** The colour a tag is shown in: the vocabulary's colour when it is a valid hex colour, else the default. */
export function tagColour(tag: string, vocabularyColour?: string): string {
	const defined = vocabularyColour === undefined ? undefined : normaliseHexColour(vocabularyColour);
	return defined ?? defaultTagColour(tag);
}

/** `#rrggbbaa`: the colour with an opacity between 0 and 1 (for highlights that must not hide the text). */
export function colourWithAlpha(colour: string, opacity: number): string {
	const hex = normaliseHexColour(colour) ?? defaultTagColour(colour);
	const alpha = Math.round(Math.min(1, Math.max(0, opacity)) * 255);
	return `${hex}${alpha.toString(16).padStart(2, '0')}`;
}

/** `rgb(r, g, b)` for a hex colour (no `#`, so that it can sit in a `data:` URI unescaped). */
export function colourAsRgb(colour: string): string {
	const hex = normaliseHexColour(colour) ?? defaultTagColour(colour);
	const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
	return `rgb(${channels.join(', ')})`;
}

/** A 16×16 SVG of a filled circle in the colour: the tag's swatch in the tree views. */
export function colourSwatchSvg(colour: string): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="5" fill="${colourAsRgb(colour)}"/></svg>`;
}
