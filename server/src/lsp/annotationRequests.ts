/** The annotation requests of the custom protocol, the annotation diagnostics, and the tag vocabulary. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { parse as parseYaml } from 'yaml';
import type { Annotation } from '../engine/annotations';
import { targetForRange, toBrat, toCsv, toW3C } from '../engine/annotations';
import type { DiagnosticSettings, Severity } from '../engine/diagnostics/codes';
import { DEFAULT_SEVERITIES } from '../engine/diagnostics/codes';
import { LineIndex } from '../engine/text/lineIndex';
import type { AnnotationEditResult, AnnotationInfo, DocumentAnnotationsResult, ExportAnnotationsResult, TagSummary } from '../protocol';
import {
	AnnotationsChangedNotification, AttachAnnotationRequest, CreateAnnotationRequest, DocumentAnnotationsRequest, ExportAnnotationsRequest,
	RemoveAnnotationRequest, RenameTagRequest, UpdateAnnotationRequest, WorkspaceTagsRequest,
} from '../protocol';
import type { AnnotationChangeOutcome, AnnotationStore, LetterAnnotations, LiveAnnotation } from './annotationStore';
import { DIAGNOSTIC_SOURCE } from './convert';
import { onCustomRequest, onCustomRequest0, sendCustomNotification } from './customMessages';
import { pathOfUri, SIDECAR_SUFFIX } from './letterStore';
import type { ServerContext } from './server';

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

function severityOf(settings: DiagnosticSettings, code: 'annotation-orphaned' | 'sidecar-invalid'): DiagnosticSeverity | undefined {
	const setting = settings.severities[code] ?? DEFAULT_SEVERITIES[code];
	return setting === 'off' ? undefined : SEVERITIES[setting];
}

function lineIndexFor(text: string): LineIndex {
	return new LineIndex(text);
}

function info(uri: string, item: LiveAnnotation, lines: LineIndex): AnnotationInfo {
	const { annotation } = item;
	const range = item.range ?? item.lastKnown;
	return {
		id: annotation.id, uri, tags: annotation.tags, note: annotation.note, author: annotation.author, created: annotation.created,
		status: item.range ? 'attached' : 'orphaned',
		range: { start: lines.positionAt(range.start), end: lines.positionAt(range.end) },
		exact: annotation.target.exact,
	};
}

/** `annotation-orphaned` and `sidecar-invalid` on a letter (none when its annotations are not loaded). */
export function letterAnnotationDiagnostics(annotations: LetterAnnotations | undefined, text: string, fileName: string, settings: DiagnosticSettings): Diagnostic[] {
	if (!annotations) {
		return [];
	}
	const lines = lineIndexFor(text);
	const diagnostics: Diagnostic[] = [];
	const invalid = severityOf(settings, 'sidecar-invalid');
	if (annotations.state === 'invalid' && invalid !== undefined) {
		diagnostics.push({
			range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: invalid, code: 'sidecar-invalid', source: DIAGNOSTIC_SOURCE,
			message: `The annotation sidecar ${fileName}${SIDECAR_SUFFIX} is invalid: ${annotations.problems[0]?.message ?? 'unknown problem'}. Fix it; it is not changed while it is invalid, so nothing is lost.`,
		});
	}
	const orphaned = severityOf(settings, 'annotation-orphaned');
	for (const item of annotations.items) {
		if (!item.range && orphaned !== undefined) {
			const tags = item.annotation.tags.length > 0 ? ` (${item.annotation.tags.join(', ')})` : '';
			diagnostics.push({
				range: { start: lines.positionAt(item.lastKnown.start), end: lines.positionAt(item.lastKnown.end) }, severity: orphaned, code: 'annotation-orphaned', source: DIAGNOSTIC_SOURCE,
				message: `Annotation ${item.annotation.id}${tags} lost its text “${item.annotation.target.exact}”: it can no longer be found in the letter. Attach it to the right text, or remove it.`,
			});
		}
	}
	return diagnostics;
}

/** `sidecar-invalid` on the sidecar file itself, one per problem. */
export function sidecarFileDiagnostics(annotations: LetterAnnotations | undefined, sidecarText: string | undefined, settings: DiagnosticSettings): Diagnostic[] {
	const severity = severityOf(settings, 'sidecar-invalid');
	if (annotations?.state !== 'invalid' || severity === undefined) {
		return [];
	}
	const lines = lineIndexFor(sidecarText ?? '');
	return annotations.problems.map((problem) => ({
		range: { start: lines.positionAt(problem.range.start), end: lines.positionAt(problem.range.end) }, severity, code: 'sidecar-invalid', source: DIAGNOSTIC_SOURCE,
		message: problem.message,
	}));
}

interface TagDefinition {
	readonly colour?: string;
	readonly description?: string;
}

function readVocabulary(folders: readonly string[]): Map<string, TagDefinition> {
	const vocabulary = new Map<string, TagDefinition>();
	for (const folder of folders) {
		const path = join(folder, '.diplomatic-letters', 'tags.yaml');
		try {
			const parsed = existsSync(path) ? parseYaml(readFileSync(path, 'utf8')) as { tags?: Record<string, TagDefinition | null> } | null : undefined;
			for (const [tag, definition] of Object.entries(parsed?.tags ?? {})) {
				vocabulary.set(tag, { colour: typeof definition?.colour === 'string' ? definition.colour : undefined, description: typeof definition?.description === 'string' ? definition.description : undefined });
			}
		} catch {
			// A broken vocabulary file leaves tags without colours; the YAML schema reports the problem in the editor.
		}
	}
	return vocabulary;
}

/** Registers the annotation requests; `folders` gives the workspace folder paths. */
export function registerAnnotationRequests(context: ServerContext, annotations: AnnotationStore, folders: () => readonly string[]): void {
	const { connection, store, prepare } = context;
	const textOf = (uri: string) => store.index.get(uri)?.letter.text;
	const toOffsets = (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
		const lines = lineIndexFor(textOf(uri) ?? '');
		return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
	};
	const result = (uri: string, outcome: AnnotationChangeOutcome): AnnotationEditResult => {
		if (!outcome.ok) {
			return outcome;
		}
		return { ok: true, annotation: outcome.annotation && info(uri, outcome.annotation, lineIndexFor(textOf(uri) ?? '')) };
	};
	const allAnnotated = async (): Promise<{ uri: string; annotations: LetterAnnotations }[]> => {
		const uris = new Set(annotations.loadedUris());
		for (const entry of store.index.letters()) {
			const path = pathOfUri(entry.uri);
			if (path !== undefined && !uris.has(entry.uri) && existsSync(`${path}${SIDECAR_SUFFIX}`)) {
				uris.add(entry.uri);
			}
		}
		return Promise.all([...uris].map(async (uri) => ({ uri, annotations: await annotations.get(uri) })));
	};

	onCustomRequest(connection, DocumentAnnotationsRequest, async (params): Promise<DocumentAnnotationsResult> => {
		const uri = prepare(params.textDocument.uri);
		const held = await annotations.get(uri);
		const lines = lineIndexFor(textOf(uri) ?? '');
		const items = [...held.items].sort((a, b) => (a.range ?? a.lastKnown).start - (b.range ?? b.lastKnown).start);
		return {
			uri, sidecarUri: `${uri}${SIDECAR_SUFFIX}`, sidecarState: held.state,
			problems: held.problems.map((problem) => ({ message: problem.message, range: { start: { line: problem.line - 1, character: problem.column - 1 }, end: { line: problem.line - 1, character: problem.column - 1 } } })),
			annotations: items.map((item) => info(uri, item, lines)),
		};
	});
	onCustomRequest0(connection, WorkspaceTagsRequest, async () => {
		prepare('');
		const vocabulary = readVocabulary(folders());
		const byTag = new Map<string, AnnotationInfo[]>();
		for (const { uri, annotations: held } of await allAnnotated()) {
			const lines = lineIndexFor(textOf(uri) ?? '');
			for (const item of held.items) {
				for (const tag of item.annotation.tags) {
					byTag.set(tag, [...(byTag.get(tag) ?? []), info(uri, item, lines)]);
				}
			}
		}
		for (const tag of vocabulary.keys()) {
			if (!byTag.has(tag)) {
				byTag.set(tag, []);
			}
		}
		const tags: TagSummary[] = [...byTag].sort(([a], [b]) => a.localeCompare(b)).map(([tag, items]) => ({ tag, count: items.length, ...vocabulary.get(tag), annotations: items }));
		return { tags };
	});
	onCustomRequest(connection, CreateAnnotationRequest, async (params) => {
		const uri = prepare(params.textDocument.uri);
		return result(uri, await annotations.create(uri, toOffsets(uri, params.range), { tags: params.tags, note: params.note, author: params.author }));
	});
	onCustomRequest(connection, UpdateAnnotationRequest, async (params) => {
		const uri = prepare(params.textDocument.uri);
		return result(uri, await annotations.update(uri, params.id, { tags: params.tags, note: params.note }));
	});
	onCustomRequest(connection, RemoveAnnotationRequest, async (params) => {
		const uri = prepare(params.textDocument.uri);
		return result(uri, await annotations.remove(uri, params.id));
	});
	onCustomRequest(connection, AttachAnnotationRequest, async (params) => {
		const uri = prepare(params.textDocument.uri);
		return result(uri, await annotations.attach(uri, params.id, toOffsets(uri, params.range)));
	});
	onCustomRequest(connection, RenameTagRequest, async (params) => {
		prepare('');
		const changed: string[] = [];
		const failed: { uri: string; message: string }[] = [];
		for (const { uri, annotations: held } of await allAnnotated()) {
			if (held.state === 'invalid' || held.items.some((item) => item.annotation.tags.includes(params.from))) {
				const outcome = held.state === 'invalid' ? { ok: false as const, message: `The sidecar of ${uri} is invalid; fix it first.` } : await annotations.renameTag(uri, params.from, params.to);
				if (outcome.ok) {
					changed.push(uri);
				} else if (held.state !== 'invalid') {
					failed.push({ uri, message: outcome.message });
				}
			}
		}
		return { changed, failed };
	});
	onCustomRequest(connection, ExportAnnotationsRequest, async (params): Promise<ExportAnnotationsResult> => {
		prepare('');
		const wanted = params.uris && new Set(params.uris.map((uri) => prepare(uri)));
		const roots = folders();
		const letters = (await allAnnotated()).filter(({ uri, annotations: held }) => (!wanted || wanted.has(uri)) && held.items.length > 0).map(({ uri, annotations: held }) => {
			const text = textOf(uri) ?? '';
			const path = pathOfUri(uri) ?? uri;
			const root = roots.find((folder) => !relative(folder, path).startsWith('..'));
			const exported: Annotation[] = held.items
				.filter((item) => !params.tags || item.annotation.tags.some((tag) => params.tags?.includes(tag)))
				.map((item) => {
					const { status: _status, ...rest } = item.annotation;
					return item.range ? { ...rest, target: targetForRange(text, item.range) } : { ...rest, status: 'orphaned' as const };
				});
			return { source: root ? relative(root, path).split('\\').join('/') : path, text, annotations: exported };
		});
		if (params.format === 'w3c') {
			return { files: [{ name: 'annotations.jsonld', content: `${JSON.stringify(toW3C(letters), null, 2)}\n` }] };
		}
		if (params.format === 'csv') {
			return { files: [{ name: 'annotations.csv', content: toCsv(letters) }] };
		}
		return {
			files: letters.flatMap((letter) => {
				const base = letter.source.replace(/\.[^./]+$/, '');
				return [{ name: `${base}.txt`, content: letter.text }, { name: `${base}.ann`, content: toBrat(letter).ann }];
			}),
		};
	});
}

/** Tells the client which letters' annotations changed. */
export function notifyAnnotationsChanged(connection: Connection, uris: readonly string[]): void {
	sendCustomNotification(connection, AnnotationsChangedNotification, { uris });
}
