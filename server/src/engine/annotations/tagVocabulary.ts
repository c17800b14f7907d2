/**
 * The tag vocabulary of a workspace (`.diplomatic-letters/tags.yaml`, SPEC "Annotation sidecar"): reading it (the
 * server lists its tags with their colours and descriptions) and setting a tag's colour (the client's Set Tag
 * Colour), keeping the user's comments, key order and formatting elsewhere in the file: a minimal text edit where the
 * layout allows it (the YAML text patches shared with the sidecar writer), else the `yaml` Document API. One module
 * for both, so the two sides read the file by the same rules. Pure: text in, text out.
 */
import { Scalar, isMap, isScalar, parseDocument } from 'yaml';
import type { Document, Pair, YAMLMap } from 'yaml';
import { applyTextEdits, inlineScalarText, insertPairEdit, replaceValueEdit } from './yamlTextPatch';
import type { TextEdit } from './yamlTextPatch';

/** Where the tag vocabulary lives, relative to a workspace folder. */
export const TAG_VOCABULARY_PATH = '.diplomatic-letters/tags.yaml';

/** One tag of the vocabulary. */
export interface TagDefinition {
	/** `#rrggbb`, lower case, when the vocabulary gives a valid colour. */
	readonly colour?: string;
	readonly description?: string;
}

/** What a vocabulary file holds: its tags by name, and why it could not be read when it could not. */
export interface TagVocabulary {
	readonly tags: ReadonlyMap<string, TagDefinition>;
	/** Empty when the file parsed; a broken file gives no tags (tags used in annotations still work). */
	readonly problems: readonly string[];
}

const SHORT_HEX = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i;
const LONG_HEX = /^#[0-9a-f]{6}$/i;

/** `#rrggbb` in lower case for a `#rgb` or `#rrggbb` colour; `undefined` for anything else. */
export function normaliseHexColour(colour: string): string | undefined {
	const trimmed = colour.trim();
	const short = SHORT_HEX.exec(trimmed);
	if (short) {
		return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
	}
	return LONG_HEX.test(trimmed) ? trimmed.toLowerCase() : undefined;
}

/**
 * Reads a vocabulary's text (the schema `schemas/tags.schema.json` describes it). Entries that are not mappings
 * define the tag without colour or description; an invalid colour is left out. Never throws.
 */
export function readTagVocabulary(text: string): TagVocabulary {
	const document = parseDocument(text, { prettyErrors: false });
	if (document.errors.length > 0) {
		return { tags: new Map(), problems: document.errors.map((error) => error.message.split('\n')[0] ?? error.message) };
	}
	const root: unknown = document.toJS({ maxAliasCount: 100 });
	const tagsNode = root !== null && typeof root === 'object' && 'tags' in root ? root.tags : undefined;
	if (root !== null && root !== undefined && (typeof root !== 'object' || Array.isArray(root))) {
		return { tags: new Map(), problems: ['the file must be a map with a `tags` key'] };
	}
	if (tagsNode === undefined || tagsNode === null) {
		return { tags: new Map(), problems: [] };
	}
	if (typeof tagsNode !== 'object' || Array.isArray(tagsNode)) {
		return { tags: new Map(), problems: ['`tags` must be a map of tag names'] };
	}
	const tags = new Map<string, TagDefinition>();
	for (const [tag, definition] of Object.entries(tagsNode as Record<string, unknown>)) {
		const fields = definition !== null && typeof definition === 'object' ? (definition as Record<string, unknown>) : {};
		const colour = typeof fields.colour === 'string' ? normaliseHexColour(fields.colour) : undefined;
		const description = typeof fields.description === 'string' ? fields.description : undefined;
		tags.set(tag, { ...(colour === undefined ? {} : { colour }), ...(description === undefined ? {} : { description }) });
	}
	return { tags, problems: [] };
}

/** The new text of the vocabulary, or why it cannot be changed (the file is then left as it is). */
export type VocabularyEditResult =
	| { readonly ok: true; readonly text: string }
	| { readonly ok: false; readonly message: string };

function quoted(value: string): Scalar<string> {
	const scalar = new Scalar(value);
	scalar.type = Scalar.QUOTE_DOUBLE;
	return scalar;
}

/**
 * Sets `tags.<tag>.colour` in a tag vocabulary. `text` is the file's current text (`undefined` when the file does not
 * exist yet: a new vocabulary is written). A file that does not parse, or whose `tags` is not a map, is not changed.
 */
export function setTagColour(text: string | undefined, tag: string, colour: string): VocabularyEditResult {
	const hex = normaliseHexColour(colour);
	if (hex === undefined) {
		return { ok: false, message: `"${colour}" is not a colour: write it as #rrggbb, for example #dd1144.` };
	}
	const document: Document = parseDocument(text === undefined || text.trim() === '' ? 'version: 1\ntags: {}\n' : text);
	if (document.errors.length > 0) {
		return { ok: false, message: `tags.yaml does not parse (${document.errors[0].message.split('\n')[0]}); fix it first, then set the colour again.` };
	}
	if (document.contents === null || (isScalar(document.contents) && document.contents.value === null)) {
		document.contents = document.createNode({ version: 1, tags: {} });
	}
	if (!isMap(document.contents)) {
		return { ok: false, message: 'tags.yaml must be a map with a `tags` key; fix it first, then set the colour again.' };
	}
	let tags = document.contents.get('tags', true);
	if (tags === undefined || (isScalar(tags) && tags.value === null)) {
		document.contents.set('tags', document.createNode({}));
		tags = document.contents.get('tags', true);
	}
	if (!isMap(tags)) {
		return { ok: false, message: '`tags` in tags.yaml must be a map of tag names; fix it first, then set the colour again.' };
	}
	const patched = text === undefined ? undefined : minimalColourEdit(text, tags, tag, hex);
	if (patched !== undefined && text !== undefined) {
		return { ok: true, text: applyTextEdits(text, [patched]) };
	}
	return { ok: true, text: setColourInDocument(document, tags, tag, hex) };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
	return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The one text edit that sets the colour, or `undefined` when the layout is one the text patches do not handle. */
function minimalColourEdit(text: string, tags: YAMLMap, tag: string, hex: string): TextEdit | undefined {
	const colourText = inlineScalarText(hex);
	const tagPair = pairOf(tags, tag);
	if (tagPair === undefined) {
		return insertPairEdit(text, tags, tag, `{ colour: ${colourText} }`);
	}
	const definition = tagPair.value;
	if (isMap(definition) && definition.flow !== true) {
		const colourPair = pairOf(definition, 'colour');
		if (colourPair !== undefined) {
			return replaceValueEdit(text, colourPair, colourText);
		}
		const firstKey = definition.items[0]?.key;
		return insertPairEdit(text, definition, 'colour', colourText, isScalar(firstKey) ? String(firstKey.value) : undefined);
	}
	if (definition === null || (isScalar(definition) && definition.value === null) || (isMap(definition) && definition.items.length === 0)) {
		return replaceValueEdit(text, tagPair, `{ colour: ${colourText} }`);
	}
	return undefined;
}

/** Sets the colour through the Document API (the whole file is re-printed, comments kept). */
function setColourInDocument(document: Document, tags: YAMLMap, tag: string, hex: string): string {
	if (tags.flow === true && tags.items.length === 0) {
		tags.flow = false;
	}
	const definition = tags.get(tag, true);
	if (isMap(definition)) {
		definition.set('colour', quoted(hex));
	} else {
		tags.set(tag, document.createNode({ colour: quoted(hex) }));
	}
	return document.toString();
}
