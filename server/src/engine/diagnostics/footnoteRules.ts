import type { Letter } from '../letter/model';
import type { Finding } from './codes';

/** Footnotes are numbered per section: the letter itself and each annex may restart at 1. */
function sectionOf(letter: Letter, offset: number): number {
	return letter.annexes.findIndex((annex) => offset >= annex.range.start && offset < annex.range.end);
}

function displayLabel(label: string): string {
	return label === '*' ? '*' : label;
}

/** `footnote-missing-text`, `footnote-unreferenced` and `footnote-duplicate`. */
export function checkFootnotes(letter: Letter): Finding[] {
	const findings: Finding[] = [];
	const textKeys = new Map<string, Letter['footnotes'][number]>();
	for (const footnote of letter.footnotes) {
		const key = `${sectionOf(letter, footnote.range.start)}:${footnote.label}`;
		const first = textKeys.get(key);
		if (first) {
			findings.push({
				code: 'footnote-duplicate',
				range: footnote.labelRange,
				message: `Footnote ${displayLabel(footnote.label)} has two texts. Renumber one of them, or merge them.`,
				related: [{ range: first.labelRange, message: `First text of footnote ${displayLabel(footnote.label)}` }],
			});
		} else {
			textKeys.set(key, footnote);
		}
	}
	const markerKeys = new Set<string>();
	for (const marker of letter.footnoteMarkers) {
		const key = `${sectionOf(letter, marker.range.start)}:${marker.label}`;
		markerKeys.add(key);
		if (!textKeys.has(key)) {
			findings.push({
				code: 'footnote-missing-text',
				range: marker.range,
				message: `Footnote marker ${displayLabel(marker.label)} has no footnote text in this letter. Add the footnote text, or remove the marker.`,
				fix: { footnoteLabel: marker.label },
			});
		}
	}
	for (const [key, footnote] of textKeys) {
		if (!markerKeys.has(key)) {
			findings.push({
				code: 'footnote-unreferenced',
				range: footnote.labelRange,
				message: `Footnote ${displayLabel(footnote.label)} is never referenced: no marker in the text uses it. Add the marker where the footnote belongs, or remove the footnote.`,
			});
		}
	}
	return findings;
}
