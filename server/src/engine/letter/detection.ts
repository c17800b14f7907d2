import { includesIgnoringAsciiCase } from './asciiCase';
import type { LetterDetection } from './model';

/**
 * The distribution block of an older masthead whose word `Distr.` OCR lost: the kind, the symbol, the date and the
 * original language in a row (`GENERAL S/24577 • 21 September 1992 ORIGINAL: ENGLISH`). Group 1 is the date.
 */
export const DISTRIBUTION_BLOCK_WITHOUT_DISTR = /\b(?:GENERAL|LIMITED|RESTRICTED)\s+[A-Z]{1,2}\/[\w./-]+[^\w\n]{0,5}(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\s+(?:ORIGINAL|Original)\b/;

/** How much of the beginning of a file is looked at to decide whether it is UN correspondence (SPEC: the first 4 KB). */
export const DETECTION_WINDOW = 4096;

/**
 * The signs of correspondence (a title whose word `dated` OCR garbled, `LEttER OA.rED U S!PTIMBER 1992 FROM …
 * ADDRESSED TO THE …`, is still a title). A sign whose pattern is costly is looked for only when one of its cues (words it must
 * hold, as they may be written) is in the window.
 */
const SIGNALS: readonly { readonly name: string; readonly cues: readonly string[]; readonly pattern: RegExp; readonly word?: CaseFreeWord }[] = [
	{ name: 'masthead', cues: [], pattern: /\b(?:United\s+Nations|UNITED\s+NATIONS)\b[\s\S]{0,300}?\b(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|GENERAL\s+ASSEMBLY|SECURITY\s+COUNCIL|ECONOMIC\s+AND\s+SOCIAL\s+COUNCIL)\b|\b(?:General\s+Assembly|Security\s+Council)\s*\**\s+(?:Security\s+Council|General\s+Assembly)\b|(?:^|\n)[ \t]*(?:General\s+Assembly|Security\s+Council|GENERAL\s+ASSEMBLY|SECURITY\s+COUNCIL)[ \t]*(?:\r?\n[ \t]*)+(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|Distr\.|[AS]\/\d)/ },
	{ name: 'distribution', cues: [], pattern: new RegExp(String.raw`\bDistr\.\s*(?::|GENERAL\b|General\s+\d|LIMITED\b|RESTRICTED\b|[^\n]{0,40}?\bGENERAL\b)|\bDistr\s+(?:GENERAL|LIMITED|RESTRICTED)\b|${DISTRIBUTION_BLOCK_WITHOUT_DISTR.source}`) },
	{ name: 'agenda', cues: [], word: { word: 'item', anchor: 3 }, pattern: /\b(?:Agenda\s+items?\s+\d|Items?\s+\d+(?:[\s,]+(?:and\s+)?\d+)*\s+of\s+the\s+(?:provisional\s+agenda|preliminary\s+list))/i },
	{ name: 'letter-title', cues: [], pattern: /\b(?:Identical\s+)?letters?\s+dated\s+[\s\S]{3,400}?\baddressed\s+to\b|\b(?:Identical\s+)?letters?\s+dated\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+from\s+[^\n]{3,200}?\bto\s+the\s+(?:Secretary-General|President\s+of\s+the)\b|\bletters?\s+\S{1,10}\s+[^\n]{0,30}?\b(?:1[89]|20)\d\d\s+from\s+[^\n]{3,300}?\baddressed\s+to\s+the\b|(?:^|\n)[ \t]*Dated\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+from\s+[^\n]{3,300}?\baddressed\s+to\b|(?:^|\n)[ \t]*Letter\s+from\s+[^\n]{3,200}?\bto\s+the\s+(?:Secretary-General|President\s+of\s+the)\b/i },
	{ name: 'printed-title', cues: ['Letter from the President', 'Letter From the President', 'LETTER FROM THE PRESIDENT'], pattern: /\b(?:Letter\s+(?:from|From)\s+the\s+President\s+of\s+the\s+(?:Security\s+Council|General\s+Assembly)\s+to|LETTER\s+FROM\s+THE\s+PRESIDENT\s+OF\s+THE\s+(?:SECURITY\s+COUNCIL|GENERAL\s+ASSEMBLY)\s+TO)\s/ },
	{ name: 'printed-title', cues: ['Communication', 'COMMUNICATION', 'Cablegram', 'CABLEGRAM', 'Telegram', 'TELEGRAM'], pattern: /\b(?:(?:Communication|Cablegram|Telegram)\s+(?:dated\s+[^\n]{3,60}?\s+)?(?:received\s+)?from\s+(?:the\s+)?[^\n]{2,120}?\b(?:Delegation|Government|Representative|Mission)|(?:COMMUNICATION|CABLEGRAM|TELEGRAM)\s+(?:DATED\s+[^\n]{3,60}?\s+)?(?:RECEIVED\s+)?FROM\s+(?:THE\s+)?[^\n]{2,120}?\b(?:DELEGATION|GOVERNMENT|REPRESENTATIVE|MISSION))\b/ },
	{ name: 'letter-heading', cues: [], pattern: /^\s*(?:The\s+[^\n]{3,150}?\)\s+to\s+the\s+[^\n]{3,150}?\(\s*[^\n()]{2,40}\)\s*\d{0,3}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*[–—-]\s*(?:Identical\s+)?Letters?\b)[^\n]*(?:\n|$)/ },
	{ name: 'letter-heading', cues: ['From:'], pattern: /(?:^|\n)[ \t]*To:[ \t]*\S[^\n]*\n(?:[ \t]*\n)*[ \t]*From:[ \t]*\S|(?:^|\n)[ \t]*From:[ \t]*\S[^\n]*\n(?:[ \t]*\n)*[ \t]*To:[ \t]*\S/ },
	{ name: 'note-verbale', cues: [], word: { word: 'verbale', anchor: 0 }, pattern: /\bNote\s+verbale\b/i },
	{ name: 'permanent-mission', cues: [], pattern: /\bPermanent\s+(?:Mission|Representative|Observer)s?\b|\bPERMANENT\s+(?:MISSION|REPRESENTATIVE|OBSERVER)S?\b/ },
	{ name: 'compliments', cues: [], word: { word: 'compliments', anchor: 3 }, pattern: /\bpresents\s+(?:its|his|her)[\s.,;:]{1,6}compliments\b/i },
	{ name: 'honour', cues: ['hono'], pattern: /(?:\b|(?<=\b[A-Z]{2,}))(?:I|We)\s+have\s+the\s+honou?r\s+to\b|\b(?:[Dd]elegation|Mission|Government|Representative|Embassy|Ministry)\b[^.]{0,200}?\bhas\s+the\s+honou?r\s+to\b/ },
	{ name: 'letter-formula', cues: ['nstructions', 'writ'], pattern: /\b(?:Upon|On)\s+(?:the\s+)?instructions?\s+(?:from|of)\s+my\s+Government\b|\bI\s+(?:write|am\s+writing)\s+to\s+(?:you\b|inform|draw|convey|express|bring|share|transmit|take)/i },
	{ name: 'salutation', cues: ['Excellency', 'Sir', 'Madam', 'Dear', 'dear'], pattern: /(?:^|\n|\b\d{4}[ \t]+)[ \t]*(?:(?:Your\s+)?Excellency|Sir|Madam|Dear\s+(?:Sir|Madam|Colleagues?|Mr\.|Ms\.|Mrs\.|Ambassador|Secretary-General|President)[^\n,:]{0,40}|My\s+dear\s+[A-Z][a-z]+)[ \t]*[,:]|[.:;][ \t]+(?:(?:Your\s+)?Excellency|Dear\s+(?:Sir|Madam|Colleagues?|Mr\.|Ms\.|Mrs\.|Ambassador|Secretary-General|President)[^\n,:]{0,40})[ \t]*[,:]/ },
	{ name: 'complimentary-close', cues: ['incerely', 'aithfully', 'assurances'], pattern: /(?:^|\n)[ \t]*(?:Yours\s+(?:sincerely|faithfully|truly)|Sincerely(?:\s+yours)?)[ \t]*,?[ \t]*(?:\n|$)|\bAccept,?\s+(?:Excellency|Sir|Madam),?\s+the\s+(?:renewed\s+)?assurances?\b/i },
	{ name: 'addressee', cues: ['General of the United Nations'], pattern: /\b(?:His|Her)\s+Excellency\b[^\n]{0,80}(?:\n[ \t]*){1,3}(?:Acting\s+)?Secretary[- ]General\s+of\s+the\s+United\s+Nations\b|\b(?:Mr\.|Mrs\.|Ms\.|H\.\s?E\.)\s+[A-Z][^\n,.]{1,60},\s+(?:Acting\s+)?Secretary[- ]General\s+of\s+the\s+United\s+Nations\b/ },
	{ name: 'officer-letterhead', cues: ['President', 'PRESIDENT', 'Secretary-General', 'SECRETARY-GENERAL'], pattern: /^\s*(?:The\s+President\s+of\s+the\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council)|THE\s+PRESIDENT\s+OF\s+THE\s+(?:GENERAL\s+ASSEMBLY|SECURITY\s+COUNCIL|ECONOMIC\s+AND\s+SOCIAL\s+COUNCIL|HUMAN\s+RIGHTS\s+COUNCIL)|The\s+Secretary-General|THE\s+SECRETARY-GENERAL)[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}[ \t]*(?:\r?\n|$)/ },
	{ name: 'place-date', cues: [], pattern: /(?:^|\n)[ \t]*[A-Z][A-Za-z'’. -]{1,30},[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}[ \t]+\d{1,2}(?:st|nd|rd|th)?,?)[ \t]+(?:1[89]|20)\d\d[ \t]*(?:\r?\n|$)/ },
	{ name: 'signature', cues: ['igned', 'IGNED'], pattern: /\(\s*Signed\s*\)/i },
	{ name: 'closing-request', cues: ['irculat', 'IRCULAT'], pattern: /\bcirculat(?:ed?|ion)\b[^.;]{0,160}?\bas\s+(?:an?\s+)?(?:official\s+)?documents?\s+of\s+the\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council)\b/i },
];

/**
 * Decides by content whether a text is UN correspondence. Two different signals in the first 4 KB are required, so
 * that a page of notes that mentions a symbol or a "letter dated …" is not taken for a letter. Besides the header's
 * signs, the formulae of the letter itself count: `I have the honour to`, `(Signed)`, the request to circulate it as a
 * document (a page that kept only the title and the body of a letter is still a letter); they are looked for when the
 * header's signs do not decide. A report or a meeting record under the same header, quoting letters, is not
 * correspondence unless those formulae are its own.
 */
export function detectLetter(text: string): LetterDetection {
	let head = text.slice(0, DETECTION_WINDOW);
	for (const ch of MARKUP_CHARACTERS) {
		if (head.includes(ch)) {
			head = head.split(ch).join('');
		}
	}
	// A letter's title quoted in another text (`the agenda item entitled “Letter dated … (S/2014/136)”`) names that
	// letter: the signs inside the quotation marks are not this text's.
	if (head.includes('etter') || head.includes('ETTER') || head.includes('erbale')) {
		head = head.replace(QUOTED_TITLE, ' ');
	}
	const found = (signal: (typeof SIGNALS)[number]) => (signal.cues.length === 0 || signal.cues.some((cue) => head.includes(cue)))
		&& (signal.word === undefined || includesIgnoringAsciiCase(head, signal.word.word, signal.word.anchor)) && signal.pattern.test(head);
	// A sign may have several patterns (each with its cues); it counts once.
	const signals = [...new Set(SIGNALS.filter((signal) => !DEFERRED.has(signal.name) && !LAST_RESORT.has(signal.name) && found(signal)).map((signal) => signal.name))];
	// The letter's own formulae decide when the header's signs do not: too few of them, or another kind of document
	// under the same header. A text that writes them is correspondence, so the signs of other documents are looked for
	// only in a text that writes none.
	let written = signals.some((signal) => WRITTEN_AS_CORRESPONDENCE.has(signal));
	if (!written) {
		for (const signal of SIGNALS) {
			if (DEFERRED.has(signal.name) && found(signal)) {
				signals.push(signal.name);
				written = true;
				if (enoughSigns(signals)) {
					break;
				}
			}
		}
	}
	// A place-and-date line or a printed title counts only where the other signs do not decide: looked for last.
	if (!enoughSigns(signals)) {
		for (const signal of SIGNALS) {
			if (LAST_RESORT.has(signal.name) && found(signal)) {
				signals.push(signal.name);
			}
		}
	}
	const letterLike = enoughSigns(signals);
	// The cover of an Official Records supplement is a report's, whatever letter of transmittal it opens with.
	const top = head.slice(0, PUBLICATION_COVER_WINDOW);
	const cover = letterLike && (top.includes('upplement') || top.includes('UPPLEMENT')) && PUBLICATION_COVER.test(top) ? ['report'] : [];
	const otherKind = letterLike ? [...new Set([...cover, ...(written ? [] : otherKindOf(head, signals))])] : [];
	return { isLetter: letterLike && otherKind.length === 0, signals, ...(otherKind.length > 0 ? { otherKind } : {}) };
}

/** A letter's or note's title between quotation marks on one line: a mention of that document (see {@link detectLetter}). */
const QUOTED_TITLE = /[“"](?:Identical\s+)?(?:letters?|notes?\s+verbales?)\s+dated\b[^”"\n]{0,600}[”"]/gi;

/** The markup removed from the window before the signs are looked for: emphasis, heading hashes, escapes. */
const MARKUP_CHARACTERS = ['*', '#', '_', '\\'];

/** A word in lower-case ASCII that a sign's pattern (which ignores case) must hold, with the index of its rarest letter. */
interface CaseFreeWord {
	readonly word: string;
	readonly anchor: number;
}

/**
 * Whether the signs found make UN correspondence: two signs of the Organization's correspondence, or one with the
 * formulae any letter writes (a salutation, a complimentary close, `I write to you`, `Upon instructions from my
 * Government`), two of them when the one sign is a mention of a Permanent Mission or Representative. Formulae alone
 * make a letter, not UN correspondence.
 */
function enoughSigns(signals: readonly string[]): boolean {
	const generic = signals.filter((signal) => ANY_LETTER.has(signal)).length;
	const specific = signals.length - generic;
	return specific >= 2 || (specific === 1 && generic >= (signals.includes('permanent-mission') ? 2 : 1));
}

/** The signs of another kind of document in the window, each named once. */
function otherKindOf(head: string, signals: readonly string[]): string[] {
	const kinds = OTHER_DOCUMENTS.filter((sign) => sign.cues.some((cue) => head.includes(cue)) && sign.pattern.test(head)).map((sign) => sign.name);
	if (!signals.includes('letter-title') && head.includes('eport of the Secretary-General') && REPORT_TITLE.test(head)) {
		kinds.push('report');
	}
	return [...new Set(kinds)];
}

/**
 * Signs of another kind of UN document that carries the same header and quotes or lists letters: a report (`The
 * present report …`, a committee report's `Rapporteur:` line, `Report of the Security Council to the General Assembly`),
 * a meeting record (a speaker line `The President`, not a letterhead that goes on `of the …` on the next line, `Agenda item 7 (continued)`, a `/PV.` symbol, `The agenda was
 * adopted`, `Held on 5 June 1967, at 9.30 a.m.`), a press release (`Department of Public Information • News and Media
 * Division`, `For use of information media`) or a President's statement.
 */
const OTHER_DOCUMENTS: readonly { readonly name: string; readonly cues: readonly string[]; readonly pattern: RegExp }[] = [
	{ name: 'report', cues: ['present'], pattern: /\b[Tt]he\s+present\s+report\b/ },
	{ name: 'meeting-record', cues: ['President'], pattern: /(?:^|\n)[ \t]*The\s+(?:Acting\s+)?President\s*(?:\(spoke\s+in\s+[A-Z][a-z]+\))?\s*(?::|\r?\n(?!(?:[ \t]*\r?\n)*[ \t]*of\s+the\b))/ },
	{ name: 'meeting-record', cues: ['meeting'], pattern: /\bThe\s+meeting\s+(?:was\s+called\s+to\s+order|rose\s+at)\b/ },
	{ name: 'report', cues: ['Rapporteur'], pattern: /(?:^|\n)[ \t]*Rapporteur\s*:/ },
	{ name: 'meeting-record', cues: ['(continued)'], pattern: /\bAgenda\s+item\s+\d+\s+\(continued\)/ },
	{ name: 'meeting-record', cues: ['PV.'], pattern: /\b[A-Z]\s*[/-]\s*\d{1,2}\s*[/-]\s*PV\.\d/ },
	{ name: 'meeting-record', cues: ['agenda was adopted', 'S/Agenda', 'Held '], pattern: /\bThe\s+agenda\s+was\s+adopted\b|\bProvisional\s+agenda\s+\(S\/Agenda\/\d|(?:^|\n)[ \t]*Held\s+(?:at|in|on)\b[^\n]{0,80}?\bat\s+\d{1,2}(?:[.:]\d\d)?\s*[ap]\.\s?m\./ },
	{ name: 'press-release', cues: ['Public Information', 'information media', 'Press Release', 'Press release'], pattern: /\bDepartment\s+of\s+Public\s+Information\b[^\n]{0,12}\bNews\s+and\s+Media\s+Division\b|\bFor\s+(?:use\s+of\s+)?information\s+media\b|\bPress\s+[Rr]elease\s+[A-Z]{2,}\/[A-Z\d]/i },
	{ name: 'presidential-statement', cues: ['statement'], pattern: /(?:^|\n)[ \t]*President[’']s\s+statement\b|\bissued\s+a\s+statement\b[^\n]{0,200}?\breading\s+as\s+follows\b/ },
	{ name: 'report', cues: ['EPORT OF THE', 'eport of the'], pattern: /\bREPORT\s+OF\s+THE\s+(?:SECURITY|ECONOMIC\s+AND\s+SOCIAL|TRUSTEESHIP|HUMAN\s+RIGHTS)\s+COUNCIL\s+TO\s+THE\s+GENERAL\s+ASSEMBLY\b|(?:^|\n)[ \t]*Report\s+of\s+the\s+(?:Security|Economic\s+and\s+Social|Trusteeship|Human\s+Rights)\s+Council\s+to\s+the\s+General\s+Assembly\b/ },
	{ name: 'draft-resolution', cues: ['draft resolution', 'Assembly,', 'Council,'], pattern: /(?:^|\n)[ \t]*(?:(?:revised\s+)?draft\s+resolution|The\s+(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council),)[ \t]*(?:\r?\n|$)/ },
];

/**
 * The cover of a numbered supplement of the Official Records (`General Assembly Official Records Seventy-fourth Session
 * Supplement No. 35`), looked for at the top of the text: the publication of a report, even when its first page is the
 * letter of transmittal. A letter cites such a supplement as `Official Records of the General Assembly, …`, which this
 * does not match.
 */
const PUBLICATION_COVER = /\bOfficial\s+Records\s*:?\s*[A-Za-z]+(?:-[a-z]+)?\s+Session\s*,?\s*Supplement\s+No\.\s*\d/i;
/** How much of the top of the text the cover of a supplement is looked for in. */
const PUBLICATION_COVER_WINDOW = 600;

/** A report's own title under the masthead (`Eighth report of the Secretary-General on …`): another kind of document unless a letter's title stands there. */
const REPORT_TITLE = /(?:^|\n)[ \t]*(?:[A-Z][a-z]+(?:-[a-z]+)?\s+)?(?:(?:annual|progress|special|final)\s+)?[Rr]eport\s+of\s+the\s+Secretary-General\b/;

/** Signals that only a letter or note itself writes (its formulae, its signature, its request to be circulated), not a document that quotes one. */
const WRITTEN_AS_CORRESPONDENCE: ReadonlySet<string> = new Set(['compliments', 'honour', 'signature', 'closing-request', 'letter-formula', 'salutation', 'complimentary-close']);
/** Formulae that any letter writes, not only the Organization's correspondence (see {@link enoughSigns}). */
const ANY_LETTER: ReadonlySet<string> = new Set(['letter-formula', 'salutation', 'complimentary-close', 'place-date']);
/**
 * The signs looked for only when all others do not make a letter (see {@link detectLetter}): an addressee block naming
 * the Secretary-General, a place-and-date line, the letterhead of a presiding officer of a principal organ or of the
 * Secretary-General alone at the head of the text over a date line alone (`The President` / `of the` / `Economic and
 * Social Council` / `22 June 2020`: a letter as sent of that officer), and the titles of the early years' communications and of editions (`Communication received from … Delegation`, `Letter
 * From the President of the Security Council to …` inside a heading), rare enough that their cues are not worth
 * searching for in every text.
 */
const LAST_RESORT: ReadonlySet<string> = new Set(['addressee', 'place-date', 'printed-title', 'officer-letterhead']);
/** The formulae looked for only when the header's signs do not decide (see {@link detectLetter}). */
const DEFERRED: ReadonlySet<string> = new Set(['honour', 'signature', 'closing-request', 'letter-formula', 'salutation', 'complimentary-close']);
