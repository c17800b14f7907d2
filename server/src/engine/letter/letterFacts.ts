/**
 * What a documents officer reads off one letter for a catalogue: kind, dates, sender, addressees, organs, agenda
 * items and the documents it cites. Computed from the parsed model alone (nothing from the workspace), so the command
 * line's `letters` catalogue, hover, outline and workspace symbols all show the same values.
 */
import { toIsoDate } from '../calendar/dates';
import { collapse, countryOf } from './header';
import { readOfficeName } from './ocrReading';
import { stateNamedBy } from './stateAdjectives';
import type { Letter, LetterKind, OrganHeader } from './model';

/** An organ of the header as the catalogue gives it (SPEC `letters`: `{ "organ": "GA", "session": 51 }`). */
export type OrganFact =
	| { readonly organ: 'GA'; readonly session: number }
	| { readonly organ: 'GA'; readonly emergencySpecialSession: number }
	| { readonly organ: 'GA'; readonly specialSession: number }
	| { readonly organ: 'SC'; readonly year: number }
	| { readonly organ: 'ECOSOC'; readonly session?: number; readonly year?: number }
	| { readonly organ: 'HRC' | 'CHR'; readonly session: number }
	| { readonly organ: 'HRC'; readonly specialSession: number };

/** An agenda item of the header with its title (`null` when neither the letter nor the reference data gives one). */
export interface AgendaItemFact {
	readonly number: number;
	readonly title: string | null;
}

/** The catalogue fields of one letter that depend on its text only. */
export interface LetterFacts {
	readonly kind: LetterKind;
	/** Distribution date (ISO), or null. */
	readonly distributed: string | null;
	/** Date of the title line, or for a note verbale without one its place-and-date line (ISO), or null. */
	readonly dated: string | null;
	/** The State or entity whose representative writes, as the title names it. */
	readonly sender: string | null;
	readonly addressees: readonly string[];
	readonly organs: readonly OrganFact[];
	readonly agendaItems: readonly AgendaItemFact[];
	/** The symbols the letter cites, each once, in order of first appearance (the header's agenda footnote excluded). */
	readonly cites: readonly string[];
}

const factsCache = new WeakMap<Letter, LetterFacts>();

/** The catalogue fields of a parsed letter, computed once per parsed text. */
export function factsOf(letter: Letter): LetterFacts {
	let facts = factsCache.get(letter);
	if (!facts) {
		facts = letterFacts(letter);
		factsCache.set(letter, facts);
	}
	return facts;
}

/** Reads the catalogue fields of a parsed letter (uncached; {@link factsOf} keeps them per parsed text). */
export function letterFacts(letter: Letter): LetterFacts {
	const kind = letter.kind ?? 'letter';
	const titleDate = letter.title?.date?.date;
	const placeDate = letter.noteVerbale?.placeAndDate?.date?.date;
	return {
		kind,
		distributed: letter.distribution?.date?.date ? toIsoDate(letter.distribution.date.date) : null,
		dated: titleDate ? toIsoDate(titleDate) : kind === 'note-verbale' && placeDate ? toIsoDate(placeDate) : letter.memo?.date?.date ? toIsoDate(letter.memo.date.date) : null,
		sender: senderOf(letter, (titleDate ?? placeDate ?? letter.memo?.date?.date ?? letter.distribution?.date?.date)?.year),
		addressees: addresseesOf(letter),
		organs: organFacts(letter.organs),
		agendaItems: (letter.agenda?.items ?? []).map((item) => ({ number: item.number, title: item.title ? collapse(item.title.text) : null })),
		cites: citedSymbols(letter),
	};
}

/** The catalogue form of the header's organs, in order (a loop: `flatMap` over a few organs costs more than the facts). */
function organFacts(organs: readonly OrganHeader[]): OrganFact[] {
	const facts: OrganFact[] = [];
	for (const organ of organs) {
		facts.push(...organFact(organ));
	}
	return facts;
}

/** `GA 51`, `GA ESS 10`, `GA S-20`, `HRC S-1`, `SC 2020`, `ECOSOC 2005`. */
export function organLabel(organ: OrganFact): string {
	if ('session' in organ && organ.session !== undefined) {
		return `${organ.organ} ${organ.session}`;
	}
	if ('emergencySpecialSession' in organ) {
		return `GA ESS ${organ.emergencySpecialSession}`;
	}
	if ('specialSession' in organ) {
		return `${organ.organ} S-${organ.specialSession}`;
	}
	return `${organ.organ} ${'year' in organ ? organ.year ?? '' : ''}`.trim();
}

/** The catalogue form of one organ header; the Security Council's `Seventy-fifth year` is 2020. */
export function organFact(organ: OrganHeader): OrganFact[] {
	if (organ.organ === 'General Assembly') {
		return organ.unit === 'session' ? [{ organ: 'GA', session: organ.ordinal }]
			: organ.unit === 'emergency-special-session' ? [{ organ: 'GA', emergencySpecialSession: organ.ordinal }]
				: organ.unit === 'special-session' ? [{ organ: 'GA', specialSession: organ.ordinal }] : [];
	}
	if (organ.organ === 'Security Council') {
		return organ.unit === 'year' ? [{ organ: 'SC', year: 1945 + organ.ordinal }] : [];
	}
	if (organ.organ === 'Human Rights Council' || organ.organ === 'Commission on Human Rights') {
		// The Council's special sessions (`Human Rights Council First special session`, A/HRC/S-1/…) as the Assembly's are given.
		return organ.unit === 'session' ? [{ organ: organ.organ === 'Human Rights Council' ? 'HRC' : 'CHR', session: organ.ordinal }]
			: organ.unit === 'special-session' && organ.organ === 'Human Rights Council' ? [{ organ: 'HRC', specialSession: organ.ordinal }] : [];
	}
	return organ.unit === 'session' ? [{ organ: 'ECOSOC', session: organ.ordinal }] : organ.unit === 'year' ? [{ organ: 'ECOSOC', year: organ.ordinal }] : [];
}

/** Officials of the United Nations who write or are written to under their title, not as a State's representative. */
const OFFICE = /^(?:the\s+)?((?:Acting\s+|Vice-)?(?:President|Chair(?:man|person)?|Secretary-General|Deputy\s+Secretary-General|(?:Under|Assistant)-Secretary-General|High\s+Commissioner|Executive\s+(?:Secretary|Director)|Special\s+(?:Representative|Envoy|Adviser|Rapporteur)|Coordinator|Director-General)\b.*)$/i;

/** Bodies of the United Nations whose officers write under their office (`President of the Security Council`). */
const UN_BODY = /\b(?:Security\s+Council|General\s+Assembly|Economic\s+and\s+Social\s+Council|Trusteeship\s+Council|Human\s+Rights\s+Council|United\s+Nations|Committee|Commission|Working\s+Group)\b/i;

/** The post of a State's representative: when the title names the post but the State is lost (`the Permanent Observer of the to the United Nations`), the sender is unknown. */
const STATE_POST = /^(?:the\s+)?(?:Deputy\s+)?(?:Permanent\s+(?:Representative|Observer)|Chargé\s+d[’']affaires|Permanent\s+Mission)\b/i;

/** The sender of the title (`Armenia`, `President of the Security Council`), else a note verbale's sending mission. */
function senderOf(letter: Letter, year: number | undefined): string | null {
	const sender = letter.title?.sender;
	if (sender) {
		const office = OFFICE.exec(sender.text);
		if (office && (sender.country === undefined || UN_BODY.test(sender.country))) {
			return readOfficeName(normaliseCase(stripUnitedNations(office[1])));
		}
		// `from the of the to the United Nations`: the post and the State both lost; what is left names no one.
		if (sender.country === undefined && (STATE_POST.test(sender.text) || /^(?:the\s+)?(?:of|for)\b/i.test(sender.text))) {
			return null;
		}
		// `from the Netherlands Mission`, `from the French Government`: the State its name or adjective gives.
		const attributive = sender.country === undefined ? attributivePost(sender.text, year) : undefined;
		if (attributive !== undefined) {
			return attributive;
		}
		return normaliseCase(sender.country ?? stripUnitedNations(sender.text.replace(/^the\s+/i, '')));
	}
	const memoFrom = letter.memo?.from?.text;
	if (memoFrom) {
		const office = OFFICE.exec(memoFrom);
		const country = countryOf(memoFrom);
		if (office && country === undefined) {
			return readOfficeName(normaliseCase(stripUnitedNations(office[1])));
		}
		// A heading names the writer's post (`The Head of the Iranian Delegation`): only a State it names is the sender.
		const attributive = country ? undefined : attributivePost(memoFrom, year);
		return country ? normaliseCase(country) : letter.memo?.heading ? attributive ?? null : attributive !== undefined ? attributive : normaliseCase(stripUnitedNations(memoFrom.replace(/^the\s+/i, '')));
	}
	const missionOf = (text: string | undefined) => text && /\bMission\s+of\s+(?:the\s+)?(.+?)(?:\s+to\s+the\b|\s*$)/i.exec(collapse(text))?.[1];
	const country = missionOf(letter.noteVerbale?.senderMission?.text);
	if (country) {
		return normaliseCase(country);
	}
	// A note without a title and a mission letterhead: the sender its opening formula names, a State's mission or an
	// office of the Organization (`The Office for Disarmament Affairs presents its compliments …`).
	const opening = letter.noteVerbale?.senderMission ? undefined : letter.noteVerbale?.opening?.sender.text;
	if (!opening) {
		return null;
	}
	const openingCountry = missionOf(opening) ?? attributivePost(opening, year);
	const post = countryOf(opening);
	return openingCountry ? normaliseCase(openingCountry) : post ? normaliseCase(post) : openingCountry === null || STATE_POST.test(opening) ? null : readOfficeName(normaliseCase(stripUnitedNations(opening)));
}

/**
 * The State named before the post that writes (`The United States Mission to the United Nations presents its
 * compliments …`, an edition's heading `The United States Representative at the United Nations ( Austin ) to …`,
 * `The Head of the Iranian Delegation at …`): a State's name or adjective (`Iranian` → `Iran`, `British` → `United
 * Kingdom`) directly before the post. `null` when the words before the post name no State or are an adjective two
 * States share (never a guess); `undefined` for a writer not named this way.
 */
function attributivePost(writer: string, year: number | undefined): string | null | undefined {
	const name = ATTRIBUTIVE_POST.exec(collapse(writer))?.[1];
	// `The Permanent Mission`, `The Special Representative`, `the Security Council Mission`: a post of another shape.
	return name === undefined || /\b(?:Permanent|Diplomatic|Observer|Joint|Special)\b/.test(name) || UN_BODY.test(name) ? undefined : stateNamedBy(name, year) ?? null;
}

/** Up to four capitalised words before a State's post, at the start of a heading or an opening (`the Iranian Delegation`, `The Head of the British Delegation`). */
const ATTRIBUTIVE_POST = /^(?:the\s+)?(?:(?:Head|Chairman|Chief)\s+of\s+the\s+)?((?:\p{Lu}[\p{L}'’-]*\s+){0,3}?\p{Lu}[\p{L}'’-]*)\s+(?:Permanent\s+)?(?:Mission|Representative|Delegation|Government|Ambassador|Chargé\s+d[’']affaires)\b/u;

/** Heads that start a further addressee in a list (`the Secretary-General and the President of the Security Council`). */
const ADDRESSEE_HEAD = /(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:to\s+)?(?:the\s+)?(?:Acting\s+|Vice-)?(?:Presidents?|Chair(?:man|person)?s?|Secretary-General|High\s+Commissioner|Executive|Special|Under-Secretary-General|Director|Permanent\s+Representatives?)\b)/i;

/** The addressees of the title, in its order, each as its office is named (`Secretary-General`). */
function addresseesOf(letter: Letter): string[] {
	const text = letter.title?.addressee?.text ?? letter.noteVerbale?.addressee?.text ?? (letter.title ? undefined : letter.noteVerbale?.opening?.addressee?.text ?? letter.memo?.to?.text);
	if (!text) {
		return [];
	}
	const result: string[] = [];
	for (const piece of collapse(text).split(ADDRESSEE_HEAD)) {
		const name = readOfficeName(normaliseCase(officeName(piece.replace(/^(?:to\s+)?(?:the\s+)?/i, '').replace(/[.,;:\s]+$/, ''))));
		// "the Presidents of the General Assembly and the Security Council": one office per organ.
		const plural = /^Presidents\s+of\s+(?:the\s+)?(.+)$/i.exec(name);
		const names = plural ? plural[1].split(/\s*(?:,|\band\b)\s*(?:the\s+)?/i).filter((organ) => organ !== '').map((organ) => `President of the ${organ}`) : [name];
		for (const one of names) {
			if (one !== '' && !result.includes(one)) {
				result.push(one);
			}
		}
	}
	return result;
}

/**
 * An addressee without the words that add nothing to an officer of the Organization ("Secretary-General of the United
 * Nations" → "Secretary-General"); other addressees as the title writes them ("the Permanent Missions of Member States
 * to the United Nations").
 */
function officeName(text: string): string {
	const stripped = stripUnitedNations(text);
	return /^(?:Secretary-General|President\s+of\s+the\s+\S.*)$/i.test(stripped) ? stripped : collapse(text);
}

/** "Secretary-General of the United Nations" → "Secretary-General"; "X to the United Nations" → "X". */
function stripUnitedNations(text: string): string {
	return collapse(text).replace(/\s+(?:of|to)\s+the\s+United\s+Nations(?:\s+(?:Office\s+)?at\s+\w+)?$/i, '').replace(/^Secretary-General\s+of\s+the\s+Organization$/i, 'Secretary-General');
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'to', 'in', 'on', 'at', 'a', 'an']);

/** A name printed in capitals (`LIBYAN ARAB JAMAHIRIYA`, 1990s titles) in the case a catalogue shows (`Libyan Arab Jamahiriya`); other names as printed. */
function normaliseCase(text: string): string {
	const name = collapse(text);
	if (!/[A-Z]{3}/.test(name) || /[a-z]/.test(name)) {
		return name;
	}
	return name.toLowerCase().replace(/[\p{L}][\p{L}'’]*/gu, (word, offset: number) => {
		if (offset > 0 && SMALL_WORDS.has(word)) {
			return word;
		}
		return word.replace(/(^|-)(\p{L})/gu, (_whole, dash: string, letterChar: string) => `${dash}${letterChar.toUpperCase()}`);
	});
}

/** The symbols a letter cites, once each, in order; citations standing in the header's agenda footnote (`* A/51/50.`) are not citations of the letter. */
function citedSymbols(letter: Letter): string[] {
	const agenda = letter.agenda?.range;
	const agendaLabels = new Set(agenda ? letter.footnoteMarkers.filter((marker) => marker.range.start >= agenda.start && marker.range.start <= agenda.end + 2).map((marker) => marker.label) : []);
	const seen = new Set<string>();
	for (const citation of letter.citations) {
		if (citation.footnote !== undefined && agendaLabels.has(citation.footnote)) {
			continue;
		}
		seen.add(citation.symbol.text);
	}
	return [...seen];
}
