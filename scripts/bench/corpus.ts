import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small deterministic pseudo-random generator (mulberry32), so that every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'letters');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The five real letters, the shapes the corpus mixes. */
export function readSeedLetters(): string[] {
	return readdirSync(FIXTURES).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(FIXTURES, name), 'utf8'));
}

/**
 * Derives one letter from a seed letter: renumbers document symbols, moves days of dates, and, by chance, adds a
 * masthead symbol, page furniture (running headers, job numbers, page numbers) between paragraphs, CRLF line endings
 * or a byte-order mark, so that the corpus holds the shapes the parser must read.
 */
export function deriveLetter(seed: string, random: () => number, serial: number): string {
	let text = seed.replace(/\b(A\/\d{2}\/|S\/20\d\d\/)(\d{1,4})\b/g, (_, prefix: string) => `${prefix}${1 + Math.floor(random() * 1400)}`);
	text = text.replace(/\b([1-9]|[12]\d) (January|February|March|April|May|June|July|August|September|October|November|December) (20[12]\d)\b/g, (_, _day: string, month: string, year: string) => `${1 + Math.floor(random() * 28)} ${month} ${year}`);
	const symbol = `A/75/${100 + serial % 900}–S/2020/${200 + serial % 1000}`;
	if (random() < 0.4) {
		text = `United Nations ${symbol}\n\n${text}`;
	}
	if (random() < 0.5) {
		const job = `20-${String(10000 + serial % 89999).padStart(5, '0')} (E) 0${1 + Math.floor(random() * 9)}1120`;
		let page = 2;
		text = text.replace(/\n\n(?=[A-Z])/g, (match) => (random() < 0.08 ? `\n\n${job}\n*20${String(serial).padStart(5, '0')}*\n\n${symbol.replace('–', '\n')}\n\n${page++}/9\n\n` : match));
	}
	if (random() < 0.1) {
		text = text.replace(/\n/g, '\r\n');
	}
	if (random() < 0.05) {
		text = `\ufeff${text}`;
	}
	return text;
}

/**
 * A letter of about `targetBytes`: the header and title of a real letter, then body paragraphs and footnotes taken
 * from the real letters (renumbered) until the size is reached, then the closing request and signature.
 */
export function buildLongLetter(targetBytes: number): string {
	const seeds = readSeedLetters();
	const random = seededRandom(42);
	const base = seeds[0];
	const bodyStart = base.indexOf('I am writing');
	const closingStart = base.indexOf('I kindly request');
	const head = base.slice(0, bodyStart);
	const tail = base.slice(closingStart);
	const paragraphs = seeds.flatMap((seed) => seed.split(/\n\s*\n/)).filter((paragraph) => paragraph.length > 200 && !/Distr\.|Agenda item|circulated as/.test(paragraph));
	let body = '';
	let round = 0;
	while (Buffer.byteLength(head) + Buffer.byteLength(body) + Buffer.byteLength(tail) < targetBytes) {
		round++;
		const paragraph = deriveLetter(paragraphs[Math.floor(random() * paragraphs.length)], random, round);
		body += `${paragraph}\n\nThe Council recalled resolution 822 (1993) and document A/75/${100 + round}-S/2020/${300 + round} (${1 + (round % 28)} ${MONTHS[round % 12]} 2020).\n\n`;
	}
	return head + body + tail;
}

/** Writes `count` derived letters into `dir` (emptied first) and returns their paths. Deterministic for a given count. */
export function generateCorpus(dir: string, count: number): string[] {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const seeds = readSeedLetters();
	const random = seededRandom(20201103);
	const paths: string[] = [];
	for (let i = 0; i < count; i++) {
		const sub = join(dir, `batch-${String(Math.floor(i / 500)).padStart(2, '0')}`);
		if (i % 500 === 0) {
			mkdirSync(sub, { recursive: true });
		}
		const path = join(sub, `letter-${String(i).padStart(5, '0')}.${random() < 0.2 ? 'md' : 'txt'}`);
		writeFileSync(path, deriveLetter(seeds[i % seeds.length], random, i));
		paths.push(path);
	}
	return paths;
}

/**
 * The corpus of `count` letters in the system's temporary folder, shared by the server and views benches: generated
 * once, then reused by every later run for the same count (a marker file says it is complete). Returns its folder and
 * the letters' paths.
 */
export function sharedBenchCorpus(count: number): { readonly dir: string; readonly paths: string[] } {
	const dir = join(tmpdir(), `diplomatic-letters-server-bench-${count}`);
	const marker = join(dir, `corpus-${count}.done`);
	if (existsSync(marker)) {
		const paths = readdirSync(dir).filter((name) => name.startsWith('batch-')).sort()
			.flatMap((batch) => readdirSync(join(dir, batch)).sort().map((name) => join(dir, batch, name)));
		return { dir, paths };
	}
	console.log(`Generating ${count.toLocaleString('en')} letters in ${dir} …`);
	const paths = generateCorpus(dir, count);
	writeFileSync(marker, '');
	return { dir, paths };
}
