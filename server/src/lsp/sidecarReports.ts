/**
 * Diagnostics on sidecar files themselves: `sidecar-invalid` (at each problem, or at the start of a sidecar that
 * cannot be read) and `sidecar-without-letter` (its letter is gone), with the quick fix that moves a letterless
 * sidecar next to the letter that holds its annotations. Sidecars are rarely open in an editor, so their
 * diagnostics are pushed (a client that pulls diagnostics pulls those of an open sidecar).
 */
import { lstat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import type { CodeAction, Connection, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { findLetterForSidecar, sidecarFileFindings, sidecarWithoutLetterFinding } from '../engine/annotations';
import type { RelinkCandidate, RelinkVerdict } from '../engine/annotations';
import type { DiagnosticSettings, Finding } from '../engine/diagnostics/codes';
import { letterPathForSidecar, sidecarConditionOf } from '../node/sidecarFiles';
import type { SidecarFileState } from '../node/sidecarFiles';
import { RelinkSidecarCommand } from '../protocol';
import { conditionOf, findingsAsDiagnostics } from './annotationDiagnostics';
import type { AnnotationStore } from './annotationStore';
import type { LetterStore } from './letterStore';
import { pathOfUri } from './letterStore';
import type { SidecarOwner } from './sidecarOwner';

/** What the reports read. */
export interface SidecarReportSources {
	readonly connection: Connection;
	readonly owner: SidecarOwner;
	readonly store: LetterStore;
	readonly annotations: AnnotationStore;
	/** The diagnostics settings of a file. */
	readonly settings: (uri: string) => Promise<DiagnosticSettings>;
	/** True when the client pulls diagnostics (then an open sidecar's are pulled, not pushed). */
	readonly pullMode: boolean;
	/** The workspace folder paths (letters found elsewhere are shown with their full path). */
	readonly folders: () => readonly string[];
}

/** Publishes and answers the diagnostics of sidecar files. */
export class SidecarReports {
	private readonly published = new Set<string>();
	private readonly verdicts = new Map<string, RelinkVerdict>();

	constructor(private readonly sources: SidecarReportSources) {}

	/** Letters appeared or went away on disk: where letterless sidecars belong is looked for again. */
	lettersChanged(): void {
		this.verdicts.clear();
	}

	/** The diagnostics of a sidecar file as they stand now. */
	async diagnosticsOf(sidecarUri: string, settings: DiagnosticSettings): Promise<Diagnostic[]> {
		const path = pathOfUri(sidecarUri);
		const letterPath = path === undefined ? undefined : letterPathForSidecar(path);
		if (path === undefined || letterPath === undefined) {
			return [];
		}
		const name = basename(path);
		const state = await this.sources.owner.read(letterPath);
		const text = this.sources.store.openDocument(sidecarUri)?.getText() ?? (state.kind === 'valid' || state.kind === 'invalid' ? state.text : '');
		if (state.kind === 'missing') {
			return [];
		}
		const findings: Finding[] = [];
		if (!(await exists(letterPath))) {
			const verdict = this.verdictFor(path, state);
			const foundAt = verdict?.kind === 'found' ? this.shown(verdict.key) : undefined;
			findings.push(sidecarWithoutLetterFinding(basename(letterPath), foundAt));
		}
		const held = this.sources.annotations.peek(URI.file(letterPath).toString());
		const condition = held !== undefined && held.state !== 'none' ? conditionOf(held) : sidecarConditionOf(state);
		findings.push(...sidecarFileFindings(name, condition));
		return findingsAsDiagnostics(findings, text, settings);
	}

	/**
	 * Pushes the diagnostics of these sidecars (default: those that have diagnostics now) when they have any, or had
	 * some: letterless ones, invalid or unreadable ones. Valid sidecars next to their letter are not read for it.
	 * Never rejects (a failure is logged).
	 */
	async refresh(sidecarPaths?: readonly string[]): Promise<void> {
		const paths = sidecarPaths ?? [...this.published].flatMap((uri) => pathOfUri(uri) ?? []);
		for (const path of paths) {
			try {
				await this.refreshOne(path);
			} catch (error) {
				this.sources.connection.console.error(`The diagnostics of ${path} could not be computed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			}
		}
	}

	/** Pushes the diagnostics of every sidecar the owner knows (after the folders were indexed). */
	refreshAll(): Promise<void> {
		return this.refresh([...new Set([...this.sources.owner.knownSidecars(), ...[...this.published].flatMap((uri) => pathOfUri(uri) ?? [])])]);
	}

	private async refreshOne(path: string): Promise<void> {
		const { owner, store, connection, pullMode } = this.sources;
		const letterPath = letterPathForSidecar(path);
		if (letterPath === undefined) {
			return;
		}
		const uri = URI.file(path).toString();
		if (pullMode && store.openDocument(uri) !== undefined) {
			return;
		}
		const summary = owner.summary(letterPath);
		const worth = this.published.has(uri) || summary.kind === 'invalid' || summary.kind === 'unreadable' || (summary.kind !== 'missing' && !(await exists(letterPath)));
		if (!worth) {
			return;
		}
		const diagnostics = summary.kind === 'missing' ? [] : await this.diagnosticsOf(uri, await this.sources.settings(uri));
		if (diagnostics.length > 0) {
			this.published.add(uri);
		} else {
			this.published.delete(uri);
		}
		await connection.sendDiagnostics({ uri, diagnostics });
	}

	/** The quick fix of `sidecar-without-letter`: move the sidecar next to the letter that holds its annotations. */
	async codeActions(sidecarUri: string, diagnostics: readonly Diagnostic[]): Promise<CodeAction[]> {
		const path = pathOfUri(sidecarUri);
		const letterPath = path === undefined ? undefined : letterPathForSidecar(path);
		if (path === undefined || letterPath === undefined || !this.sources.owner.acceptsWrites || (await exists(letterPath))) {
			return [];
		}
		const verdict = this.verdictFor(path, await this.sources.owner.read(letterPath));
		if (verdict?.kind !== 'found') {
			return [];
		}
		const fixes = diagnostics.filter((diagnostic) => diagnostic.code === 'sidecar-without-letter');
		return [{
			title: `Move this sidecar next to ${this.shown(verdict.key)}, the letter that holds its annotations`,
			kind: CodeActionKind.QuickFix,
			isPreferred: true,
			...(fixes.length > 0 ? { diagnostics: fixes } : {}),
			command: { title: 'Move the sidecar', command: RelinkSidecarCommand.id, arguments: [sidecarUri, URI.file(verdict.key).toString()] },
		}];
	}

	/** Where the letter of a letterless sidecar is now, when one workspace letter holds its annotations. */
	private verdictFor(sidecarPath: string, state: SidecarFileState): RelinkVerdict | undefined {
		if (state.kind !== 'valid') {
			return undefined;
		}
		let verdict = this.verdicts.get(sidecarPath);
		if (verdict === undefined) {
			const { store, owner } = this.sources;
			const candidates: RelinkCandidate[] = store.index.letters().flatMap((entry) => {
				const letterPath = pathOfUri(entry.uri);
				if (letterPath === undefined || owner.summary(letterPath).kind !== 'missing') {
					return [];
				}
				const symbol = store.index.identity(entry.uri)?.symbol.text;
				const text = store.textOf(entry.uri);
				return text === undefined ? [] : [{ key: letterPath, text, ...(symbol === undefined ? {} : { symbol }) }];
			});
			verdict = findLetterForSidecar(state.sidecar, candidates);
			this.verdicts.set(sidecarPath, verdict);
		}
		return verdict;
	}

	/** A path as the user reads it: relative to its workspace folder. */
	private shown(path: string): string {
		for (const folder of this.sources.folders()) {
			const rel = relative(folder, path);
			if (rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep)) {
				return rel.split(sep).join('/');
			}
		}
		return path;
	}
}

async function exists(path: string): Promise<boolean> {
	return lstat(path).then(() => true, () => false);
}
