/** Hover: what an element of a letter means, in Markdown. */
import { formatDate } from '../calendar/dates';
import type { Citation, Letter, OrganHeader } from '../letter/model';
import type { ReferenceData } from '../sessions/referenceData';
import { gaSessionWindow, numberToOrdinal } from '../sessions/referenceData';
import type { DocumentSymbolRef } from '../symbols/documentSymbols';
import { explainDocumentSymbol } from '../symbols/documentSymbols';
import type { TextPosition } from '../text/lineIndex';
import type { ResolvedAgendaTitle } from '../workspace/agendaTitles';
import { resolveAgendaTitle } from '../workspace/agendaTitles';
import type { IndexedLetter, LetterIndex } from '../workspace/letterIndex';
import { referenceTarget, resolveLetterReference } from '../workspace/letterLinks';
import type { ReadLetter, TextRange } from './context';
import { oneLine, readLetter, toOffset, toTextRange } from './context';
import type { LetterElement } from './elementAt';
import { elementAt } from './elementAt';
import { resolutionFacts, resolutionSymbolLine } from './resolutionHover';
import { countLetters, describeIdentity, lettersCiting, lettersWithSymbol, markdownCode, namedLetter } from './workspaceLookups';

/** Markdown shown for an element, and the range it covers. */
export interface LetterHover {
	readonly markdown: string;
	readonly range: TextRange;
}

const code = markdownCode;

function symbolLines(symbol: DocumentSymbolRef, data?: ReferenceData): string[] {
	const explanation = explainDocumentSymbol(symbol);
	const lines = [`**${symbol.text}**: ${explanation.summary}`, ''];
	for (const part of explanation.parts) {
		const facts = [part.organ, part.body, part.sessionOrYear, part.number === undefined ? undefined : `number ${part.number}`, ...part.components]
			.filter((fact): fact is string => fact !== undefined);
		lines.push(`- [${part.symbol}](${part.url}): ${facts.join(', ')}`);
	}
	const resolutionLines = data ? symbol.parts.map((part) => resolutionSymbolLine(data, part)).filter((line): line is string => line !== undefined) : [];
	return resolutionLines.length > 0 ? [...lines, '', ...resolutionLines] : lines;
}

function workspaceLines(index: LetterIndex, self: IndexedLetter, symbol: DocumentSymbolRef): string[] {
	const lines: string[] = [''];
	const targets = lettersWithSymbol(index, symbol, self.uri);
	if (targets.length === 0) {
		lines.push('Not a letter in this workspace.');
	}
	if (targets.length > 1) {
		lines.push(`${countLetters(targets.length)} in this workspace claim this symbol:`);
	}
	for (const target of targets) {
		lines.push(`In this workspace: ${namedLetter(index, target.uri, target.fileName, describeIdentity(index, index.identity(target.uri)))}.`);
	}
	const citers = index.citing(symbol).filter((citer) => !targets.some((target) => target.uri === citer.uri));
	lines.push('', `Cited by ${countLetters(citers.length)} in this workspace.`);
	return lines;
}

function citationHover(index: LetterIndex, data: ReferenceData, self: IndexedLetter, citation: Citation): string[] {
	const lines = symbolLines(citation.symbol, data);
	if (citation.date?.date) {
		lines.push('', `Cited as dated ${formatDate(citation.date.date)}.`);
	}
	return [...lines, ...workspaceLines(index, self, citation.symbol)];
}

function mastheadHover(index: LetterIndex, self: IndexedLetter, symbol: DocumentSymbolRef): string[] {
	const citers = lettersCiting(index, symbol, self.uri);
	const others = lettersWithSymbol(index, symbol, self.uri);
	const claimed = others.map((other) => `Also claimed by ${namedLetter(index, other.uri, other.fileName)}.`);
	return [...symbolLines(symbol), '', `The symbol of this letter. Cited by ${countLetters(citers.length)} in this workspace.`, ...claimed];
}

function sessionOf(letter: Letter): number | undefined {
	return letter.agenda?.session ?? letter.organs.find((organ) => organ.organ === 'General Assembly' && organ.unit === 'session')?.ordinal;
}

/** Where an agenda item's title came from, in words. */
function titleSource(index: LetterIndex, title: ResolvedAgendaTitle): string {
	switch (title.source) {
		case 'agenda-data':
			return 'from the agenda data of the session';
		case 'other-sessions-order':
			return 'from the agenda data, matched by title';
		case 'letter-order':
			return 'from the order of the titles in this letter';
		case 'workspace-letter':
			return `as ${title.learnedFrom ? namedLetter(index, title.learnedFrom.uri, title.learnedFrom.fileName) : 'another letter'} in this workspace prints it under its agenda line`;
	}
}

function agendaHover(index: LetterIndex, data: ReferenceData, self: ReadLetter, element: Extract<LetterElement, { kind: 'agenda-item' }>): string[] {
	const letter = self.letter;
	const session = sessionOf(letter);
	const sessionText = session === undefined ? '' : ` of the ${numberToOrdinal(session)} session`;
	const provisional = letter.agenda?.provisional ? ' (provisional agenda)' : '';
	const lines = [`**Agenda item ${element.number}**${sessionText}${provisional}`, ''];
	const title = resolveAgendaTitle(index.agendaTitles, data, self.entry.summary.agenda, element.number);
	lines.push(title ? `${oneLine(title.text)} (${titleSource(index, title)}).` : 'Title unknown: not in the agenda data of the session, and no letter in this workspace gives it.');
	if (element.inClosingRequest && !element.headerItem) {
		lines.push('', 'This item is not listed in the header.');
	}
	return lines;
}

function sessionHover(data: ReferenceData, organ: OrganHeader): string[] {
	if (organ.organ === 'Security Council' && organ.unit === 'year') {
		return [`**Security Council, ${numberToOrdinal(organ.ordinal)} year**: the calendar year ${1945 + organ.ordinal}.`];
	}
	if (organ.organ === 'General Assembly' && (organ.unit === 'emergency-special-session' || organ.unit === 'special-session')) {
		const emergency = organ.unit === 'emergency-special-session';
		const session = (emergency ? data.emergencySpecialSessions : data.specialSessions).get(organ.ordinal);
		const name = `${numberToOrdinal(organ.ordinal)} ${emergency ? 'emergency special' : 'special'} session`;
		if (!session) {
			return [`**${organ.organ}, ${name}**: its dates are not in the data.`];
		}
		const resumed = session.resumed.length > 0 ? `; resumed ${session.resumed.map(formatDate).join(', ')}` : '';
		const closed = session.closed ? `; last met ${formatDate(session.closed)}` : emergency ? '; adjourned, not closed (it can be resumed)' : '';
		return [`**${organ.organ}, ${name}**${session.topic ? ` (${session.topic})` : ''}: opened ${formatDate(session.opened)}${resumed}${closed}.`];
	}
	if (organ.unit !== 'session' || organ.organ !== 'General Assembly') {
		return [`**${organ.organ}, ${numberToOrdinal(organ.ordinal)} ${organ.unit.replace(/-/g, ' ')}**`];
	}
	const window = gaSessionWindow(data, organ.ordinal);
	const fact = data.sessions.get(organ.ordinal);
	const opened = fact?.confidence === 'inferred'
		? `opened about ${formatDate(fact.opened)} (the day the rules of procedure then gave; not read in a source)`
		: window.earliestOpening === window.latestOpening || formatDate(window.earliestOpening) === formatDate(window.latestOpening)
			? `opened ${formatDate(window.earliestOpening)}`
			: `opened in ${formatDate(window.earliestOpening).replace(/^\d+ /, '')} (estimated)`;
	const next = data.sessions.get(organ.ordinal + 1);
	const closed = formatDate(window.earliestClosing) === formatDate(window.latestClosing)
		? `closed ${formatDate(window.earliestClosing)}, when the ${numberToOrdinal(organ.ordinal + 1)} session opened`
		: next?.confidence === 'inferred'
			? `closed when the ${numberToOrdinal(organ.ordinal + 1)} session opened, about ${formatDate(next.opened)}`
			: `closes when the ${numberToOrdinal(organ.ordinal + 1)} session opens, in ${formatDate(window.earliestClosing).replace(/^\d+ /, '')} (estimated)`;
	return [`**${organ.organ}, ${numberToOrdinal(organ.ordinal)} session**: ${opened}; ${closed}.`];
}

function letterReferenceHover(index: LetterIndex, self: IndexedLetter, element: Extract<LetterElement, { kind: 'letter-reference' }>): string[] {
	const reference = element.reference;
	const dated = reference.date?.date ? ` dated ${formatDate(reference.date.date)}` : '';
	const lines = [`**${reference.own ? 'Earlier letter of the same sender' : 'Letter'}${dated}**`, ''];
	if (reference.nearbySymbol) {
		lines.push(`Given as ${code(reference.nearbySymbol.text)}.`);
		for (const target of lettersWithSymbol(index, reference.nearbySymbol, self.uri)) {
			lines.push(`In this workspace: ${namedLetter(index, target.uri, target.fileName)}.`);
		}
		return lines;
	}
	const found = resolveLetterReference(self, referenceTarget(reference), index);
	lines.push(found.length === 0 ? 'No workspace letter has that date and sender.' : found.map((target) => `In this workspace: ${namedLetter(index, target.uri, target.fileName)}.`).join('\n\n'));
	return lines;
}

function titleHover(index: LetterIndex, self: IndexedLetter): string[] {
	const identity = index.identity(self.uri);
	if (!identity) {
		return ['**This letter**: no document symbol known (no masthead, sidecar, file name or citation with its date).'];
	}
	const citers = lettersCiting(index, identity.symbol, self.uri);
	return [`**This letter is ${identity.symbol.text}** (${describeIdentity(index, identity)}).`, '', `Cited by ${countLetters(citers.length)} in this workspace.`];
}

function describe(index: LetterIndex, data: ReferenceData, read: ReadLetter, element: LetterElement): string[] {
	const { entry: self, letter } = read;
	switch (element.kind) {
		case 'masthead':
			return mastheadHover(index, self, element.symbol);
		case 'citation':
			return citationHover(index, data, self, element.citation);
		case 'resolution':
			return resolutionFacts(data, element.resolution);
		case 'footnote-marker': {
			const footnote = letter.footnotes.find((note) => note.label === element.marker.label);
			return [`**Footnote ${element.marker.label}**`, '', footnote ? oneLine(footnote.text) : 'No footnote text with this number in the letter.'];
		}
		case 'footnote-text': {
			const uses = letter.footnoteMarkers.filter((marker) => marker.label === element.footnote.label).length;
			return [`**Footnote ${element.footnote.label}**: referenced by ${uses} marker${uses === 1 ? '' : 's'}.`];
		}
		case 'annex-reference': {
			const annex = letter.annexes.find((item) => item.label === element.reference.label);
			return annex ? [`**Annex ${annex.label}**`, '', oneLine(letter.text.slice(annex.headingRange.start, annex.headingRange.end))] : [`**Annex ${element.reference.label}**: not in this letter.`];
		}
		case 'annex-heading':
			return [`**Annex ${element.annex.label}**`];
		case 'agenda-item':
			return agendaHover(index, data, read, element);
		case 'session-name':
			return sessionHover(data, element.organ);
		case 'letter-reference':
			return letterReferenceHover(index, self, element);
		case 'title':
			return titleHover(index, self);
	}
}

/** The hover of the element at a position of a workspace letter; undefined on plain text or in a non-letter. */
export function provideHover(index: LetterIndex, data: ReferenceData, uri: string, position: TextPosition): LetterHover | undefined {
	const self = readLetter(index, uri);
	if (!self) {
		return undefined;
	}
	const element = elementAt(self.letter, toOffset(self.letter, position));
	if (!element) {
		return undefined;
	}
	return { markdown: describe(index, data, self, element).join('\n'), range: toTextRange(self.letter, element.range) };
}
