// The fault suite's harness: hostile inputs and faults are tried against the built server (`dist/server.js` over
// stdio, with the protocol tests' real JSON-RPC client) and the built command line (`dist/cli.js`). A case passes
// when the program survived (the server still answers, the command line ended with a message and an exit code, no
// stack trace) and nothing was lost (sidecars that must not change are byte for byte the same, every acknowledged
// annotation is on disk). Each category runs its cases through a `Trial`, so that the same cases feed the test
// runner (`test/faults/faults.test.ts`) and the report (`npm run faults`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Hover } from 'vscode-languageserver-protocol/node';
import type { AnnotationEditResult } from '../../server/src/protocol';
import { CreateAnnotationRequest } from '../../server/src/protocol';
import type { FixtureFolder, ServerOptions, ServerSession } from '../protocol/serverHarness';
import { createFixtureFolder, positionOf, ROOT, startServer, uriOf } from '../protocol/serverHarness';

/** Runs one case: resolves when it survived with nothing lost, rejects (an assertion) otherwise. */
export type Trial = (name: string, attempt: () => Promise<void>) => Promise<void>;

/** A family of faults, tried case by case. */
export interface FaultCategory {
	readonly name: string;
	run(trial: Trial): Promise<void>;
}

/** The built command line. */
export const CLI_JS = join(ROOT, 'dist', 'cli.js');
/** Letter 000 and phrases of it to annotate, each once in the letter. */
export const L000 = '000_c1c47ee4ee510e2c.txt';
export const L001 = '001_fcfde71c67116c43.txt';
export const L002 = '002_f4ff0849ef0a721f.txt';
export const PHRASES = ['Prevention of armed conflict', 'Right of peoples', 'Measures to eliminate', 'responsibility to protect', 'Original: English', 'Distr.: General', 'Agenda items', 'Seventy-fifth session', 'Seventy-fifth year', 'Permanent Representative of Armenia'];

/** A workspace folder with the real letters, in a fresh temporary folder (or inside `parent`). */
export function workspace(parent?: string): FixtureFolder {
	return createFixtureFolder({}, parent);
}

/** Runs `body` with a server on `folder`, then stops it (or kills it if it no longer answers); the folder is the caller's. */
export async function withServerOn(folder: FixtureFolder, body: (server: ServerSession) => Promise<void>, options: Omit<ServerOptions, 'folder'> = {}): Promise<void> {
	const server = await startServer({ folder, ...options });
	try {
		await body(server);
	} finally {
		await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 5000))]);
		if (server.process.exitCode === null) {
			server.process.kill('SIGKILL');
		}
	}
}

/**
 * Runs `body` with a server on a fresh workspace (prepared by `setup` first), once the folder is indexed and letter
 * 000 is open; then stops the server and removes the workspace.
 */
export async function onFreshServer(body: (server: ServerSession, folder: FixtureFolder) => Promise<void>, options: Omit<ServerOptions, 'folder'> & { readonly setup?: (folder: FixtureFolder) => void } = {}): Promise<void> {
	const { setup, ...serverOptions } = options;
	const folder = workspace();
	try {
		setup?.(folder);
		await withServerOn(folder, async (server) => {
			await server.ready();
			await server.open(folder.file(L000));
			await body(server, folder);
		}, serverOptions);
	} finally {
		folder.dispose();
	}
}

/** A sidecar path of a letter in a folder. */
export function sidecarOf(folder: FixtureFolder, letter: string): string {
	return `${folder.file(letter)}.annotations.yaml`;
}

/** The ids of the annotations in a sidecar on disk (it must parse). */
export function idsOnDisk(path: string): string[] {
	const parsed = parse(readFileSync(path, 'utf8')) as { annotations?: { id: string }[] } | null;
	return (parsed?.annotations ?? []).map((annotation) => String(annotation.id)).sort();
}

/** Creates an annotation of `phrase` in a letter whose text (as the server has it) is `text`, by default its file's. */
export function create(server: ServerSession, path: string, phrase: string, tags: readonly string[] = ['fault'], text = readFileSync(path, 'utf8')): Promise<AnnotationEditResult> {
	return server.connection.sendRequest<AnnotationEditResult>(CreateAnnotationRequest.method, {
		textDocument: { uri: uriOf(path) }, range: { start: positionOf(text, phrase), end: positionOf(text, phrase, phrase.length) }, tags,
	});
}

/** Asserts that the server is alive and answers: a hover on a citation of letter 004 in `folder`. */
export async function assertAnswers(server: ServerSession, folder: FixtureFolder): Promise<void> {
	assert.equal(server.process.exitCode, null, `the server exited${server.stderr.text ? `: ${server.stderr.text.slice(-400)}` : ''}`);
	const letter = folder.file('004_7b45a96a4a663e52.txt');
	const text = readFileSync(letter, 'utf8');
	await server.open(letter);
	const hover = await within(20_000, 'a hover after the fault', server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(letter) }, position: positionOf(text, 'A/75/660-S/2020/1267', 4) }));
	assert.match(JSON.stringify(hover?.contents ?? ''), /A\/75\/660-S\/2020\/1267/);
}

/** Resolves with `promise`, or rejects when it takes longer than `ms` (a hang is a failure, not a wait). */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([promise, new Promise<never>((_resolve, reject) => {
			timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
		})]);
	} finally {
		clearTimeout(timer);
	}
}

/** What a run of the command line gave. */
export interface CliRun {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs `dist/cli.js` with `args` in `cwd`; fails the case when it runs longer than `timeoutMs` (it is then killed). */
export function cli(cwd: string, args: readonly string[], timeoutMs = 60_000, user?: { uid: number; gid: number }): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI_JS, ...args], { cwd, ...(user ?? {}) });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`diplomatic-letters ${args.join(' ')} did not end within ${timeoutMs} ms`));
		}, timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

/** Asserts that a command line run ended as a user's tool should: an exit code of 0, 1 or 2 and no stack trace. */
export function assertCleanEnd(run: CliRun, codes: readonly number[] = [0, 1, 2]): void {
	assert.ok(run.code !== null && codes.includes(run.code), `exit code ${String(run.code)}, expected one of ${codes.join(', ')}; stderr: ${run.stderr.slice(0, 400)}`);
	assert.doesNotMatch(run.stderr, /\n\s+at \S|TypeError|ReferenceError|internal error/, 'no stack trace or internal error');
}

/** The bytes of every sidecar (and any other file) of a folder, to check that a fault changed none of them. */
export function snapshot(folder: string): Map<string, Buffer> {
	const files = new Map<string, Buffer>();
	for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
		const path = join(entry.parentPath, entry.name);
		if (entry.isFile() && entry.name.endsWith('.annotations.yaml')) {
			files.set(path, readFileSync(path));
		}
	}
	return files;
}

/** Asserts that every sidecar of a snapshot is still there, byte for byte. */
export function assertUnchanged(before: Map<string, Buffer>): void {
	for (const [path, bytes] of before) {
		assert.deepEqual(readFileSync(path), bytes, `${path} is unchanged`);
	}
}

/** Asserts that no temporary file or lock is left next to the sidecars of a folder. */
export function assertNoLeftovers(folder: string): void {
	const left = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => /\.annotations\.yaml\.(?:tmp-|lock$)/.test(name));
	assert.deepEqual(left, [], 'no temporary file or lock left');
}

/** A sidecar for letter 000 with the given annotation lines (as hand-written YAML). */
export function sidecarText(file: string, annotations: readonly { id: string; exact: string; start: number }[]): string {
	const blocks = annotations.map((annotation) => [
		`  - id: ${annotation.id}`, '    tags: [fault]', '    target:', `      exact: ${JSON.stringify(annotation.exact)}`, `      start: ${annotation.start}`, `      end: ${annotation.start + annotation.exact.length}`,
	].join('\n'));
	return `version: 1\ndocument:\n  file: ${file}\nannotations:${blocks.length === 0 ? ' []' : `\n${blocks.join('\n\n')}`}\n`;
}

/** A valid sidecar of letter 000 annotating `PHRASES[0]` with id `kept01`. */
export function validSidecarOf000(folder: FixtureFolder): string {
	const text = readFileSync(folder.file(L000), 'utf8');
	return sidecarText(L000, [{ id: 'kept01', exact: PHRASES[0], start: [...text.slice(0, text.indexOf(PHRASES[0]))].length }]);
}
