/**
 * The grammar of a letter's title line (`Letter dated 27 September 2020 from the Permanent Representative of X to the
 * United Nations addressed to the Secretary-General`): where it starts, where its addressee begins and where it ends.
 * The reading stage uses it to end the title where no blank line does (web pages, collapsed text); the header reader
 * uses it to read the sender and the addressee.
 */

/**
 * The words a title starts with: `Letter dated`, `Identical letters dated`, `Note verbale dated`, `Identical notes
 * verbales dated`, a bare `Dated … from` when a page lost the word "Letter", or `Letter from … to the Secretary-General`
 * (a letter that was not circulated, so has no dated title). Group 1 or 2 is the kind word (empty for a bare `Dated`).
 */
export const TITLE_START = /^[ \t]*(?:(identical\s+letters|letter|identical\s+notes?\s+verbales?|notes?\s+verbales?|)\s*dated|(letter)\s+from)\s+(?=\S)/i;

/** `dated` (any case) before a date: where a title may be; the words before it say which kind ({@link KIND_BEFORE}). */
const DATED_WORD = /(?:dated|DATED|Dated)\s+(?=\d|[A-Za-z]+\s+\d)/g;
/** The kind words before `dated` in a title, in the title's case. */
const KIND_BEFORE = /\b(?:Identical\s+letters|Letter|Identical\s+notes?\s+verbales?|Notes?\s+verbales?|IDENTICAL\s+LETTERS|LETTER|NOTE\s+VERBALE|IDENTICAL\s+NOTES\s+VERBALES)\s+$/;

/** Words before `letter dated` that make it a reference in prose (`my letter dated …`), not a title. */
const DETERMINER_BEFORE = /(?:^|\s)(?:the|my|our|a|an|his|her|its|their|that|this|your|in|by|with|see|to|of|and|previous|earlier|following|identical|said|above-mentioned|aforementioned)\s+$/i;

/**
 * Where the addressee is introduced: `addressed to`, or `to` right before an officer of the Organization (`from the
 * Secretary-General to the President of the Security Council`; in web titles `to the UN SG`). `to the United Nations` is the sender's post, not an addressee.
 */
export const ADDRESSED_TO = /\baddressed\s+to\s+(?:the\s+)?|\bto\s+(?:the\s+)?(?=(?:Secretary-General|President\s+of\s+the\s+(?:Security\s+Council|General\s+Assembly|Economic\s+and\s+Social\s+Council)|UN\s?SG)\b)/i;

/** Lower-case words an addressee may hold: `the President of the Security Council and the Secretary-General`. */
const ADDRESSEE_CONNECTORS = new Set(['the', 'of', 'and', 'for', 'on', 'to', 'in', 'with', 'established', 'pursuant', 'concerning', 'resolution', 'resolutions', 'members', 'a.i.', 'a.', 'i.', 'at', 'its', 'de', 'des', 'du', 'la', 'le', 'les']);

/** Capitalised words that begin the body, not the addressee: `… addressed to the Secretary-General I have the honour …`. */
const BODY_OPENERS = new Set([
	'I', 'We', 'On', 'In', 'With', 'At', 'As', 'Upon', 'Further', 'Pursuant', 'Following', 'Referring', 'This', 'The', 'It', 'My',
	'Our', 'Please', 'Allow', 'Let', 'Since', 'Today', 'Recently', 'Having', 'Given', 'Despite', 'Regarding', 'Excellency', 'Sir',
	'Madam', 'Dear', 'By', 'For', 'From', 'Thank', 'Kindly', 'Attached', 'Enclosed', 'These', 'There', 'Over', 'After', 'During',
	'Throughout', 'Once', 'Again', 'Yesterday', 'Last', 'According', 'Reference', 'Your', 'Mr.', 'Mrs.', 'Ms.', 'H.E.', 'Annex', 'ANNEX', 'Annexes',
]);

/** The longest addressee read (`the Chair of the Security Council Committee established pursuant to resolution 1540 (2004)`). */
const MAX_ADDRESSEE = 260;
/** How far after the title's start its addressee is looked for. */
const MAX_TITLE_BEFORE_ADDRESSEE = 700;

const WORD = /\S+/g;

/** The words after `start` up to `limit`, each with its end and whether a line break comes before it, stopping at a blank line. */
function wordsAfter(view: string, start: number, limit: number): { word: string; end: number; newLine: boolean }[] {
	const words: { word: string; end: number; newLine: boolean }[] = [];
	const bounded = view.slice(start, limit);
	const text = bounded.slice(0, paragraphEnd(bounded));
	let previousEnd = 0;
	for (const match of text.matchAll(WORD)) {
		words.push({ word: match[0], end: start + match.index + match[0].length, newLine: /[\n\r]/.test(text.slice(previousEnd, match.index)) });
		previousEnd = match.index + match[0].length;
	}
	return words;
}

/** Words that complete the name of an addressee: a line break after one of them, before a capitalised word, ends the title. */
const ADDRESSEE_HEADS = /^(?:Secretary-General|Council|Assembly|Committee|Commission|Rights|Refugees|Nations|Court|Justice|Organization|Secretariat|Board|Group|Conference|Union|Affairs|Development|Programme|Fund)$/;

/** True when a word can be part of an addressee: a connector, a capitalised word that does not open the body, a number or a parenthesis. */
function continuesAddressee(word: string): boolean {
	const bare = word.replace(/^[(“"‘*_]+|[)”"’*_,;:.]+$/g, '');
	if (bare === '') {
		return /^[()]+$/.test(word);
	}
	if (ADDRESSEE_CONNECTORS.has(word.toLowerCase()) && word === word.toLowerCase()) {
		return true;
	}
	if (BODY_OPENERS.has(bare) || BODY_OPENERS.has(word)) {
		return false;
	}
	return /^[\p{Lu}\d(]/u.test(word.replace(/^[“"‘*_]+/, ''));
}

/** A lower-case word that is not an addressee connector: after a capitalised word, it shows that a sentence has begun. */
function isProseWord(word: string | undefined): boolean {
	return word !== undefined && /^\p{Ll}/u.test(word) && !ADDRESSEE_CONNECTORS.has(word.replace(/[,;:]+$/, '')) && word !== WRITER_AFTER_ADDRESSEE;
}

/** The word after which a title names its writer when it names the addressee first (`addressed to the President of the Security Council by the Permanent Representative of France`). */
const WRITER_AFTER_ADDRESSEE = 'by';

/** True when an addressee may end with this word: a name, a number in parentheses; not a connector. */
function endsAddressee(word: string): boolean {
	return !ADDRESSEE_CONNECTORS.has(word.replace(/[,;:]+$/, '').toLowerCase()) || /\)$/.test(word);
}

/** Words an addressee never holds: after one, the title names another document (`and reply dated …`). */
const NEXT_DOCUMENT_WORD = /^(?:dated|addressed)$/i;

/** Bodies whose name goes on after `Council` (`the Security Council Committee established pursuant to …`). */
const AFTER_COUNCIL = /^(?:Committee|Working|Counter-Terrorism|Sanctions|Mission|Subcommittee|Informal|Ad)$/i;

/**
 * True when `previous` completes the name of an officer so that the capitalised `word` after it cannot go on with it:
 * after `Secretary-General` (also hyphenated over a line end, `SECRETARY-` / `GENERAL`) or `Assembly`, after `Council` unless a body of the Council follows (a footnote number glued
 * to the name does not change it).
 */
function completesOfficer(previous: string, word: string, beforePrevious?: string): boolean {
	const name = previous.replace(GLUED_MARKER, '');
	return /^(?:Secretary-General|Assembly)$/i.test(name) || (/^General$/i.test(name) && /^Secretary-$/i.test(beforePrevious ?? '')) || (/^Council$/i.test(name) && !AFTER_COUNCIL.test(word));
}

/** A footnote number glued to the last word of a title or heading (`addressed to the Secretary-General1`, PDF text). */
export const GLUED_MARKER = /(?<=\p{L})(?:\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})$/u;

/**
 * The end of the addressee that starts at `start`: the words that name officers of the Organization (`the
 * Secretary-General`, `the President of the Security Council and the Secretary-General`), stopping before the word that
 * opens the body (`I have the honour …`, `Armenia has …`), a sentence end or a blank line. Undefined when no addressee
 * word follows.
 */
export function addresseeEnd(view: string, start: number): number | undefined {
	rememberView(view);
	if (endsByStart.has(start)) {
		return endsByStart.get(start);
	}
	const end = readAddresseeEnd(view, start);
	endsByStart.set(start, end);
	return end;
}

/**
 * What was read in the last view, by start: the reading stage reads the title's addressee to end the title and the
 * header reader reads the same addressee again; an annex heading's extent is read for its block and for its joins.
 */
let rememberedView: string | undefined;
const endsByStart = new Map<number, number | undefined>();
const extentsByStart = new Map<number, TitleExtent>();

/** Forgets what was read in another view than `view`. */
function rememberView(view: string): void {
	if (rememberedView !== view) {
		rememberedView = view;
		endsByStart.clear();
		extentsByStart.clear();
	}
}

/**
 * True when the words right after `addressed to the` open the body (`I have the honour …`, `We wish …`): a title cut
 * after its last words by a page's conversion names no addressee, and the body's first line is not one.
 */
export function opensBodyAt(view: string, start: number): boolean {
	const words = /^\s*(\S+)\s+(\S+)/.exec(view.slice(start, start + 60));
	return words !== null && BODY_OPENERS.has(words[1]) && isProseWord(words[2]);
}

/** The last word of a title in capitals with the body's `I` glued to it (`COUNCILI`, `GENERALI`). */
const GLUED_BODY_I = /^\p{Lu}[\p{Lu}-]+\p{Lu}I$/u;
/** The verbs a letter's body opens with after `I` (`I have the honour`, `I wish to`, `I write`, `I should be grateful`). */
const BODY_VERB_AFTER_I = /^(?:have|wish|write|am|should|would|refer|hereby|must|regret|take)$/;

/** {@link addresseeEnd}, read. */
function readAddresseeEnd(view: string, start: number): number | undefined {
	const words = wordsAfter(view, start, Math.min(view.length, start + MAX_ADDRESSEE));
	let end: number | undefined;
	let endBeforePrevious: number | undefined;
	for (let i = 0; i < words.length; i++) {
		const { word, end: wordEnd } = words[i];
		// A title in capitals that goes on with a second document (`… TO THE ARAB HIGHER COMMITTEE, AND REPLY DATED 24 MAY
		// 1948 ADDRESSED TO …`): the addressee ends before the word that names it.
		if (i > 0 && NEXT_DOCUMENT_WORD.test(word)) {
			end = endBeforePrevious;
			break;
		}
		endBeforePrevious = end;
		// A title in capitals whose line break a page's conversion lost, so that the body's first word `I` is glued to the
		// title's last (`… ADDRESSED TO THE PRESIDENT OF THE SECURITY COUNCILI have the honour …`): the addressee ends
		// before that `I`.
		if (GLUED_BODY_I.test(word) && BODY_VERB_AFTER_I.test(words[i + 1]?.word ?? '') && (i === 0 || /^[\p{Lu}\d()-]+$/u.test(words[i - 1].word))) {
			end = wordEnd - 1;
			break;
		}
		const capitalised = /^\p{Lu}/u.test(word);
		const opensSentence = i > 0 && capitalised && (isProseWord(words[i + 1]?.word) || (words[i].newLine && ADDRESSEE_HEADS.test(words[i - 1].word)) || completesOfficer(words[i - 1].word, word, words[i - 2]?.word));
		if (!continuesAddressee(word) || (opensSentence && end !== undefined)) {
			break;
		}
		if (/[.!?:]$/.test(word) && !/^(?:a\.i\.|i\.)$/i.test(word)) {
			end = wordEnd - 1;
			break;
		}
		if (endsAddressee(word)) {
			end = /[,;:]$/.test(word) ? wordEnd - 1 : wordEnd;
		}
	}
	return end;
}

/**
 * Where the paragraph that starts `text` ends: at the first blank line after which the words do not go on in lower
 * case, unless the line before it ends with a word a title cannot end with. A title printed line by line with blank
 * lines between (`… the Permanent Representative` / blank / `of Argentina to the United Nations addressed to the
 * President`, or `… Representative of` / blank / `Belgium to …`) is one paragraph.
 */
function paragraphEnd(text: string): number {
	const blank = /\n(?:[ \t]*\r?\n)+[ \t]*/g;
	for (let match = blank.exec(text); match; match = blank.exec(text)) {
		const next = match.index + match[0].length;
		if (!CONTINUES_TITLE.test(text.slice(next, next + 20)) && !ENDS_UNFINISHED.test(text.slice(Math.max(0, match.index - 12), match.index)) && !ADDRESSEE_LINE_NEXT.test(text.slice(next, next + MAX_ADDRESSEE_LINE + 1))) {
			return match.index;
		}
	}
	return text.length;
}

/**
 * A short line after the blank line that names the addressee goes on with a title printed line by line (`… of the
 * Palestinian` / blank / `People addressed to the Secretary-General`); a line of the body is longer or opens otherwise.
 */
const MAX_ADDRESSEE_LINE = 120;
const ADDRESSEE_LINE_NEXT = new RegExp(String.raw`^(?!(?:I|We|The|This|On|In)\s)[^\n]{0,${MAX_ADDRESSEE_LINE - 20}}?\baddressed\s+to\s[^\n]{0,80}(?:\r?\n|$)`);

/** Words a title cannot end with: a line ending in one goes on after the blank line (`… Representative of` / blank / `Belgium to …`). */
const ENDS_UNFINISHED = /\b(?:of|the|to|and|from|for|addressed|on|in|OF|THE|TO|AND|FROM|FOR|ADDRESSED|ON|IN)[ \t]*$/;

/** Words that carry a title on after a line break: `of Argentina …`, `to the Secretary-General`, `addressed to …`. */
const CONTINUES_TITLE = /^(?:of|to|addressed|and|the|from|for|on|in|OF|TO|ADDRESSED|AND|FROM|FOR|ON|IN)\b/;

/** A title found in running text: its start, where its addressee starts, and its end when the addressee could be read. */
export interface TitleExtent {
	readonly start: number;
	readonly addresseeStart?: number;
	/** The end of the addressee: the title stops here although the same line or paragraph goes on. */
	readonly end?: number;
}

/** The extent of a title starting at `start` (where {@link TITLE_START} or a title word matched). */
export function titleExtent(view: string, start: number): TitleExtent {
	rememberView(view);
	let extent = extentsByStart.get(start);
	if (extent === undefined) {
		extent = readTitleExtent(view, start);
		extentsByStart.set(start, extent);
	}
	return extent;
}

/** {@link titleExtent}, read. */
function readTitleExtent(view: string, start: number): TitleExtent {
	const window = view.slice(start, start + MAX_TITLE_BEFORE_ADDRESSEE);
	const addressed = ADDRESSED_TO.exec(window.slice(0, paragraphEnd(window)));
	if (!addressed) {
		return { start };
	}
	const addresseeStart = start + addressed.index + addressed[0].length;
	const end = addresseeEnd(view, addresseeStart);
	const writer = end === undefined ? null : WRITER_AFTER.exec(view.slice(end, end + MAX_WRITER_AFTER));
	return { start, addresseeStart, end: writer && end !== undefined ? end + writer[0].length : end };
}

/**
 * The writer a title names after its addressee (`… addressed to the President of the Security Council by the Permanent
 * Representative of France to the United Nations`): the post and its State, to `to the United Nations` or the line's end.
 */
export const WRITER_AFTER = /^[ \t]+by\s+(?:the\s+)?((?:Deputy\s+|Acting\s+)?(?:Permanent\s+(?:Representative|Observer|Mission)|Charg[ée]\s+d[’']affaires|Minister|Representative|Head|Ambassador)\b[^\n]{0,160}?(?:\bto\s+the\s+United\s+Nations\b(?:\s+(?:Office\s+)?at\s+[A-Z][a-z]+)?|(?=\r?\n)|$))/;
const MAX_WRITER_AFTER = 220;

/**
 * The first title in `view[0, limit)`: at the start of a line, or inside a line that lost its line breaks (a collapsed
 * text) when it is not preceded by a determiner (`my letter dated …` is a reference, not a title). A title must name
 * its addressee. Without such a title, a title whose `dated` OCR garbled (a kind word, a year and `from`).
 */
export function findFirstTitle(view: string, limit: number): TitleExtent | undefined {
	const bounded = view.length > limit ? view.slice(0, limit) : view;
	for (const at of titleCandidates(bounded)) {
		let start: number;
		if (bounded.startsWith('Letter from', at)) {
			LETTER_FROM_AT.lastIndex = at;
			if (!LETTER_FROM_AT.test(bounded) || !/^[ \t]*$/.test(bounded.slice(bounded.lastIndexOf('\n', at - 1) + 1, at))) {
				continue;
			}
			start = at;
		} else {
			DATED_AT.lastIndex = at;
			if (!DATED_AT.test(bounded) || /\w/.test(bounded[at - 1] ?? ' ')) {
				continue;
			}
			const kind = KIND_BEFORE.exec(bounded.slice(Math.max(0, at - 40), at));
			if (!kind && bounded[at] === 'd') {
				continue;
			}
			start = kind ? at - kind[0].length : at;
		}
		const before = bounded.slice(Math.max(0, start - 40), start);
		if (DETERMINER_BEFORE.test(before) || /[(“"‘]\s*$/.test(before)) {
			continue;
		}
		const extent = titleExtent(view, start);
		if (extent.addresseeStart !== undefined) {
			return extent;
		}
	}
	return garbledTitle(bounded, view);
}

/** A title whose word `dated` OCR garbled: `LEttER OA.rED U S!PTIMBER 1992 FROM …`, the kind word, a year and `from`. */
const GARBLED_DATED_TITLE = /\bletters?\s+\S{1,10}\s+[^\n]{0,30}?\b(?:1[89]|20)\d\d\s+from\s/gi;

/** The first title in `bounded` whose `dated` is unreadable, when it names its addressee and is not a reference in prose. */
function garbledTitle(bounded: string, view: string): TitleExtent | undefined {
	if (!/\b(?:FROM|from)\s/.test(bounded)) {
		return undefined;
	}
	for (const match of bounded.matchAll(GARBLED_DATED_TITLE)) {
		const before = bounded.slice(Math.max(0, match.index - 40), match.index);
		if (/\bdated\b/i.test(match[0]) || DETERMINER_BEFORE.test(before) || /[(“"‘]\s*$/.test(before)) {
			continue;
		}
		const extent = titleExtent(view, match.index);
		if (extent.addresseeStart !== undefined) {
			return extent;
		}
	}
	return undefined;
}

/** `dated` before a date, at a position; `Letter from` and a word after it, at a position. */
const DATED_AT = new RegExp(DATED_WORD.source, 'y');
const LETTER_FROM_AT = /Letter\s+from\s+(?=\S)/y;

/** The words that mark where a title may start, each with how far before it the title starts (`dated` starts one before `ated`). */
const TITLE_CUES: readonly (readonly [string, number])[] = [['ated', 1], ['ATED', 1], ['Letter from', 0]];

/**
 * Where a title may start, in the order of the text: each `dated` (any case) and each `Letter from`, found by plain
 * search as far as the caller reads. Each word is looked for only as far as a place of it could come before the
 * nearest place already found of another, so a letter whose title comes early is not searched to its end.
 */
export function* titleCandidates(text: string): Generator<number> {
	// Where each word next stands (-1: nowhere); undefined when it was looked for only before `searched[i]`.
	const next: (number | undefined)[] = TITLE_CUES.map(() => undefined);
	const searched = TITLE_CUES.map(() => 0);
	for (;;) {
		let best = -1;
		let bestStart = Infinity;
		for (let i = 0; i < TITLE_CUES.length; i++) {
			const [word, offset] = TITLE_CUES[i];
			let at = next[i];
			if (at === undefined) {
				// A place of this word can come first only if it starts before bestStart + offset.
				const end = bestStart === Infinity ? text.length : Math.min(text.length, bestStart + offset + word.length - 1);
				const found = end - searched[i] >= word.length ? text.slice(searched[i], end).indexOf(word) : -1;
				if (found >= 0) {
					at = searched[i] + found;
				} else if (end >= text.length) {
					at = -1;
				} else {
					searched[i] = Math.max(searched[i], end - word.length + 1);
					continue;
				}
				next[i] = at;
			}
			if (at >= 0 && at - offset < bestStart) {
				best = i;
				bestStart = at - offset;
			}
		}
		if (best < 0) {
			return;
		}
		const [word, offset] = TITLE_CUES[best];
		const at = next[best] ?? 0;
		next[best] = undefined;
		searched[best] = at + word.length;
		if (at >= offset) {
			yield at - offset;
		}
	}
}
