/**
 * Types of the annotation sidecar (`<letter>.annotations.yaml`, see SPEC "Annotation sidecar").
 *
 * Two offset units meet here, and every name says which one it carries:
 * - the sidecar stores Unicode code points (`AnnotationTarget.start`/`end`), as the W3C Web Annotation model does;
 * - the engine works in UTF-16 indices into the JS string (`TextRange`), like every other engine feature.
 * `offsets.ts` converts between the two.
 */

/** A range of UTF-16 indices into a JS string, `end` exclusive. */
export interface TextRange {
	/** First UTF-16 index of the range. */
	readonly start: number;
	/** UTF-16 index just after the range. */
	readonly end: number;
}

/** Where an annotation points: a W3C TextQuoteSelector and a TextPositionSelector in one object. */
export interface AnnotationTarget {
	/** The annotated text, exactly as it stood when the position was last stored. */
	readonly exact: string;
	/** Up to 32 characters of text just before `exact` ("" at the start of the letter or when unknown). */
	readonly prefix: string;
	/** Up to 32 characters of text just after `exact` ("" at the end of the letter or when unknown). */
	readonly suffix: string;
	/** Start of `exact` in the letter, in Unicode code points. */
	readonly start: number;
	/** End of `exact` in the letter (exclusive), in Unicode code points. */
	readonly end: number;
}

/** One annotation of a letter, as stored in its sidecar. */
export interface Annotation {
	/** Random id (hexadecimal, 8 characters when generated), unique within its sidecar. */
	readonly id: string;
	/** Tag names (vocabulary in `.diplomatic-letters/tags.yaml`; undefined tags still work). */
	readonly tags: readonly string[];
	/** Free-text note, if any. */
	readonly note?: string;
	/** Who made the annotation, if known. */
	readonly author?: string;
	/** ISO 8601 creation time, if known. */
	readonly created?: string;
	/** `orphaned` when the annotated text could not be found in the letter any more; absent when attached. */
	readonly status?: 'orphaned';
	/** Where the annotation points (positions are the last known ones when orphaned). */
	readonly target: AnnotationTarget;
}

/** The `document` block of a sidecar: which letter it annotates. */
export interface SidecarDocumentInfo {
	/** File name of the letter (no folder). */
	readonly file: string;
	/** The letter's UN document symbol, when the sidecar records its identity. */
	readonly symbol?: string;
}

/** The content of a valid sidecar. */
export interface Sidecar {
	/** Format version; only 1 exists. */
	readonly version: 1;
	/** The annotated letter. */
	readonly document: SidecarDocumentInfo;
	/** The annotations, in file order. */
	readonly annotations: readonly Annotation[];
}

/** Something wrong with a sidecar's text: it does not parse, fails the schema, or holds merge-conflict markers. */
export interface SidecarProblem {
	/** What is wrong and where, readable by a user (e.g. "annotation 7f3a9c: `target.start` must be …"). */
	readonly message: string;
	/** UTF-16 range of the offending text in the sidecar. */
	readonly range: TextRange;
	/** 1-based line of `range.start`. */
	readonly line: number;
	/** 1-based column (UTF-16) of `range.start`. */
	readonly column: number;
}
