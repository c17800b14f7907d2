import { parseDate } from '../calendar/dates';
import type { Letter } from '../letter/model';
import type { Finding } from './codes';

/** `S/2020/…`: a symbol cut short on purpose, standing for a series of documents. */
const ELLIPSIS_AFTER = /^(?:…|\.{3})/;

/** `symbol-malformed`: text shaped like a document symbol that breaks the symbol grammar (a deliberate `S/2020/…` does not). */
export function checkMalformedSymbols(letter: Letter): Finding[] {
	return letter.malformedSymbols.filter((malformed) => !ELLIPSIS_AFTER.test(letter.text.slice(malformed.range.end, malformed.range.end + 3))).map((malformed) => ({
		code: 'symbol-malformed',
		range: malformed.range,
		message: `Malformed document symbol: ${malformed.reason.replace(/\.$/, '')}. Complete or correct the symbol.`,
		fix: { symbol: malformed.raw },
	}));
}

/** The date a malformed day was clearly meant to be: `016 October 2020` → `16 October 2020`. */
export function intendedDate(raw: string): string | undefined {
	const match = /^0+(\d{1,2})(\s+[A-Za-z]+\s+\d{4})$/.exec(raw.trim());
	if (!match) {
		return undefined;
	}
	const candidate = `${match[1]}${match[2]}`;
	return parseDate(candidate)?.date ? candidate : undefined;
}

/** `date-invalid`: a date that is not a calendar date. */
export function checkInvalidDates(letter: Letter): Finding[] {
	const findings: Finding[] = [];
	for (const date of letter.dates) {
		if (!date.invalid) {
			continue;
		}
		const intended = intendedDate(date.raw);
		const reason = date.invalid.replace(/\.$/, '');
		const written = date.raw.replace(/\s+/g, ' ');
		const what = reason.includes(written) ? reason : `“${written}” is not a calendar date: ${reason}`;
		findings.push({
			code: 'date-invalid',
			range: date.range,
			message: `${what}. ${intended ? `Did you mean “${intended}”?` : 'Correct the date.'}`,
			fix: intended ? { replacement: intended } : undefined,
		});
	}
	return findings;
}
