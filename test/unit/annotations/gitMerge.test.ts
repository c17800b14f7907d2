/** Two people annotate the same letter on two branches: git must merge their sidecars without a conflict. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { addAnnotation, createAnnotation, createSidecarText, parseSidecar, updateAnnotation } from '../../../server/src/engine/annotations';
import type { Annotation, SidecarEditResult } from '../../../server/src/engine/annotations';

/** Every temp folder a test made, removed when the file's tests end. */
const temporaryFolders: string[] = [];
after(() => {
	for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

const letterText = readFileSync(join(__dirname, '..', '..', 'fixtures', 'letters', '000_c1c47ee4ee510e2c.txt'), 'utf8');
const sidecarName = '000_c1c47ee4ee510e2c.txt.annotations.yaml';

function annotate(phrase: string, id: string): Annotation {
	const at = letterText.indexOf(phrase);
	assert.ok(at >= 0, phrase);
	const annotation = createAnnotation(letterText, at, at + phrase.length, { tags: ['allegation'], randomId: () => id, now: new Date('2026-11-23T10:00:00Z') });
	assert.ok(annotation);
	return annotation;
}

function git(folder: string, ...args: string[]): string {
	return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function textOf(result: SidecarEditResult): string {
	assert.ok(result.ok);
	return result.text;
}

/** Commits `base`, then `mine` on one branch and `theirs` on another (each a function of the base text), and merges. */
function mergeBranches(base: string, mine: (text: string) => string, theirs: (text: string) => string): string {
	const folder = mkdtempSync(join(tmpdir(), 'sidecar-merge-'));
	temporaryFolders.push(folder);
	git(folder, 'init', '-q');
	writeFileSync(join(folder, '000_c1c47ee4ee510e2c.txt'), letterText);
	writeFileSync(join(folder, sidecarName), base);
	git(folder, 'add', '.');
	git(folder, 'commit', '-q', '-m', 'base');
	git(folder, 'checkout', '-q', '-b', 'theirs');
	writeFileSync(join(folder, sidecarName), theirs(base));
	git(folder, 'commit', '-q', '-am', 'theirs');
	git(folder, 'checkout', '-q', 'main');
	writeFileSync(join(folder, sidecarName), mine(base));
	git(folder, 'commit', '-q', '-am', 'mine');
	git(folder, 'merge', '-q', '--no-edit', 'theirs'); // throws on a conflict
	return readFileSync(join(folder, sidecarName), 'utf8');
}

describe('git merges of sidecars', () => {
	const early = annotate('It has been over a month since Azerbaijan', 'a0a0a0a0');
	const late = annotate('killing of 43 civilians', 'b0b0b0b0');
	const base = createSidecarText('000_c1c47ee4ee510e2c.txt', [early, late]);

	it('merges two annotations added at different places without a conflict', () => {
		const middle = annotate('open and direct military support of Turkey', 'c1c1c1c1');
		const end = annotate('banned cluster munitions', 'd2d2d2d2');
		const merged = mergeBranches(base, (text) => textOf(addAnnotation(text, middle)), (text) => textOf(addAnnotation(text, end)));
		const parsed = parseSidecar(merged);
		assert.ok(parsed.ok);
		assert.deepEqual(parsed.sidecar.annotations.map((annotation) => annotation.id), ['a0a0a0a0', 'c1c1c1c1', 'b0b0b0b0', 'd2d2d2d2']);
	});

	it('merges an annotation added before and one added after the same existing one', () => {
		const single = createSidecarText('000_c1c47ee4ee510e2c.txt', [late]);
		const merged = mergeBranches(single, (text) => textOf(addAnnotation(text, early)), (text) => textOf(addAnnotation(text, annotate('banned cluster munitions', 'd2d2d2d2'))));
		const parsed = parseSidecar(merged);
		assert.ok(parsed.ok);
		assert.deepEqual(parsed.sidecar.annotations.map((annotation) => annotation.id), ['a0a0a0a0', 'b0b0b0b0', 'd2d2d2d2']);
	});

	it('merges a note edited on one branch with an annotation added on the other', () => {
		const merged = mergeBranches(base, (text) => textOf(updateAnnotation(text, 'a0a0a0a0', { note: 'Check the date.' })), (text) => textOf(addAnnotation(text, annotate('banned cluster munitions', 'd2d2d2d2'))));
		const parsed = parseSidecar(merged);
		assert.ok(parsed.ok);
		assert.equal(parsed.sidecar.annotations[0]?.note, 'Check the date.');
		assert.equal(parsed.sidecar.annotations.length, 3);
	});
});
