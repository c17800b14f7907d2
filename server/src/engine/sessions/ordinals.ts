/**
 * English ordinal words as used in UN mastheads ("Seventy-fifth session", "Seventy-seventh year"):
 * conversion both ways for 1–199 (and beyond, "two hundred and first" style is not used by the UN).
 */

const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
	'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const UNIT_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
	'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TEN_ORDINALS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** Ordinal words of 1–99: 75 → "seventy-fifth". */
function smallOrdinal(n: number): string {
	if (n < 20) {
		return UNIT_ORDINALS[n];
	}
	const tens = Math.floor(n / 10);
	const units = n % 10;
	return units === 0 ? TEN_ORDINALS[tens] : `${TENS[tens]}-${UNIT_ORDINALS[units]}`;
}

/** Cardinal words of 1–99: 75 → "seventy-five". */
function smallCardinal(n: number): string {
	if (n < 20) {
		return UNITS[n];
	}
	const tens = Math.floor(n / 10);
	const units = n % 10;
	return units === 0 ? TENS[tens] : `${TENS[tens]}-${UNITS[units]}`;
}

/**
 * The English ordinal word of a positive integer, lower case: 75 → "seventy-fifth", 100 → "one hundredth",
 * 101 → "one hundred and first". Numbers outside 1–999 fall back to digits with a suffix ("1000th").
 */
export function numberToOrdinal(n: number): string {
	if (!Number.isInteger(n) || n < 1 || n > 999) {
		return digitsOrdinal(n);
	}
	if (n < 100) {
		return smallOrdinal(n);
	}
	const hundreds = Math.floor(n / 100);
	const rest = n % 100;
	const head = `${UNITS[hundreds]} hundred`;
	return rest === 0 ? `${head}th` : `${head} and ${smallOrdinal(rest)}`;
}

/** "1st", "2nd", "3rd", "11th", "75th" … for numbers the words do not cover. */
function digitsOrdinal(n: number): string {
	const lastTwo = Math.abs(n) % 100;
	const last = Math.abs(n) % 10;
	const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
	return `${n}${suffix}`;
}

let ordinalTable: Map<string, number> | undefined;

/** Every spelling of 1–999 that ordinalToNumber accepts, keyed by its normalised form. */
function ordinalLookup(): Map<string, number> {
	if (!ordinalTable) {
		ordinalTable = new Map();
		for (let n = 1; n <= 999; n++) {
			ordinalTable.set(normaliseOrdinalWords(numberToOrdinal(n)), n);
			if (n >= 100 && n % 100 !== 0) {
				// "one hundred first" (without "and") is also seen.
				ordinalTable.set(normaliseOrdinalWords(`${UNITS[Math.floor(n / 100)]} hundred ${smallOrdinal(n % 100)}`), n);
			}
		}
		ordinalTable.set('hundredth', 100);
	}
	return ordinalTable;
}

/** Lower case, hyphens and runs of white space as single spaces, no "the", no Markdown emphasis. */
function normaliseOrdinalWords(words: string): string {
	return words
		.toLowerCase()
		.replace(/[*_]/g, '')
		.replace(/[-‐‑–\s]+/g, ' ')
		.replace(/^the /, '')
		.trim();
}

/**
 * The number an English ordinal spells: "Seventy-fifth" → 75, "seventy fifth" → 75, "Hundredth" → 100,
 * "One hundred and first" → 101, also digit forms "75th". Undefined when the words are not an ordinal.
 */
export function ordinalToNumber(words: string): number | undefined {
	const normalised = normaliseOrdinalWords(words);
	const digits = /^(\d{1,4})(?:st|nd|rd|th)$/.exec(normalised);
	if (digits) {
		const n = Number(digits[1]);
		return n > 0 && digitsOrdinal(n) === normalised ? n : undefined;
	}
	return ordinalLookup().get(normalised);
}

/** The English cardinal words of 1–99 ("seventy-five"); digits otherwise. */
export function numberToCardinal(n: number): string {
	return Number.isInteger(n) && n >= 1 && n <= 99 ? smallCardinal(n) : String(n);
}

/** The value of a Roman numeral in capitals ("XXX" → 30); undefined when it is not a well-formed one (1–3999). */
export function romanToNumber(roman: string): number | undefined {
	if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(roman) || roman === '') {
		return undefined;
	}
	const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
	let total = 0;
	for (let i = 0; i < roman.length; i++) {
		const value = values[roman[i]];
		const next = i + 1 < roman.length ? values[roman[i + 1]] : 0;
		total += value < next ? -value : value;
	}
	return total;
}
