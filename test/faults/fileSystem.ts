// Faults of the file system: a full disk, files that are not files (named pipes, sockets, devices, folders), files
// that are not UTF-8, files the server may not read or write, symbolic links. Each is reported with a message, the
// program goes on, and the file is left exactly as it was.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import type { DocumentAnnotationsResult } from '../../server/src/protocol';
import { DocumentAnnotationsRequest, StoreIdentityCommand } from '../../server/src/protocol';
import type { FixtureFolder, ServerSession } from '../protocol/serverHarness';
import { messageOf, uriOf } from '../protocol/serverHarness';
import type { FaultCategory, Trial } from './harness';
import { assertAnswers, assertCleanEnd, assertNoLeftovers, assertUnchanged, cli, create, L000, L001, PHRASES, sidecarOf, snapshot, validSidecarOf000, withServerOn, workspace } from './harness';

const NOBODY = { uid: 65534, gid: 65534 };
const isRoot = process.getuid?.() === 0;

/** Lists a letter's annotations (a letter that is not open is read from disk). */
function list(server: ServerSession, path: string): Promise<DocumentAnnotationsResult> {
	return server.connection.sendRequest<DocumentAnnotationsResult>(DocumentAnnotationsRequest.method, { textDocument: { uri: uriOf(path) } });
}

/** A workspace with a sidecar for letter 000 whose bytes are `bytes` (or made by `make`), and the case run on it. */
async function onSidecar(bytes: Buffer | ((path: string) => void), body: (folder: FixtureFolder, sidecar: string) => Promise<void>): Promise<void> {
	const folder = workspace();
	try {
		const sidecar = sidecarOf(folder, L000);
		if (typeof bytes === 'function') {
			bytes(sidecar);
		} else {
			writeFileSync(sidecar, bytes);
		}
		await body(folder, sidecar);
	} finally {
		chmodSync(folder.path, 0o700);
		folder.dispose();
	}
}

/** The server, on a letter whose sidecar cannot be used: it says why, refuses to write, keeps the file, answers on. */
async function serverRefuses(folder: FixtureFolder, sidecar: string, reason: RegExp, options: { user?: typeof NOBODY; state?: string; refusal?: RegExp } = {}): Promise<void> {
	const before = lstatSync(sidecar).isFile() ? snapshot(folder.path) : new Map<string, Buffer>();
	await withServerOn(folder, async (server) => {
		await server.ready();
		const path = folder.file(L000);
		await server.open(path);
		await server.fileEvents([{ path: sidecar, type: FileChangeType.Changed }]);
		const listed = await list(server, path);
		assert.equal(listed.sidecarState, options.state ?? 'unreadable');
		const refused = await create(server, path, PHRASES[0]);
		assert.equal(refused.ok, false);
		assert.match(refused.ok ? '' : refused.message, options.refusal ?? reason);
		const reported = await server.waitFor('sidecar-invalid on the letter', () => server.published.get(uriOf(path))?.diagnostics.find((diagnostic) => diagnostic.code === 'sidecar-invalid'));
		assert.match(messageOf(reported), reason);
		await assertAnswers(server, folder);
	}, options.user === undefined ? {} : { user: options.user });
	assertUnchanged(before);
}

/** A tmpfs of a few hundred KB mounted for the case, holding a workspace, filled to the last byte. */
async function onFullDisk(trial: Trial, name: string, body: (folder: FixtureFolder) => Promise<void>, sidecar: (folder: FixtureFolder) => string = validSidecarOf000): Promise<void> {
	await trial(name, async () => {
		const mount = mkdtempSync(join(tmpdir(), 'dl-full-'));
		const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=640k', 'tmpfs', mount], { encoding: 'utf8' });
		assert.equal(mounted.status, 0, `a small tmpfs must be mountable to fill a disk for real (run as root): ${mounted.stderr}`);
		try {
			const folder = workspace(mount);
			writeFileSync(sidecarOf(folder, L000), sidecar(folder));
			let filler = 0;
			try {
				for (;; filler++) {
					writeFileSync(join(mount, `filler-${filler}`), Buffer.alloc(filler < 100 ? 16384 : 512, 120));
				}
			} catch (error) {
				assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
			}
			await body(folder);
			assertNoLeftovers(folder.path);
		} finally {
			spawnSync('umount', ['-l', mount]);
			rmSync(mount, { recursive: true, force: true });
		}
	});
}

export const fullDisk: FaultCategory = {
	name: 'disk full',
	async run(trial) {
		await onFullDisk(trial, 'the server is asked to annotate on a full disk: refused, the sidecar unchanged', async (folder) => {
			const before = snapshot(folder.path);
			await withServerOn(folder, async (server) => {
				await server.ready();
				await server.open(folder.file(L000));
				const refused = await create(server, folder.file(L000), PHRASES[1]);
				assert.match(refused.ok ? '' : refused.message, /the disk is full\. Nothing was changed/);
				await assertAnswers(server, folder);
			});
			assertUnchanged(before);
		});
		await onFullDisk(trial, 'the first annotation of a letter on a full disk: refused, no sidecar left behind', async (folder) => {
			await withServerOn(folder, async (server) => {
				await server.ready();
				await server.open(folder.file(L001));
				const refused = await create(server, folder.file(L001), 'Barda');
				assert.match(refused.ok ? '' : refused.message, /the disk is full/);
				assert.throws(() => lstatSync(sidecarOf(folder, L001)));
			});
		});
		await onFullDisk(trial, 'storing an identity on a full disk: refused with the reason', async (folder) => {
			await withServerOn(folder, async (server) => {
				await server.ready();
				const answer = await server.connection.sendRequest('workspace/executeCommand', { command: StoreIdentityCommand.id, arguments: [uriOf(folder.file(L001)), 'A/75/660-S/2020/1267'] }).then(() => 'ok', (error: Error) => error.message);
				assert.match(answer, /the disk is full/);
				assert.throws(() => lstatSync(sidecarOf(folder, L001)));
			});
		});
		await onFullDisk(trial, 'annotations reanchor --write on a full disk: exit 1 with the reason, the sidecar unchanged', async (folder) => {
			const before = snapshot(folder.path);
			const run = await cli(folder.path, ['annotations', 'reanchor', '.', '--write']);
			assertCleanEnd(run, [1]);
			assert.match(run.stderr, /the disk is full/);
			assertUnchanged(before);
		}, (folder) => validSidecarOf000(folder).replace(/start: \d+/, 'start: 1').replace(/end: \d+/, 'end: 29'));
		await onFullDisk(trial, 'annotations export --out on a full disk: exit 2 with the reason, no stack trace', async (folder) => {
			const run = await cli(folder.path, ['annotations', 'export', '.', '--format', 'w3c', '--out', 'out.jsonld']);
			assertCleanEnd(run, [2]);
			assert.match(run.stderr, /the disk is full/);
		});
	},
};

export const specialFiles: FaultCategory = {
	name: 'files that are not files',
	async run(trial) {
		const fifo = (path: string) => assert.equal(spawnSync('mkfifo', [path]).status, 0);
		await trial('a named pipe named like a sidecar: the server says so and never waits on it', () => onSidecar(fifo, async (folder, sidecar) => {
			await serverRefuses(folder, sidecar, /is a named pipe, not a file/);
			assert.ok(statSync(sidecar).isFIFO());
		}));
		for (const args of [['check', '.'], ['annotations', 'reanchor', '.', '--write'], ['annotations', 'export', '.', '--format', 'csv'], ['annotations', 'relink', '.']]) {
			await trial(`a named pipe named like a sidecar: ${args.join(' ')} ends at once`, () => onSidecar(fifo, async (folder) => {
				const run = await cli(folder.path, args, 20_000);
				assertCleanEnd(run);
			}));
		}
		await trial('a named pipe named like a letter in the folder: indexing and check are not held up', async () => {
			const folder = workspace();
			try {
				fifo(folder.file('pipe.txt'));
				await withServerOn(folder, async (server) => {
					assert.equal((await server.ready()).letters, 5);
					await assertAnswers(server, folder);
				});
				assertCleanEnd(await cli(folder.path, ['check', '.'], 20_000), [0, 1]);
				const named = await cli(folder.path, ['check', 'pipe.txt'], 20_000);
				assertCleanEnd(named, [2]);
				assert.match(named.stderr, /pipe\.txt: not a file or a folder/);
			} finally {
				folder.dispose();
			}
		});
		await trial('a folder named like a sidecar: reported, and the server goes on', () => onSidecar((path) => mkdirSync(path), async (folder, sidecar) => {
			await serverRefuses(folder, sidecar, /is a folder, not a file/);
		}));
		await trial('a socket named like a sidecar: reported as a socket', async () => {
			// Sockets have a short path limit: this workspace lives in a short temporary folder.
			const socketServer = createServer();
			await onSidecar((path) => {
				void path;
			}, async (folder, sidecar) => {
				await new Promise<void>((resolve) => socketServer.listen(sidecar, resolve));
				try {
					await serverRefuses(folder, sidecar, /is a socket, not a file/);
				} finally {
					await new Promise((resolve) => socketServer.close(resolve));
				}
			});
		});
		await trial('a link to /dev/zero named like a sidecar: reported as a device, never read', () => onSidecar((path) => symlinkSync('/dev/zero', path), async (folder, sidecar) => {
			// The link leads out of the workspace, so a write is refused for that first; the diagnostic names the device.
			await serverRefuses(folder, sidecar, /is a device, not a file/, { refusal: /outside the workspace folders/ });
		}));
		await trial('a link to /dev/urandom named as a letter to check: refused at once', async () => {
			const folder = workspace();
			try {
				symlinkSync('/dev/urandom', folder.file('random.txt'));
				const run = await cli(folder.path, ['check', 'random.txt'], 20_000);
				assertCleanEnd(run, [2]);
			} finally {
				folder.dispose();
			}
		});
		await trial('a letter deleted while it is open: annotating it is refused, nothing is written', async () => {
			const folder = workspace();
			try {
				await withServerOn(folder, async (server) => {
					await server.ready();
					const path = folder.file(L001);
					await server.open(path);
					const text = readFileSync(path, 'utf8');
					unlinkSync(path);
					const refused = await create(server, path, 'Barda', ['x'], text);
					assert.match(refused.ok ? '' : refused.message, /is not a file on disk/);
					assert.throws(() => lstatSync(`${path}.annotations.yaml`));
				});
			} finally {
				folder.dispose();
			}
		});
	},
};

export const encodings: FaultCategory = {
	name: 'not UTF-8',
	async run(trial) {
		const latin1 = (folder: FixtureFolder) => Buffer.from(validSidecarOf000(folder).replace('tags: [fault]', 'tags: [fault]\n    note: Fran\u00e7ais'), 'latin1');
		await trial('a Latin-1 sidecar: the server says it is not UTF-8 and keeps it byte for byte', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), latin1(folder));
				await serverRefuses(folder, sidecarOf(folder, L000), /is not valid UTF-8 text/);
			} finally {
				folder.dispose();
			}
		});
		for (const args of [['annotations', 'reanchor', '.', '--write'], ['check', '.'], ['annotations', 'export', '.', '--format', 'w3c']]) {
			await trial(`a Latin-1 sidecar: ${args.join(' ')} reports it and keeps it byte for byte`, async () => {
				const folder = workspace();
				try {
					writeFileSync(sidecarOf(folder, L000), latin1(folder));
					const before = snapshot(folder.path);
					const run = await cli(folder.path, args);
					assertCleanEnd(run, [1]);
					assert.match(`${run.stdout}${run.stderr}`, /is not valid UTF-8 text/);
					assertUnchanged(before);
				} finally {
					folder.dispose();
				}
			});
		}
		const utf16 = (folder: FixtureFolder) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(validSidecarOf000(folder), 'utf16le')]);
		await trial('a UTF-16 sidecar: named UTF-16, kept byte for byte', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), utf16(folder));
				await serverRefuses(folder, sidecarOf(folder, L000), /is UTF-16 text, not UTF-8/);
			} finally {
				folder.dispose();
			}
		});
		await trial('a UTF-16 letter: check names it UTF-16, not binary', async () => {
			const folder = workspace();
			try {
				writeFileSync(folder.file('utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(folder.file(L000), 'utf8'), 'utf16le')]));
				const run = await cli(folder.path, ['check', 'utf16.txt']);
				assertCleanEnd(run, [2]);
				assert.match(run.stderr, /utf16\.txt is UTF-16 text, not UTF-8; save it as UTF-8 text/);
				assert.doesNotMatch(run.stderr, /binary/);
				const inFolder = await cli(folder.path, ['check', '.']);
				assert.match(inFolder.stderr, /skipped utf16\.txt: it is UTF-16 text/);
			} finally {
				folder.dispose();
			}
		});
		for (const [name, make] of [
			['NUL bytes', (text: string) => Buffer.from(text.replace('version: 1', 'version: 1\u0000'), 'utf8')],
			['an invalid byte in the middle', (text: string) => Buffer.concat([Buffer.from(text.slice(0, 40), 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(40), 'utf8')])],
			['an encoded surrogate (CESU-8)', (text: string) => Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from('# ', 'utf8'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n', 'utf8')])],
			['an overlong encoding', (text: string) => Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from('# ', 'utf8'), Buffer.from([0xc0, 0xaf]), Buffer.from('\n', 'utf8')])],
		] as const) {
			await trial(`a sidecar with ${name}: refused and kept byte for byte`, async () => {
				const folder = workspace();
				try {
					writeFileSync(sidecarOf(folder, L000), make(validSidecarOf000(folder)));
					await serverRefuses(folder, sidecarOf(folder, L000), /is (?:not valid UTF-8 text|a binary file)/);
				} finally {
					folder.dispose();
				}
			});
		}
		for (const [name, transform, check] of [
			['a UTF-8 byte-order mark', (text: string) => `\uFEFF${text}`, (bytes: Buffer) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf],
			['Windows line ends', (text: string) => text.replace(/\n/g, '\r\n'), (bytes: Buffer) => !/[^\r]\n/.test(bytes.toString('utf8'))],
		] as const) {
			await trial(`a sidecar with ${name}: the server writes it and keeps it so`, async () => {
				const folder = workspace();
				try {
					writeFileSync(sidecarOf(folder, L000), transform(validSidecarOf000(folder)));
					await withServerOn(folder, async (server) => {
						await server.ready();
						await server.open(folder.file(L000));
						const created = await create(server, folder.file(L000), PHRASES[1]);
						assert.ok(created.ok, created.ok ? '' : created.message);
					});
					const bytes = readFileSync(sidecarOf(folder, L000));
					assert.ok(check(bytes), `${name} kept`);
					assert.match(bytes.toString('utf8'), /id: kept01/);
				} finally {
					folder.dispose();
				}
			});
		}
	},
};

export const permissions: FaultCategory = {
	name: 'permissions',
	async run(trial) {
		const shared = (folder: FixtureFolder, folderMode: number) => {
			chmodSync(folder.path, folderMode);
			for (const name of readdirSync(folder.path)) {
				chmodSync(join(folder.path, name), 0o644);
			}
		};
		await trial('a read-only sidecar: refused with a message, never overwritten (even by root)', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), validSidecarOf000(folder));
				chmodSync(sidecarOf(folder, L000), 0o444);
				const before = snapshot(folder.path);
				await withServerOn(folder, async (server) => {
					await server.ready();
					await server.open(folder.file(L000));
					const refused = await create(server, folder.file(L000), PHRASES[1]);
					assert.match(refused.ok ? '' : refused.message, /is read-only, so it was not changed/);
				});
				assertUnchanged(before);
			} finally {
				folder.dispose();
			}
		});
		await trial('annotations reanchor --write on a read-only sidecar: exit 1, unchanged', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), validSidecarOf000(folder).replace(/start: \d+/, 'start: 1').replace(/end: \d+/, 'end: 29'));
				chmodSync(sidecarOf(folder, L000), 0o444);
				const before = snapshot(folder.path);
				const run = await cli(folder.path, ['annotations', 'reanchor', '.', '--write']);
				assertCleanEnd(run, [1]);
				assert.match(run.stderr, /is read-only/);
				assertUnchanged(before);
			} finally {
				folder.dispose();
			}
		});
		if (!isRoot) {
			return;
		}
		await trial('a sidecar owned by root (after sudo git pull), the server run by a user: refused, unchanged, alive', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), validSidecarOf000(folder));
				shared(folder, 0o777);
				const before = snapshot(folder.path);
				await withServerOn(folder, async (server) => {
					await server.ready();
					await server.open(folder.file(L000));
					const refused = await create(server, folder.file(L000), PHRASES[1]);
					assert.match(refused.ok ? '' : refused.message, /cannot be written: permission denied/);
					await assertAnswers(server, folder);
				}, { user: NOBODY });
				assertUnchanged(before);
			} finally {
				folder.dispose();
			}
		});
		await trial('a sidecar the server may not read, named in a file event: reported, and the server goes on', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), validSidecarOf000(folder));
				shared(folder, 0o777);
				chmodSync(sidecarOf(folder, L000), 0o000);
				await serverRefuses(folder, sidecarOf(folder, L000), /cannot be read: permission denied/, { user: NOBODY });
			} finally {
				folder.dispose();
			}
		});
		await trial('a folder the server may not write: the first annotation is refused, no file appears', async () => {
			const folder = workspace();
			try {
				shared(folder, 0o755);
				await withServerOn(folder, async (server) => {
					await server.ready();
					await server.open(folder.file(L001));
					const refused = await create(server, folder.file(L001), 'Barda');
					assert.match(refused.ok ? '' : refused.message, /is not writable/);
					assert.throws(() => lstatSync(sidecarOf(folder, L001)));
				}, { user: NOBODY });
			} finally {
				folder.dispose();
			}
		});
		await trial('annotations reanchor --write by a user on a root-owned sidecar: exit 1, unchanged', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), validSidecarOf000(folder).replace(/start: \d+/, 'start: 1').replace(/end: \d+/, 'end: 29'));
				shared(folder, 0o777);
				const before = snapshot(folder.path);
				const run = await cli(folder.path, ['annotations', 'reanchor', '.', '--write'], 60_000, NOBODY);
				assertCleanEnd(run, [1]);
				assert.match(run.stderr, /permission denied/);
				assertUnchanged(before);
			} finally {
				folder.dispose();
			}
		});
		await trial('a sidecar written by root for a user keeps its owner', async () => {
			const folder = workspace();
			try {
				writeFileSync(sidecarOf(folder, L000), validSidecarOf000(folder));
				chownSync(sidecarOf(folder, L000), NOBODY.uid, NOBODY.gid);
				await withServerOn(folder, async (server) => {
					await server.ready();
					await server.open(folder.file(L000));
					assert.ok((await create(server, folder.file(L000), PHRASES[1])).ok);
				});
				assert.deepEqual([statSync(sidecarOf(folder, L000)).uid, statSync(sidecarOf(folder, L000)).gid], [NOBODY.uid, NOBODY.gid]);
			} finally {
				folder.dispose();
			}
		});
	},
};

export const symlinks: FaultCategory = {
	name: 'symbolic links',
	async run(trial) {
		await trial('a sidecar that is a link: written through, the link kept', async () => {
			const folder = workspace();
			try {
				mkdirSync(folder.file('kept'));
				writeFileSync(folder.file('kept/real.yaml'), validSidecarOf000(folder));
				symlinkSync('kept/real.yaml', sidecarOf(folder, L000));
				await withServerOn(folder, async (server) => {
					await server.ready();
					await server.open(folder.file(L000));
					assert.ok((await create(server, folder.file(L000), PHRASES[1])).ok);
				});
				assert.ok(lstatSync(sidecarOf(folder, L000)).isSymbolicLink());
				assert.match(readFileSync(folder.file('kept/real.yaml'), 'utf8'), /id: kept01[\s\S]*Right of peoples/);
			} finally {
				folder.dispose();
			}
		});
		await trial('a loop of links named like a sidecar: reported, nothing written, the server goes on', () => onSidecar((path) => symlinkSync(`${L000}.annotations.yaml`, path), async (folder, sidecar) => {
			await serverRefuses(folder, sidecar, /is a loop of symbolic links/);
			assert.ok(lstatSync(sidecar).isSymbolicLink());
		}));
		for (const args of [['annotations', 'reanchor', '.', '--write'], ['check', '.']]) {
			await trial(`a loop of links named like a sidecar: ${args.join(' ')} reports it (exit 1, not 0)`, () => onSidecar((path) => symlinkSync(`${L000}.annotations.yaml`, path), async (folder) => {
				const run = await cli(folder.path, args);
				assertCleanEnd(run, [1]);
				assert.match(`${run.stdout}${run.stderr}`, /loop of symbolic links/);
			}));
		}
		await trial('a sidecar that links outside the workspace: refused, the file outside unchanged', async () => {
			const folder = workspace();
			const outside = mkdtempSync(join(tmpdir(), 'dl-outside-'));
			try {
				writeFileSync(join(outside, 'elsewhere.yaml'), validSidecarOf000(folder));
				symlinkSync(join(outside, 'elsewhere.yaml'), sidecarOf(folder, L000));
				const before = readFileSync(join(outside, 'elsewhere.yaml'));
				await withServerOn(folder, async (server) => {
					await server.ready();
					await server.open(folder.file(L000));
					const refused = await create(server, folder.file(L000), PHRASES[1]);
					assert.match(refused.ok ? '' : refused.message, /outside the workspace folders/);
				});
				assert.deepEqual(readFileSync(join(outside, 'elsewhere.yaml')), before);
			} finally {
				folder.dispose();
				rmSync(outside, { recursive: true, force: true });
			}
		});
		await trial('a link to a sidecar not written yet: the first annotation creates it through the link', async () => {
			const folder = workspace();
			try {
				mkdirSync(folder.file('kept'));
				symlinkSync('kept/new.yaml', sidecarOf(folder, L001));
				await withServerOn(folder, async (server) => {
					await server.ready();
					await server.open(folder.file(L001));
					assert.ok((await create(server, folder.file(L001), 'Barda')).ok);
				});
				assert.ok(lstatSync(sidecarOf(folder, L001)).isSymbolicLink());
				assert.match(readFileSync(folder.file('kept/new.yaml'), 'utf8'), /exact: Barda/);
			} finally {
				folder.dispose();
			}
		});
	},
};
