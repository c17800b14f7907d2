// The persistent index (`server/src/node/summaryStore.ts`): entries kept between runs by content hash and engine
// version, and every way a stored file can be wrong — corrupt, cut short, of another version, in a folder that cannot
// be written — discarded or refused with a log line, never a source of wrong results.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { serialize } from 'node:v8';
import fc from 'fast-check';
import { parseLetter } from '../../../server/src/engine/letter/parseLetter';
import { SUMMARY_FORMAT, summarizeLetter } from '../../../server/src/engine/workspace/letterSummary';
import { encodeStoredForm } from '../../../server/src/node/storedForm';
import { SymbolTable } from '../../../server/src/engine/workspace/symbolTable';
import type { FileStamp } from '../../../server/src/node/summaryStore';
import { fileStamp, indexFileFor, SETTLED_MS, settledStamp, SummaryStore, userCacheFolder } from '../../../server/src/node/summaryStore';
import { readFixtureLetter, referenceData } from '../helpers/fixtures';

const root = mkdtempSync(join(tmpdir(), 'dl-summary-store-'));
after(() => rmSync(root, { recursive: true, force: true }));

const summary = summarizeLetter(parseLetter(readFixtureLetter('004').text, referenceData), referenceData);
let files = 0;

/** A store file with one entry written by engine `v1`, and the lines logged while writing it. */
function written(): { file: string; logged: string[] } {
	const file = join(root, `store-${files++}`, 'check-x.index');
	const logged: string[] = [];
	const store = new SummaryStore(file, 'v1', (line) => logged.push(line));
	store.put('/letters/004.txt', 'hash-of-004', summary);
	store.save();
	return { file, logged };
}

describe('the persistent index', () => {
	it('gives back every entry stored, for the same path and content, after a restart', () => {
		const { file, logged } = written();
		const reopened = new SummaryStore(file, 'v1', (line) => logged.push(line));
		assert.equal(reopened.hashOf('/letters/004.txt'), 'hash-of-004');
		assert.deepEqual(reopened.get('hash-of-004'), summary);
		assert.deepEqual(logged, []);
	});

	it('keeps only the paths still present, and the entries they use', () => {
		const { file } = written();
		const store = new SummaryStore(file, 'v1', () => undefined);
		store.put('/letters/other.txt', 'hash-of-other', summary);
		store.save(new Set(['/letters/other.txt']));
		const reopened = new SummaryStore(file, 'v1', () => undefined);
		assert.equal(reopened.hashOf('/letters/004.txt'), undefined);
		assert.equal(reopened.get('hash-of-004'), undefined);
		assert.equal(reopened.hashOf('/letters/other.txt'), 'hash-of-other');
	});

	it('discards a corrupt file (a byte changed, cut short, not an index) with a log line', () => {
		const corruptions: [string, (bytes: Buffer) => Buffer][] = [
			['a byte changed', (bytes) => {
				const copy = Buffer.from(bytes);
				copy[copy.length - 40] ^= 0xff;
				return copy;
			}],
			['cut short', (bytes) => bytes.subarray(0, bytes.length - 100)],
			['not an index', () => Buffer.from('{"entries": []}')],
			['a broken header', (bytes) => Buffer.concat([Buffer.from('diplomatic-letters index\n{not json\n'), bytes.subarray(bytes.indexOf(10, 30) + 1)])],
		];
		for (const [what, corrupt] of corruptions) {
			const { file } = written();
			writeFileSync(file, corrupt(readFileSync(file)));
			const logged: string[] = [];
			const store = new SummaryStore(file, 'v1', (line) => logged.push(line));
			assert.equal(store.size, 0, what);
			assert.equal(store.get('hash-of-004'), undefined, what);
			assert.equal(logged.length, 1, what);
			assert.match(logged[0], /is discarded and the letters are read again/, what);
		}
	});

	it('discards a file of layout 4 with any one byte of its payload changed, or cut anywhere, with a log line', () => {
		const { file } = written();
		const bytes = readFileSync(file);
		const payloadAt = bytes.indexOf(10, 30) + 1;
		assert.equal(payloadAt % 8, 0, 'the header is padded so that the payload starts 8-aligned');
		fc.assert(fc.property(fc.integer({ min: payloadAt, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.integer({ min: 0, max: bytes.length - 1 }), (at, flip, cut) => {
			for (const corrupt of [(() => {
				const copy = Buffer.from(bytes);
				copy[at] ^= flip;
				return copy;
			})(), bytes.subarray(0, cut)]) {
				writeFileSync(file, corrupt);
				const logged: string[] = [];
				const store = new SummaryStore(file, 'v1', (line) => logged.push(line));
				assert.equal(store.size, 0);
				assert.equal(store.hashOf('/letters/004.txt'), undefined);
				assert.equal(logged.length, 1);
				assert.match(logged[0], /is discarded and the letters are read again/);
			}
		}), { numRuns: 60 });
	});

	it('reads the same off this thread (open), and discards a corrupt file there too, its checksum computed as it is read', async () => {
		const { file } = written();
		const opened = await SummaryStore.open(file, 'v1', () => undefined);
		assert.equal(opened.hashOf('/letters/004.txt'), 'hash-of-004');
		assert.deepEqual(opened.get('hash-of-004'), summary);
		const bytes = readFileSync(file);
		bytes[bytes.length - 7] ^= 1;
		writeFileSync(file, bytes);
		const logged: string[] = [];
		const corrupt = await SummaryStore.open(file, 'v1', (line) => logged.push(line));
		assert.equal(corrupt.size, 0);
		assert.match(logged.join('\n'), /is corrupt \(its content does not match its checksum\): it is discarded/);
		const missing: string[] = [];
		assert.equal((await SummaryStore.open(join(root, 'no-such-folder', 'x.index'), 'v1', (line) => missing.push(line))).size, 0);
		assert.deepEqual(missing, [], 'no index yet is not worth a line');
	});

	it('discards a file of the layout before (3: one v8-serialized record, SHA-256) with a log line', () => {
		const { file } = written();
		const payload = serialize({ paths: [['/letters/004.txt', 'hash-of-004']], hashes: ['hash-of-004'], entries: encodeStoredForm([summary]) });
		const header = { format: SUMMARY_FORMAT, layout: 3, engine: 'v1', bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex') };
		writeFileSync(file, Buffer.concat([Buffer.from(`diplomatic-letters index\n${JSON.stringify(header)}\n`), payload]));
		const logged: string[] = [];
		const store = new SummaryStore(file, 'v1', (line) => logged.push(line));
		assert.equal(store.size, 0);
		assert.equal(store.hashOf('/letters/004.txt'), undefined);
		assert.deepEqual(logged, [`The stored index ${file} was made by another version of Diplomatic Letters: it is discarded and the letters are read again.`]);
	});

	it('discards a file made by another engine version', () => {
		const { file } = written();
		const logged: string[] = [];
		const store = new SummaryStore(file, 'v2', (line) => logged.push(line));
		assert.equal(store.get('hash-of-004'), undefined);
		assert.match(logged.join('\n'), /made by another version of Diplomatic Letters/);
	});

	it('logs once, and goes on, when its folder cannot be written (a file stands where the folder should be)', () => {
		const blocker = join(root, 'a-file');
		writeFileSync(blocker, 'not a folder');
		const logged: string[] = [];
		const store = new SummaryStore(join(blocker, 'cache', 'check-x.index'), 'v1', (line) => logged.push(line));
		store.put('/letters/004.txt', 'hash-of-004', summary);
		store.save();
		store.put('/letters/005.txt', 'hash-of-005', summary);
		store.save();
		assert.equal(logged.length, 1);
		assert.match(logged[0], /cannot be stored in .*a-file\/cache/);
		assert.equal(store.get('hash-of-004'), summary, 'the entries are still used in this run');
	});

	it('is never kept inside the folders it indexes, and follows XDG_CACHE_HOME and each platform', () => {
		assert.equal(indexFileFor('/home/me/letters/.cache', 'check', ['/home/me/letters']), undefined);
		assert.match(indexFileFor('/home/me/.cache/diplomatic-letters', 'check', ['/home/me/letters']) ?? '', /^\/home\/me\/\.cache\/diplomatic-letters\/check-[\w-]{16}\.index$/);
		assert.notEqual(indexFileFor('/c', 'check', ['/a']), indexFileFor('/c', 'check', ['/b']));
		assert.equal(userCacheFolder({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/me'), '/xdg/diplomatic-letters');
		assert.equal(userCacheFolder({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/me'), '/home/me/.cache/diplomatic-letters');
		assert.equal(userCacheFolder({}, 'darwin', '/Users/me'), '/Users/me/Library/Caches/diplomatic-letters');
		assert.match(userCacheFolder({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32', 'C:\\Users\\me'), /diplomatic-letters/);
	});

	it('keeps a settled stamp beside each path, and knows a file by it only while every part of it is the same', () => {
		const file = join(root, `store-${files++}`, 'check-x.index');
		const stamp: FileStamp = { size: 4120, mtimeMs: 1_700_000_000_123.456, ctimeMs: 1_700_000_000_789.25, ino: 918_273 };
		const store = new SummaryStore(file, 'v1', () => undefined);
		store.put('/letters/004.txt', 'hash-of-004', summary, stamp);
		store.put('/letters/005.txt', 'hash-of-005', summary);
		store.save();
		const reopened = new SummaryStore(file, 'v1', () => undefined);
		assert.equal(reopened.unchanged('/letters/004.txt', { ...stamp }), 'hash-of-004');
		for (const changed of [{ size: 4121 }, { mtimeMs: stamp.mtimeMs + 0.001 }, { ctimeMs: stamp.ctimeMs + 1 }, { ino: 918_274 }]) {
			assert.equal(reopened.unchanged('/letters/004.txt', { ...stamp, ...changed }), undefined, JSON.stringify(changed));
		}
		assert.equal(reopened.unchanged('/letters/005.txt', stamp), undefined, 'stored without a stamp: read to know');
		assert.equal(reopened.hashOf('/letters/005.txt'), 'hash-of-005');
		assert.equal(reopened.unchanged('/letters/other.txt', stamp), undefined);
	});

	it('answers after a restart and k paths put, changed or forgotten as a store that was given the final paths at once (property)', () => {
		const stampOf = (n: number): FileStamp => ({ size: n, mtimeMs: 1_700_000_000_000 + n / 8, ctimeMs: 1_700_000_000_500 + n, ino: 1000 + n });
		const path = fc.integer({ min: 0, max: 11 }).map((n) => `/letters/${n}.txt`);
		const change = fc.oneof(
			fc.record({ path, hash: fc.integer({ min: 0, max: 5 }).map((n) => `hash-${n}`), stamp: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }),
			fc.record({ path, forget: fc.constant(true) }),
		);
		fc.assert(fc.property(fc.array(change, { maxLength: 12 }), fc.array(change, { maxLength: 8 }), (first, then) => {
			const file = join(root, `store-${files++}`, 'server-x.index');
			const model = new Map<string, { hash: string; stamp?: FileStamp }>();
			const apply = (store: SummaryStore, changes: typeof first) => {
				for (const item of changes) {
					if ('forget' in item) {
						store.forget(item.path);
						model.delete(item.path);
					} else {
						const stamp = item.stamp === undefined ? undefined : stampOf(item.stamp);
						store.put(item.path, item.hash, summary, stamp);
						model.set(item.path, { hash: item.hash, stamp });
					}
				}
			};
			const agrees = (store: SummaryStore) => {
				for (let n = 0; n < 12; n++) {
					const held = model.get(`/letters/${n}.txt`);
					assert.equal(store.hashOf(`/letters/${n}.txt`), held?.hash);
					for (let s = 0; s < 4; s++) {
						assert.equal(store.unchanged(`/letters/${n}.txt`, stampOf(s)), held?.stamp?.size === s ? held.hash : undefined);
					}
				}
			};
			const store = new SummaryStore(file, 'v1', () => undefined);
			apply(store, first);
			store.save();
			const restarted = new SummaryStore(file, 'v1', () => undefined);
			agrees(restarted);
			apply(restarted, then);
			agrees(restarted);
			restarted.save();
			agrees(new SummaryStore(file, 'v1', () => undefined));
		}), { numRuns: 80 });
	});

	it('forgets the stamp of a path read again without a settled one', () => {
		const file = join(root, `store-${files++}`, 'check-x.index');
		const stamp: FileStamp = { size: 10, mtimeMs: 1_000, ctimeMs: 1_000, ino: 1 };
		const store = new SummaryStore(file, 'v1', () => undefined);
		store.put('/letters/004.txt', 'hash-of-004', summary, stamp);
		store.save();
		const reopened = new SummaryStore(file, 'v1', () => undefined);
		reopened.put('/letters/004.txt', 'hash-of-004', summary);
		reopened.save();
		assert.equal(new SummaryStore(file, 'v1', () => undefined).unchanged('/letters/004.txt', stamp), undefined);
	});

	it('trusts a stamp only when the file was left alone for the settling time before it was looked at (git\'s racy clean case)', () => {
		const at = 1_700_000_000_000;
		const stamp = (mtimeMs: number, ctimeMs: number): FileStamp => ({ size: 1, mtimeMs, ctimeMs, ino: 1 });
		assert.deepEqual(settledStamp(stamp(at - SETTLED_MS - 1, at - SETTLED_MS - 1), at), stamp(at - SETTLED_MS - 1, at - SETTLED_MS - 1));
		assert.equal(settledStamp(stamp(at - 60_000, at - 10), at), undefined, 'changed just before it was read, its modification time put back');
		assert.equal(settledStamp(stamp(at - 10, at - 60_000), at), undefined);
		assert.equal(settledStamp(stamp(at + 60_000, at - 60_000), at), undefined, 'a modification time in the future');
		assert.equal(settledStamp(undefined, at), undefined);
	});

	it('stamps regular files (a symbolic link by its target), nothing else', () => {
		const folder = join(root, `stamps-${files++}`);
		mkdirSync(folder);
		writeFileSync(join(folder, 'a.txt'), 'four');
		symlinkSync(join(folder, 'a.txt'), join(folder, 'link.txt'));
		const stamp = fileStamp(join(folder, 'a.txt'));
		assert.equal(stamp?.size, 4);
		assert.deepEqual(fileStamp(join(folder, 'link.txt')), stamp);
		assert.equal(fileStamp(folder), undefined);
		assert.equal(fileStamp(join(folder, 'missing.txt')), undefined);
	});
});

describe('the persistent index written in slices', () => {
	/** A store of `count` paths (one entry each), and a pause that counts its calls and runs `during` at the given one. */
	function storeOf(count: number, during?: { at: number; run: (store: SummaryStore) => void }) {
		const file = join(root, `sliced-${files++}`, 'server-x.index');
		const logged: string[] = [];
		const store = new SummaryStore(file, 'v1', (line) => logged.push(line));
		for (let i = 0; i < count; i++) {
			store.put(`/letters/${i}.txt`, `hash-${i}`, summary);
		}
		let pauses = 0;
		const pause = async () => {
			pauses++;
			if (pauses === during?.at) {
				during.run(store);
			}
			await new Promise((resolve) => setImmediate(resolve));
		};
		return { file, logged, store, pause, pauses: () => pauses };
	}

	it('gives back what a write at once gives back', async () => {
		const sliced = storeOf(300);
		await sliced.store.saveInSlices(undefined, sliced.pause);
		const whole = storeOf(300);
		whole.store.save();
		const [a, b] = [new SummaryStore(sliced.file, 'v1', () => undefined), new SummaryStore(whole.file, 'v1', () => undefined)];
		assert.equal(a.size, 300);
		for (let i = 0; i < 300; i++) {
			assert.equal(a.hashOf(`/letters/${i}.txt`), `hash-${i}`);
			assert.deepEqual(a.get(`hash-${i}`), b.get(`hash-${i}`));
		}
		assert.deepEqual(a.get('hash-7'), summary);
		assert.deepEqual(sliced.logged, []);
	});

	it('loses no change made while it writes: a path put or forgotten between two slices is in the file when it resolves', async () => {
		const { file, store, pause, pauses } = storeOf(3000, {
			at: 3,
			run: (held) => {
				held.put('/letters/late.txt', 'hash-late', summary);
				held.forget('/letters/0.txt');
			},
		});
		await store.saveInSlices(undefined, pause);
		assert.ok(pauses() > 3, `the write paused between its slices (${pauses()} pauses)`);
		const reopened = new SummaryStore(file, 'v1', () => undefined);
		assert.equal(reopened.hashOf('/letters/late.txt'), 'hash-late');
		assert.deepEqual(reopened.get('hash-late'), summary);
		assert.equal(reopened.hashOf('/letters/0.txt'), undefined);
		assert.equal(reopened.get('hash-0'), undefined);
		assert.equal(reopened.hashOf('/letters/2999.txt'), 'hash-2999');
	});

	it('joins a write under way when asked again, and keeps only the paths still present', async () => {
		const { file, store, pause } = storeOf(500);
		const first = store.saveInSlices(undefined, pause);
		const second = store.saveInSlices(new Set(['/letters/1.txt', '/letters/2.txt']), pause);
		await Promise.all([first, second]);
		await store.settled();
		const reopened = new SummaryStore(file, 'v1', () => undefined);
		assert.equal(reopened.size, 2);
		assert.equal(reopened.hashOf('/letters/1.txt'), 'hash-1');
		assert.equal(reopened.hashOf('/letters/3.txt'), undefined);
	});

	it('keeps a symbol held by two entries one object once read', async () => {
		const symbols = new SymbolTable();
		const first = symbols.internSummary(summarizeLetter(parseLetter(readFixtureLetter('004').text, referenceData), referenceData));
		const second = symbols.internSummary(summarizeLetter(parseLetter(readFixtureLetter('004').text, referenceData), referenceData));
		const file = join(root, `sliced-${files++}`, 'server-x.index');
		const store = new SummaryStore(file, 'v1', () => undefined);
		store.put('/letters/a.txt', 'hash-a', first);
		store.put('/letters/b.txt', 'hash-b', second);
		await store.saveInSlices(undefined, () => Promise.resolve());
		const reopened = new SummaryStore(file, 'v1', () => undefined);
		const [a, b] = [reopened.get('hash-a'), reopened.get('hash-b')];
		assert.ok(a?.citations.length && b, 'letter 004 cites symbols');
		assert.deepEqual(a, first);
		assert.equal(a.citations[0].symbol, b.citations[0].symbol);
	});

	it('logs once, and resolves, when its folder cannot be written', async () => {
		const blocker = join(root, 'another-file');
		writeFileSync(blocker, 'not a folder');
		const logged: string[] = [];
		const store = new SummaryStore(join(blocker, 'cache', 'server-x.index'), 'v1', (line) => logged.push(line));
		store.put('/letters/004.txt', 'hash-of-004', summary);
		await store.saveInSlices(undefined, () => Promise.resolve());
		store.put('/letters/005.txt', 'hash-of-005', summary);
		await store.saveInSlices(undefined, () => Promise.resolve());
		assert.equal(logged.length, 1);
		assert.match(logged[0], /cannot be stored in .*another-file\/cache/);
		assert.equal(store.get('hash-of-004'), summary);
	});
});
