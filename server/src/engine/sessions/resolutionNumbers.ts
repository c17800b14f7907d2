/**
 * Resolution numbers by period (data/resolutions.yaml): which years Security Council resolution numbers belong to,
 * and which regular sessions the consecutively numbered General Assembly resolutions of 1946–1975 belong to.
 *
 * Numbers grow with time in each series, so every number known to belong to a period bounds the others: a number
 * at or above one adopted in 1993 was adopted in 1993 or later, a number at or below one adopted in 1993 in 1993 or
 * earlier. A period is exact where its first and last numbers are both known.
 */

/** What the data says of one year (Security Council) or one regular session (General Assembly, 1–30). */
export interface NumberedPeriod {
	readonly first?: number;
	readonly last?: number;
	/** Numbers read with this period in a source. */
	readonly includes: readonly number[];
	/** Bounds computed from a neighbour or a count rather than read: they get {@link DERIVED_SLACK}. */
	readonly derived: readonly ('first' | 'last')[];
	readonly confidence: string;
}

/** Resolution numbering of both series. */
export interface ResolutionNumbering {
	readonly securityCouncilYears: ReadonlyMap<number, NumberedPeriod>;
	readonly generalAssemblySessions: ReadonlyMap<number, NumberedPeriod>;
}

/** The periods a resolution number can belong to: both ends inclusive, either end unknown. */
export interface PeriodBounds {
	readonly earliest?: number;
	readonly latest?: number;
}

/** How many numbers a derived (or `inferred`) first or last number may be off by: a count off by one never faults a citation. */
export const DERIVED_SLACK = 2;

/** Empty numbering: no period known, so nothing is ever bounded. */
export const NO_RESOLUTION_NUMBERING: ResolutionNumbering = { securityCouncilYears: new Map(), generalAssemblySessions: new Map() };

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function positiveInteger(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

const PERIOD_KEYS = new Set(['first', 'last', 'includes', 'derived', 'confidence']);

/** Reads one period entry; pushes what is wrong with it to `problems` and keeps what can be used. */
function readPeriod(where: string, value: unknown, problems: string[]): NumberedPeriod | undefined {
	const entry = asRecord(value);
	if (!entry) {
		problems.push(`${where}: needs a mapping with first, last or includes`);
		return undefined;
	}
	const unexpected = Object.keys(entry).filter((key) => !PERIOD_KEYS.has(key));
	if (unexpected.length > 0) {
		problems.push(`${where}: unexpected ${unexpected.map((key) => `"${key}"`).join(', ')}`);
	}
	const first = entry.first === undefined ? undefined : positiveInteger(entry.first);
	const last = entry.last === undefined ? undefined : positiveInteger(entry.last);
	if ((entry.first !== undefined && first === undefined) || (entry.last !== undefined && last === undefined)) {
		problems.push(`${where}: first and last must be positive whole numbers`);
	}
	const includes: number[] = [];
	for (const item of Array.isArray(entry.includes) ? entry.includes : entry.includes === undefined ? [] : [entry.includes]) {
		const number = positiveInteger(item);
		if (number === undefined) {
			problems.push(`${where}: includes ${JSON.stringify(item)}, not a resolution number`);
		} else {
			includes.push(number);
		}
	}
	const derived = (Array.isArray(entry.derived) ? entry.derived : []).filter((item): item is 'first' | 'last' => item === 'first' || item === 'last');
	if (entry.derived !== undefined && (!Array.isArray(entry.derived) || derived.length !== entry.derived.length)) {
		problems.push(`${where}: derived lists first and/or last`);
	}
	const outside = includes.filter((number) => (first !== undefined && number < first) || (last !== undefined && number > last));
	if (first !== undefined && last !== undefined && first > last) {
		problems.push(`${where}: first ${first} is after last ${last}`);
	} else if (outside.length > 0) {
		problems.push(`${where}: includes ${outside.join(', ')}, outside ${first ?? '…'}–${last ?? '…'}`);
	}
	if (first === undefined && last === undefined && includes.length === 0) {
		problems.push(`${where}: gives no number`);
		return undefined;
	}
	const confidence = typeof entry.confidence === 'string' && entry.confidence.trim() !== '' ? entry.confidence : 'unknown';
	return { first, last, includes, derived, confidence };
}

/** The numbers certainly in a period: its includes, and its first and last moved inwards by their slack. */
function knownMembers(period: NumberedPeriod): number[] {
	const slack = (bound: 'first' | 'last'): number => (period.confidence === 'inferred' || period.derived.includes(bound) ? DERIVED_SLACK : 0);
	const members = [...period.includes];
	if (period.first !== undefined) {
		members.push(period.first + slack('first'));
	}
	if (period.last !== undefined) {
		members.push(period.last - slack('last'));
	}
	if (period.first !== undefined && period.last !== undefined) {
		return members.filter((number) => number >= (period.first ?? 0) && number <= (period.last ?? Infinity));
	}
	return members;
}

/** Reads a section (`years:` or `sessions:`) keyed by period; checks that numbers grow from period to period. */
function readSection(where: string, section: unknown, problems: string[]): Map<number, NumberedPeriod> {
	const periods = new Map<number, NumberedPeriod>();
	for (const [key, value] of Object.entries(asRecord(section) ?? {})) {
		if (!/^\d+$/.test(key)) {
			problems.push(`${where} ${key}: the key must be a number`);
			continue;
		}
		const period = readPeriod(`${where} ${key}`, value, problems);
		if (period) {
			periods.set(Number(key), period);
		}
	}
	const keys = [...periods.keys()].sort((a, b) => a - b);
	for (let i = 1; i < keys.length; i++) {
		const before = periods.get(keys[i - 1]);
		const after = periods.get(keys[i]);
		const highest = before && Math.max(...[before.last ?? 0, before.first ?? 0, ...before.includes]);
		const lowest = after && Math.min(...[after.first ?? Infinity, after.last ?? Infinity, ...after.includes]);
		if (highest !== undefined && lowest !== undefined && highest >= lowest) {
			problems.push(`${where} ${keys[i]}: number ${lowest} is not after ${highest} of ${keys[i - 1]}`);
		}
	}
	return periods;
}

/** Reads the parsed data/resolutions.yaml; every entry that cannot be used is listed in `problems`. */
export function parseResolutionNumbering(root: unknown, problems: string[]): ResolutionNumbering {
	const data = asRecord(root);
	return {
		securityCouncilYears: readSection('Security Council year', asRecord(asRecord(data?.securityCouncil)?.years), problems),
		generalAssemblySessions: readSection('General Assembly session', asRecord(asRecord(data?.generalAssembly)?.sessions), problems),
	};
}

/** Each period's lowest and highest known member, computed once per section (sections are immutable once read). */
const memberRanges = new WeakMap<ReadonlyMap<number, NumberedPeriod>, readonly { key: number; lowest: number; highest: number }[]>();

function memberRangesOf(periods: ReadonlyMap<number, NumberedPeriod>): readonly { key: number; lowest: number; highest: number }[] {
	let ranges = memberRanges.get(periods);
	if (ranges === undefined) {
		ranges = [...periods].flatMap(([key, period]) => {
			const members = knownMembers(period);
			return members.length === 0 ? [] : [{ key, lowest: Math.min(...members), highest: Math.max(...members) }];
		});
		memberRanges.set(periods, ranges);
	}
	return ranges;
}

/** The periods `number` can belong to, from the known members of every period. */
function boundsIn(periods: ReadonlyMap<number, NumberedPeriod>, number: number): PeriodBounds {
	let earliest: number | undefined;
	let latest: number | undefined;
	for (const { key, lowest, highest } of memberRangesOf(periods)) {
		if (lowest <= number && (earliest === undefined || key > earliest)) {
			earliest = key;
		}
		if (highest >= number && (latest === undefined || key < latest)) {
			latest = key;
		}
	}
	return { earliest, latest };
}

/** The years Security Council resolution `number` can have been adopted in (undefined ends are unknown). */
export function securityCouncilResolutionYears(numbering: ResolutionNumbering, number: number): PeriodBounds {
	return boundsIn(numbering.securityCouncilYears, number);
}

/** The regular sessions General Assembly resolution `number` of 1946–1975 ("2758 (XXVI)") can belong to. */
export function generalAssemblyResolutionSessions(numbering: ResolutionNumbering, number: number): PeriodBounds {
	return boundsIn(numbering.generalAssemblySessions, number);
}

/** True when a value lies outside bounds (an unknown end never excludes). */
export function outsideBounds(bounds: PeriodBounds, value: number): boolean {
	return (bounds.earliest !== undefined && value < bounds.earliest) || (bounds.latest !== undefined && value > bounds.latest);
}
