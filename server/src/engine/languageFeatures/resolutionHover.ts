/** Hover lines for resolutions: the organ, number, and when the shipped data says the resolution was adopted. */
import { formatDate } from '../calendar/calendarDate';
import type { ReferenceData } from '../sessions/referenceData';
import { gaSessionWindow, numberToOrdinal } from '../sessions/referenceData';
import type { PeriodBounds } from '../sessions/resolutionNumbers';
import { generalAssemblyResolutionSessions, outsideBounds, securityCouncilResolutionYears } from '../sessions/resolutionNumbers';
import type { SymbolPart } from '../symbols/documentSymbols';
import type { ResolutionMatch } from '../symbols/resolutions';

/** "in 1993", "in 2021 or 2022", "between 2004 and 2008", "in or after 2025"; undefined when nothing is known. */
function yearsText(bounds: PeriodBounds): string | undefined {
	const { earliest, latest } = bounds;
	if (earliest === undefined && latest === undefined) {
		return undefined;
	}
	if (earliest !== undefined && latest !== undefined) {
		return earliest === latest ? `in ${earliest}` : latest === earliest + 1 ? `in ${earliest} or ${latest}` : `between ${earliest} and ${latest}`;
	}
	return earliest !== undefined ? `in or after ${earliest}` : `in or before ${latest}`;
}

/** What the data says of a Security Council resolution's year, compared with the year cited. */
function securityCouncilYearLine(data: ReferenceData, number: number, cited: number | undefined): string | undefined {
	const bounds = securityCouncilResolutionYears(data.resolutions, number);
	const years = yearsText(bounds);
	if (!years) {
		return undefined;
	}
	if (cited !== undefined && outsideBounds(bounds, cited)) {
		return `Adopted ${years}, not ${cited} (resolution numbers by year, shipped data).`;
	}
	return cited !== undefined && bounds.earliest === bounds.latest ? undefined : `Adopted ${years} (resolution numbers by year, shipped data).`;
}

/** The dates of a regular session: "15 September 2020 to 14 September 2021". */
function sessionDates(data: ReferenceData, session: number): string | undefined {
	if (!data.sessions.has(session)) {
		return undefined;
	}
	const window = gaSessionWindow(data, session);
	const exact = !window.estimated;
	return exact ? `${formatDate(window.earliestOpening)} to ${formatDate(window.latestClosing)}` : `opened in ${window.earliestOpening.year}`;
}

/** What the data says of an old General Assembly resolution's session, compared with the session cited. */
function generalAssemblySessionLine(data: ReferenceData, number: number, cited: number): string | undefined {
	const bounds = generalAssemblyResolutionSessions(data.resolutions, number);
	if (outsideBounds(bounds, cited) && bounds.earliest !== undefined && bounds.earliest === bounds.latest) {
		return `The resolution numbering puts ${number} in the ${numberToOrdinal(bounds.earliest)} session, not the ${numberToOrdinal(cited)}.`;
	}
	if (outsideBounds(bounds, cited)) {
		return `The resolution numbering does not put ${number} in the ${numberToOrdinal(cited)} session.`;
	}
	return undefined;
}

/** The facts of a resolution found in prose (`resolution 822 (1993)`, `resolution 75/1`, `2758 (XXVI)`, `ES-10/19`). */
export function resolutionFacts(data: ReferenceData, resolution: ResolutionMatch): string[] {
	const organ = resolution.body ?? (resolution.organ === 'unknown' ? 'organ not named nearby' : resolution.organ);
	const facts = [organ, `number ${resolution.number}`];
	const lines: string[] = [];
	if (resolution.year !== undefined) {
		facts.push(`adopted in ${resolution.year}`);
	}
	if (typeof resolution.session === 'number') {
		const dates = resolution.body === undefined ? sessionDates(data, resolution.session) : undefined;
		facts.push(`${numberToOrdinal(resolution.session)} session${dates ? ` (${dates})` : ''}`);
	} else if (resolution.session !== undefined) {
		const emergency = /^ES-(\d{1,2})$/.exec(resolution.session);
		const session = emergency && data.emergencySpecialSessions.get(Number(emergency[1]));
		facts.push(emergency ? `${numberToOrdinal(Number(emergency[1]))} emergency special session${session ? ` (opened ${formatDate(session.opened)})` : ''}` : `session ${resolution.session}`);
	}
	const number = Number(resolution.number);
	if (resolution.organ === 'Security Council' || (resolution.organ === 'unknown' && resolution.body === undefined && resolution.symbol.startsWith('S/RES/'))) {
		const line = securityCouncilYearLine(data, number, resolution.year);
		if (line) {
			lines.push('', line);
		}
	} else if (resolution.organ === 'General Assembly' && typeof resolution.session === 'number' && /\([IVXLC]+\)$/.test(resolution.symbol)) {
		const line = generalAssemblySessionLine(data, number, resolution.session);
		if (line) {
			lines.push('', line);
		}
	}
	return [`**Resolution ${resolution.symbol}**: ${facts.join(', ')}.`, ...lines, '', `[${resolution.symbol}](${resolution.url})`];
}

/** The line a cited resolution symbol (`S/RES/822 (1993)`, `A/RES/75/1`) adds to its hover, if the data says more. */
export function resolutionSymbolLine(data: ReferenceData, part: SymbolPart): string | undefined {
	if (part.special?.kind !== 'RES' || !/^\d+$/.test(part.number ?? '')) {
		return undefined;
	}
	const number = Number(part.number);
	if (part.series === 'S' && part.bodies.length === 0) {
		return securityCouncilYearLine(data, number, part.year);
	}
	if (part.series === 'A' && part.bodies.length === 0 && part.session !== undefined) {
		if (/\([IVXLC]+\)$/.test(part.text)) {
			return generalAssemblySessionLine(data, number, part.session);
		}
		const dates = sessionDates(data, part.session);
		return dates && `A resolution of the ${numberToOrdinal(part.session)} session (${dates}).`;
	}
	return undefined;
}
