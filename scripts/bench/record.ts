// The benchmark corpus: a generated record that looks like the real one. About ten letters a day over the years
// (fewer at weekends), from many senders (a few write most), to the Secretary-General and the Presidents of the
// Council and the Assembly, under the GA session and SC year of their dates, in the shapes of each era (1990s
// mastheads with `Distr. GENERAL`, two-column headers, modern PDF text with job numbers and running headers,
// Markdown exports with `<sup>` footnotes and links, notes verbales, identical letters), citing earlier letters of
// the record by symbol and date, answering them (`Further to my letter dated …`, `in reply to the letter dated …
// from …`), with the real letters of test/fixtures/real mixed in, and a few mistakes a checker must find.
// Deterministic: the same count gives the same files.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { numberToOrdinal } from '../../server/src/engine/sessions/ordinals';
import { readSeedLetters, seededRandom } from './corpus';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const REAL_DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'real');

/** Senders, the first ones writing far more often than the last (a Zipf-like draw). */
const STATES = [
	'Azerbaijan', 'Armenia', 'Israel', 'Palestine', 'Ukraine', 'the Russian Federation', 'the Syrian Arab Republic', 'Iraq', 'the Islamic Republic of Iran',
	'Lebanon', 'Kuwait', 'Qatar', 'Saudi Arabia', 'Egypt', 'Libya', 'the Sudan', 'Ethiopia', 'Eritrea', 'Somalia', 'Morocco', 'Algeria', 'Pakistan', 'India',
	'Afghanistan', 'China', 'Japan', 'the Republic of Korea', "the Democratic People's Republic of Korea", 'Georgia', 'Turkey', 'Cyprus', 'Greece', 'Serbia',
	'Croatia', 'Bosnia and Herzegovina', 'Albania', 'the United States of America', 'the United Kingdom of Great Britain and Northern Ireland', 'France',
	'Germany', 'Venezuela (Bolivarian Republic of)', 'Colombia', 'Cuba', 'Nicaragua', 'Bolivia (Plurinational State of)', 'Argentina', 'Brazil', 'Mexico',
	'Rwanda', 'the Democratic Republic of the Congo', 'Uganda', 'Burundi', 'Nigeria', 'Cameroon', 'Chad', 'Mali', 'Senegal', 'South Africa', 'Zimbabwe',
	'Myanmar', 'Bangladesh', 'Indonesia', 'Viet Nam', 'the Philippines', 'Malaysia', 'Thailand', 'Cambodia', 'Kazakhstan', 'Uzbekistan', 'Tajikistan',
	'Belarus', 'Poland', 'Lithuania', 'Latvia', 'Estonia', 'the Republic of Moldova', 'Norway', 'Sweden', 'Finland', 'Denmark', 'the Netherlands', 'Belgium',
	'Switzerland', 'Austria', 'Italy', 'Spain', 'Portugal', 'Ireland', 'Canada', 'Australia', 'New Zealand', 'Fiji', 'Tonga', 'Costa Rica', 'Panama',
	'Guatemala', 'Honduras', 'El Salvador', 'Ecuador', 'Peru', 'Chile', 'Uruguay', 'Paraguay', 'Jamaica', 'Haiti', 'the Dominican Republic', 'Yemen', 'Oman',
	'Bahrain', 'the United Arab Emirates', 'Jordan', 'Tunisia', 'Mauritania', 'Kenya', 'the United Republic of Tanzania', 'Mozambique', 'Angola', 'Namibia',
];

const NAMES = ['Jeyhun Bayramov', 'Reaz Rahman', 'Maria Fernanda Espinosa', 'Gilad Erdan', 'Riyad Mansour', 'Sergiy Kyslytsya', 'Vassily Nebenzia', 'Bashar Ja’afari',
	'Mohammed Hussein Bahr Aluloom', 'Majid Takht Ravanchi', 'Amal Mudallali', 'Mansour Ayyad Alotaibi', 'Alya Ahmed Saif Al-Thani', 'Abdallah Al-Mouallimi',
	'Mohamed Edrees', 'Taher Elsonni', 'Omer Mohamed Ahmed Siddig', 'Taye Atske Selassie Amde', 'Sophia Tesfamariam', 'Omar Hilale', 'Munir Akram',
	'T. S. Tirumurti', 'Zhang Jun', 'Ishikane Kimihiro', 'Kokab Bulad', 'Mher Margaryan', 'Tofig Musayev', 'Yashar Aliyev'];

/** Resolutions the letters recall, with the year each was adopted (Security Council and General Assembly). */
const RESOLUTIONS: readonly { readonly text: string; readonly year: number }[] = [
	{ text: 'resolution 242 (1967)', year: 1967 }, { text: 'resolution 338 (1973)', year: 1973 }, { text: 'resolution 425 (1978)', year: 1978 },
	{ text: 'resolution 687 (1991)', year: 1991 }, { text: 'resolution 822 (1993)', year: 1993 }, { text: 'resolutions 853 (1993) and 874 (1993)', year: 1993 },
	{ text: 'resolution 884 (1993)', year: 1993 }, { text: 'resolution 1244 (1999)', year: 1999 }, { text: 'resolution 1325 (2000)', year: 2000 },
	{ text: 'resolution 1373 (2001)', year: 2001 }, { text: 'resolution 1540 (2004)', year: 2004 }, { text: 'resolution 1701 (2006)', year: 2006 },
	{ text: 'resolution 1973 (2011)', year: 2011 }, { text: 'resolution 2231 (2015)', year: 2015 }, { text: 'resolution 2254 (2015)', year: 2015 },
	{ text: 'resolution 2334 (2016)', year: 2016 }, { text: 'General Assembly resolution 181 (II)', year: 1947 }, { text: 'General Assembly resolution 2625 (XXV)', year: 1970 },
	{ text: 'General Assembly resolution 68/262', year: 2014 }, { text: 'General Assembly resolution ES-11/1', year: 2022 },
];

const ADDRESSEES: readonly { readonly title: string; readonly weight: number; readonly organs: 'GA' | 'SC' | 'both' }[] = [
	{ title: 'the Secretary-General', weight: 62, organs: 'both' },
	{ title: 'the President of the Security Council', weight: 24, organs: 'SC' },
	{ title: 'the President of the General Assembly', weight: 6, organs: 'GA' },
	{ title: 'the Secretary-General and the President of the Security Council', weight: 8, organs: 'both' },
];

/** A letter of the record, as later letters cite and answer it. */
interface RecordLetter {
	readonly serial: number;
	readonly symbol: string;
	readonly distributed: Day;
	readonly dated: Day;
	readonly sender: string;
}

/** A calendar day as the generator counts: days since 1 January 1990. */
type Day = number;

function dayToDate(day: Day): { year: number; month: number; day: number } {
	const date = new Date(Date.UTC(1990, 0, 1 + day));
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function weekday(day: Day): number {
	return new Date(Date.UTC(1990, 0, 1 + day)).getUTCDay();
}

function formatDay(day: Day): string {
	const date = dayToDate(day);
	return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

function capitalised(words: string): string {
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The GA session a day belongs to (sessions open in mid-September). */
function sessionOf(day: Day): number {
	const date = dayToDate(day);
	return date.year - 1945 - (date.month < 9 || (date.month === 9 && date.day < 14) ? 1 : 0);
}

/** Sentences of real letters without symbols or dates: the prose the generated letters are written in. */
function prosePool(): string[] {
	const texts = [...readSeedLetters(), ...readdirSync(REAL_DIR).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(join(REAL_DIR, name), 'utf8'))];
	const sentences = new Set<string>();
	for (const text of texts) {
		for (const sentence of text.replace(/\s+/g, ' ').split(/(?<=[.;])\s+(?=[A-Z])/)) {
			const clean = sentence.trim();
			if (clean.length >= 60 && clean.length <= 420 && /[.;]$/.test(clean) && !/[AS]\/\d|\d{4}|\d+\/\d+|click|paste|download|http|www\.|pdf|Distr|Agenda|Original|\(Signed\)|letter dated|circulated|annex|[¹²³⁴⁵⁶⁷⁸⁹⁰*_#<>|\\[\]]/i.test(clean) && /^[A-Z]/.test(clean)) {
				sentences.add(clean);
			}
		}
	}
	return [...sentences].sort();
}

/** The real letters of the golden corpus, mixed into the record as found. */
function realLetters(): { name: string; text: string }[] {
	return readdirSync(REAL_DIR).filter((name) => name.endsWith('.txt') || name.endsWith('.md')).sort().map((name) => ({ name, text: readFileSync(join(REAL_DIR, name), 'utf8') }));
}

class Writer {
	private readonly pool = prosePool();
	private readonly letters: RecordLetter[] = [];
	private readonly bySender = new Map<string, RecordLetter[]>();
	private readonly scNumber = new Map<number, number>();
	private readonly gaNumber = new Map<number, number>();

	constructor(private readonly random: () => number, private readonly lostMastheadRate = 0.12) {}

	private pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.random() * items.length)];
	}

	/** Zipf-like: the first senders write most. */
	private sender(): string {
		const rank = Math.floor(Math.pow(this.random(), 2.2) * STATES.length);
		return STATES[rank];
	}

	private paragraph(min: number, max: number): string {
		const sentences: string[] = [];
		const count = min + Math.floor(this.random() * (max - min + 1));
		for (let i = 0; i < count; i++) {
			sentences.push(this.pick(this.pool));
		}
		return sentences.join(' ');
	}

	/** A citation of an earlier letter of the record: mostly recent ones, its distribution date given most of the time. */
	private citation(before: number): { text: string; cited?: RecordLetter } {
		if (this.letters.length === 0) {
			return { text: `S/${1990 + Math.floor(this.random() * 30)}/${1 + Math.floor(this.random() * 900)}` };
		}
		const back = this.random() < 0.8 ? Math.floor(this.random() * Math.min(before, 3000)) : Math.floor(this.random() * before);
		const cited = this.letters[Math.max(0, before - 1 - back)];
		if (this.random() < 0.01) {
			// A symbol cited with a date one day off: the checker must say so when the letter is in the folder.
			return { text: `${cited.symbol} (${formatDay(cited.distributed + 1)})`, cited };
		}
		const dated = this.random() < 0.7 ? ` (${formatDay(cited.distributed)})` : '';
		const symbol = this.random() < 0.15 ? cited.symbol.split('-').pop() ?? cited.symbol : cited.symbol;
		return { text: `${symbol}${dated}`, cited };
	}

	/** A resolution adopted before the letter, as letters cite them. */
	private resolution(year: number): string {
		const adopted = RESOLUTIONS.filter((resolution) => resolution.year < year);
		return this.pick(adopted.length > 0 ? adopted : RESOLUTIONS).text;
	}

	/** One letter of the record, distributed on `day`. */
	letter(serial: number, day: Day): { path: string; text: string } {
		const date = dayToDate(day);
		const year = date.year;
		const session = sessionOf(day);
		const addressee = ADDRESSEES[weightedIndex(this.random, ADDRESSEES.map((item) => item.weight))];
		const organs = addressee.organs === 'both' ? this.pick(['GA', 'SC', 'both', 'both'] as const) : addressee.organs;
		const sc = organs !== 'GA' ? `S/${year}/${this.next(this.scNumber, year)}` : undefined;
		const ga = organs !== 'SC' ? `A/${session}/${this.next(this.gaNumber, session)}` : undefined;
		const symbol = [ga, sc].filter((part) => part !== undefined).join('-');
		const sender = this.sender();
		const dated = day - 1 - Math.floor(this.random() * 5);
		const kind = this.random() < 0.08 ? 'note-verbale' : addressee.title.includes(' and ') ? 'identical-letters' : 'letter';
		const markdown = year >= 2015 && this.random() < 0.2;
		const era = year < 2000 ? 'old' : year < 2012 ? 'middle' : 'modern';
		const items = ga ? this.agendaItems() : [];
		const header = this.header({ era, markdown, symbol, ga, sc, day, session, year, items, lostMasthead: this.random() < this.lostMastheadRate });
		const titleLine = kind === 'note-verbale'
			? `Note verbale dated ${formatDay(dated)} from the Permanent Mission of ${sender} to the United Nations addressed to ${addressee.title}`
			: `${kind === 'identical-letters' ? 'Identical letters' : 'Letter'} dated ${formatDay(dated)} from the Permanent Representative of ${sender} to the United Nations addressed to ${addressee.title}`;

		const body: string[] = [];
		const footnotes: string[] = [];
		const mark = (n: number) => (markdown ? `<sup>${n}</sup>` : superscript(n));
		if (kind === 'note-verbale') {
			body.push(`The Permanent Mission of ${sender} to the United Nations presents its compliments to ${addressee.title.replace(/^the /, 'the ')} and has the honour to transmit herewith ${lowerFirst(this.paragraph(1, 2))}`);
		} else {
			body.push(`I have the honour to refer to ${lowerFirst(this.paragraph(1, 1))}`);
		}
		const own = this.bySender.get(sender) ?? [];
		if (own.length > 0 && this.random() < 0.3) {
			const earlier = own[Math.max(0, own.length - 1 - Math.floor(this.random() * 4))];
			body.push(`Further to my letter dated ${formatDay(earlier.dated)}${this.random() < 0.6 ? ` (${earlier.symbol})` : ''}, ${lowerFirst(this.paragraph(1, 3))}`);
		}
		if (this.letters.length > 0 && this.random() < 0.15) {
			const answered = this.letters[Math.max(0, this.letters.length - 1 - Math.floor(this.random() * 200))];
			body.push(`In reply to the letter dated ${formatDay(answered.dated)} from the Permanent Representative of ${answered.sender} to the United Nations${this.random() < 0.5 ? ` (${answered.symbol})` : ''}, ${lowerFirst(this.paragraph(1, 2))}`);
		}
		const paragraphs = 2 + Math.floor(Math.pow(this.random(), 2) * 14);
		for (let i = 0; i < paragraphs; i++) {
			let text = this.paragraph(2, 6);
			if (this.random() < 0.35) {
				text += ` The Council recalls ${this.resolution(year)} and ${this.citation(this.letters.length).text}.`;
			}
			if (this.random() < 0.25) {
				const n = footnotes.length + 1;
				text += mark(n);
				const cites = Array.from({ length: 1 + Math.floor(this.random() * 4) }, () => this.citation(this.letters.length).text);
				footnotes.push(`${mark(n)} See ${cites.join(', ')}.`);
			}
			body.push(text);
		}
		if (this.random() < 0.02) {
			body.push(`On 0${1 + Math.floor(this.random() * 9)} ${this.pick(MONTHS)} ${year}, ${lowerFirst(this.paragraph(1, 1))}`);
		}
		if (this.random() < 0.01) {
			body.push(`${this.paragraph(1, 2)}${mark(footnotes.length + 7)}`);
		}
		const annexed = this.random() < 0.3;
		const closing = ga && sc
			? `I should be grateful if you would have the present letter${annexed ? ' and its annex' : ''} circulated as a document of the General Assembly, under agenda item${items.length === 1 ? '' : 's'} ${listed(items)}, and of the Security Council.`
			: ga ? `I should be grateful if you would have the present letter${annexed ? ' and its annex' : ''} circulated as a document of the General Assembly, under agenda item${items.length === 1 ? '' : 's'} ${listed(items)}.`
				: `I should be grateful if you would have the present letter${annexed ? ' and its annex' : ''} circulated as a document of the Security Council.`;
		body.push(closing);
		const signature = `(Signed) ${this.pick(NAMES)}\nAmbassador\nPermanent Representative`;
		const annex: string[] = [];
		if (annexed) {
			annex.push(`Annex to the ${kind === 'note-verbale' ? 'note verbale' : 'letter'} dated ${formatDay(dated)} from the Permanent Representative of ${sender} to the United Nations addressed to ${addressee.title}`);
			const length = 3 + Math.floor(Math.pow(this.random(), 3) * 60);
			for (let i = 0; i < length; i++) {
				annex.push(this.random() < 0.15 ? `${this.paragraph(2, 5)} See also ${this.citation(this.letters.length).text}.` : this.paragraph(2, 7));
			}
		}
		const job = `${String(year % 100).padStart(2, '0')}-${String(10000 + serial % 89999).padStart(5, '0')} (E)    ${String(date.day).padStart(2, '0')}${String(date.month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`;
		const pages = withPageFurniture([...body, signature, ...footnotes, ...annex], era === 'modern' && !markdown ? { job, symbol: symbol.replace('-', '\n') } : undefined, this.random);
		const titleText = markdown ? `## ${titleLine}` : titleLine;
		let text = `${header}\n\n${titleText}\n\n${pages}\n`;
		if (this.random() < 0.08) {
			text = text.replace(/\n/g, '\r\n');
		}
		if (this.random() < 0.03) {
			text = `\ufeff${text}`;
		}
		const record: RecordLetter = { serial, symbol, distributed: day, dated, sender };
		this.letters.push(record);
		own.push(record);
		this.bySender.set(sender, own);
		const stem = this.random() < 0.2 ? symbol.replace(/\//g, '_') : `${String(serial).padStart(6, '0')}_${(serial * 2654435761 >>> 0).toString(16).padStart(8, '0')}`;
		return { path: join(String(year), String(date.month).padStart(2, '0'), `${stem}.${markdown ? 'md' : 'txt'}`), text };
	}

	private next(counters: Map<number, number>, key: number): number {
		const value = (counters.get(key) ?? 0) + 1 + (this.random() < 0.3 ? Math.floor(this.random() * 3) : 0);
		counters.set(key, value);
		return value;
	}

	private agendaItems(): number[] {
		const count = this.random() < 0.6 ? 1 : 2 + Math.floor(this.random() * 4);
		const items = new Set<number>();
		while (items.size < count) {
			items.add(10 + Math.floor(this.random() * 150));
		}
		return [...items].sort((a, b) => a - b);
	}

	private header(h: { era: 'old' | 'middle' | 'modern'; markdown: boolean; symbol: string; ga?: string; sc?: string; day: Day; session: number; year: number; items: number[]; lostMasthead: boolean }): string {
		const distributed = formatDay(h.day);
		const sessionLine = `${capitalised(numberToOrdinal(h.session))} session`;
		const yearLine = `${capitalised(numberToOrdinal(h.year - 1945))} year`;
		const agenda = h.items.length === 0 ? '' : h.items.length === 1 ? `Agenda item ${h.items[0]}` : `Agenda items ${listed(h.items)}`;
		if (h.era === 'old') {
			const organs = [h.ga ? 'General Assembly' : undefined, h.sc ? 'Security Council' : undefined].filter(Boolean).join('\n');
			const symbols = h.lostMasthead ? '' : `${[h.ga, h.sc].filter(Boolean).join('\n')}\n`;
			const columns = h.ga && h.sc
				? `GENERAL ASSEMBLY                              SECURITY COUNCIL\n${sessionLine.padEnd(46)}${yearLine}\n${agenda}`
				: h.ga ? `GENERAL ASSEMBLY\n${sessionLine}\n${agenda}` : `SECURITY COUNCIL\n${yearLine}`;
			return `UNITED NATIONS\n\n${organs}\n\nDistr.\nGENERAL\n\n${symbols}${distributed}\n\nORIGINAL: ENGLISH\n\n\n${columns}`;
		}
		const masthead = h.lostMasthead ? 'United Nations' : `United Nations ${h.symbol.replace('-', h.markdown ? '-' : '–')}`;
		const organs = [h.ga ? 'General Assembly' : undefined, h.sc ? 'Security Council' : undefined].filter(Boolean).join('\n');
		const gaBlock = h.ga ? `General Assembly\n${sessionLine}\n${agenda}` : '';
		const scBlock = h.sc ? `Security Council\n${yearLine}` : '';
		if (h.markdown) {
			return `# ${masthead}\n\n**${organs.replace('\n', '** **')}**\n\nDistr.: General ${distributed}\n\nOriginal: English\n\n${[gaBlock, scBlock].filter(Boolean).join('\n\n')}`;
		}
		if (h.era === 'middle') {
			return `${masthead}\n\n${organs}\n\nDistr.: General\n${distributed}\n\nOriginal: English\n\n${[gaBlock, scBlock].filter(Boolean).join('\n\n')}`;
		}
		return `${masthead}\n\n${organs}\nDistr.: General\n${distributed}\n\nOriginal: English\n\n${[gaBlock, scBlock].filter(Boolean).join('\n')}`;
	}
}

function weightedIndex(random: () => number, weights: readonly number[]): number {
	let draw = random() * weights.reduce((sum, weight) => sum + weight, 0);
	for (let i = 0; i < weights.length; i++) {
		draw -= weights[i];
		if (draw < 0) {
			return i;
		}
	}
	return weights.length - 1;
}

function listed(items: readonly number[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const SUPERSCRIPTS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

function superscript(n: number): string {
	return String(n).split('').map((digit) => SUPERSCRIPTS[Number(digit)]).join('');
}

/** Joins paragraphs, with the page furniture of a PDF between pages (job number, barcode, running header, page number). */
function withPageFurniture(paragraphs: readonly string[], furniture: { job: string; symbol: string } | undefined, random: () => number): string {
	if (!furniture) {
		return paragraphs.join('\n\n');
	}
	let page = 2;
	let length = 0;
	const out: string[] = [];
	for (const paragraph of paragraphs) {
		out.push(paragraph);
		length += paragraph.length;
		if (length > 3500 && random() < 0.7) {
			out.push(page === 2 ? `${furniture.job}\n*${furniture.job.slice(0, 8).replace('-', '')}*` : `${page}/${page + 3}`, furniture.symbol);
			page++;
			length = 0;
		}
	}
	return out.join('\n\n');
}

/** What {@link generateRecord} wrote. */
export interface GeneratedRecord {
	readonly paths: string[];
	readonly bytes: number;
	readonly firstDay: string;
	readonly lastDay: string;
}

/**
 * Writes a record of `count` letters into `dir` (emptied first): about ten a working day up to 30 June 2025, in folders by
 * year and month; the real letters of test/fixtures/real are mixed in (each once, in a folder of their own).
 */
export function generateRecord(dir: string, count: number): GeneratedRecord {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const random = seededRandom(19940101 + count);
	const writer = new Writer(random);
	const paths: string[] = [];
	let bytes = 0;
	const real = realLetters();
	const own = count - Math.min(real.length, Math.floor(count / 20));
	// The record ends on 30 June 2025 and goes back as far as its count needs (about 7.4 letters a day, weekends included).
	let day = Math.round((Date.UTC(2025, 5, 30) - Date.UTC(1990, 0, 1)) / 86400000) - Math.round(own / 7.4);
	const firstDay = formatDay(day);
	for (let serial = 0; serial < own;) {
		const weekend = weekday(day) === 0 || weekday(day) === 6;
		const today = weekend ? Math.floor(random() * 3) : 4 + Math.floor(random() * 13);
		for (let i = 0; i < today && serial < own; i++, serial++) {
			const letter = writer.letter(serial, day);
			const path = join(dir, letter.path);
			mkdirSync(join(path, '..'), { recursive: true });
			writeFileSync(path, letter.text);
			paths.push(path);
			bytes += Buffer.byteLength(letter.text);
		}
		day++;
	}
	mkdirSync(join(dir, 'found'), { recursive: true });
	for (const letter of real.slice(0, count - own)) {
		const path = join(dir, 'found', letter.name);
		writeFileSync(path, letter.text);
		paths.push(path);
		bytes += Buffer.byteLength(letter.text);
	}
	return { paths, bytes, firstDay, lastDay: formatDay(day - 1) };
}

/**
 * The stress case beside the record: `count` letters distributed on one day (a day the Council receives hundreds of
 * identical letters), most without a masthead, citing each other with that date, so that identity inference weighs
 * every letter of the day against every other.
 */
export function generateOneDay(dir: string, count: number): GeneratedRecord {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const random = seededRandom(20201222 + count);
	const writer = new Writer(random, 0.7);
	const day = Math.round((Date.UTC(2020, 11, 22) - Date.UTC(1990, 0, 1)) / 86400000);
	const paths: string[] = [];
	let bytes = 0;
	// A few weeks before the day, so that its letters have earlier ones to cite and answer.
	for (let serial = 0; serial < count; serial++) {
		const letter = writer.letter(serial, serial < count / 4 ? day - 1 - (serial % 20) : day);
		const path = join(dir, letter.path);
		mkdirSync(join(path, '..'), { recursive: true });
		writeFileSync(path, letter.text);
		paths.push(path);
		bytes += Buffer.byteLength(letter.text);
	}
	return { paths, bytes, firstDay: formatDay(day - 20), lastDay: formatDay(day) };
}
