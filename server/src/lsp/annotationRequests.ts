/**
 * The annotation requests of the custom protocol: each checks its parameters, finds the letter, and delegates to the
 * annotation store (changes), the tag vocabulary or the export packaging of the engine. A change answers with the
 * letter's annotations as they now are, so the client shows them without asking again.
 */
import { join, relative, sep } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { annotationsAsTheyStand, packageExport, readTagVocabulary, TAG_VOCABULARY_PATH } from '../engine/annotations';
import type { ExportedLetter, TagDefinition } from '../engine/annotations';
import { LineIndex } from '../engine/text/lineIndex';
import { exportIdentityOf } from '../engine/workspace/catalogue';
import { readTextFileSync } from '../node/textFiles';
import { letterPathForSidecar } from '../node/sidecarFiles';
import type { AnnotationEditResult, AnnotationInfo, DocumentAnnotationsResult, ExportAnnotationsResult, TagSummary } from '../protocol';
import {
	AnnotationsChangedNotification, AttachAnnotationRequest, CreateAnnotationRequest, DocumentAnnotationsRequest, ExportAnnotationsRequest,
	RemoveAnnotationRequest, RenameTagRequest, UpdateAnnotationRequest, WorkspaceTagsRequest,
} from '../protocol';
import type { AnnotationChangeOutcome, LetterAnnotations, LiveAnnotation } from './annotationStore';
import { onCustomRequest, onCustomRequest0, sendCustomNotification } from './customMessages';
import { pathOfUri } from './letterStore';
import { URI } from 'vscode-uri';
import { check } from './requestGuards';
import type { ServerContext } from './serverContext';

/** The largest tag vocabulary read (a vocabulary of a few hundred tags is a few KB). */
const MAX_VOCABULARY_BYTES = 1024 * 1024;

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

/** The answer for one letter: its annotations in text order, the sidecar's state and problems, the revision. */
function letterResult(uri: string, held: LetterAnnotations, text: string): DocumentAnnotationsResult {
	const lines = new LineIndex(text);
	const items = [...held.items].sort((a, b) => (a.range ?? a.lastKnown).start - (b.range ?? b.lastKnown).start);
	return {
		uri, sidecarUri: `${uri}.annotations.yaml`, sidecarState: held.state, revision: held.revision,
		problems: held.problems.map((problem) => ({ message: problem.message, range: { start: { line: problem.line - 1, character: problem.column - 1 }, end: { line: problem.line - 1, character: problem.column - 1 } } })),
		annotations: items.map((item) => info(uri, item, lines)),
	};
}

/** The tags of the vocabularies of the workspace folders (a file that cannot be read or parsed gives none). */
function readVocabularies(folders: readonly string[]): Map<string, TagDefinition> {
	const tags = new Map<string, TagDefinition>();
	for (const folder of folders) {
		const read = readTextFileSync(join(folder, ...TAG_VOCABULARY_PATH.split('/')), MAX_VOCABULARY_BYTES);
		if (read.kind === 'text') {
			for (const [tag, definition] of readTagVocabulary(read.text).tags) {
				tags.set(tag, { ...tags.get(tag), ...definition });
			}
		}
	}
	return tags;
}

const documentAndId = check.all(check.document, check.string('id'));

/** Registers the annotation requests. */
export function registerAnnotationRequests(context: ServerContext): void {
	const { connection, store, annotations, owner, reparseEdited, guard } = context;
	const textOf = (uri: string) => store.textOf(uri);
	const toOffsets = (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
		const lines = new LineIndex(textOf(uri) ?? '');
		return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
	};
	const result = async (uri: string, outcome: AnnotationChangeOutcome): Promise<AnnotationEditResult> => {
		if (!outcome.ok) {
			return outcome;
		}
		const text = textOf(uri) ?? '';
		const letter = letterResult(uri, await annotations.get(uri), text);
		return { ok: true, annotation: outcome.annotation && info(uri, outcome.annotation, new LineIndex(text)), letter };
	};
	/** Every letter with annotations: those loaded, and those whose sidecar the owner knows. */
	const allAnnotated = async (): Promise<{ uri: string; annotations: LetterAnnotations }[]> => {
		const uris = new Set(annotations.loadedUris());
		for (const sidecar of owner.knownSidecars()) {
			const letterPath = letterPathForSidecar(sidecar);
			const uri = letterPath === undefined ? undefined : URI.file(letterPath).toString();
			if (uri !== undefined && store.index.get(uri) !== undefined) {
				uris.add(uri);
			}
		}
		return Promise.all([...uris].map(async (uri) => ({ uri, annotations: await annotations.get(uri) })));
	};

	onCustomRequest(connection, guard, DocumentAnnotationsRequest, check.document, async (params) => {
		const uri = reparseEdited(params.textDocument.uri);
		const held = await annotations.get(uri);
		return letterResult(uri, held, textOf(reparseEdited(uri)) ?? '');
	});
	onCustomRequest0(connection, guard, WorkspaceTagsRequest, async () => {
		reparseEdited('');
		const vocabulary = readVocabularies(context.folderPaths());
		const byTag = new Map<string, AnnotationInfo[]>();
		for (const { uri, annotations: held } of await allAnnotated()) {
			const lines = new LineIndex(textOf(uri) ?? '');
			for (const item of held.items) {
				for (const tag of item.annotation.tags) {
					let list = byTag.get(tag);
					if (list === undefined) {
						list = [];
						byTag.set(tag, list);
					}
					list.push(info(uri, item, lines));
				}
			}
		}
		for (const tag of vocabulary.keys()) {
			if (!byTag.has(tag)) {
				byTag.set(tag, []);
			}
		}
		const tags: TagSummary[] = [...byTag].sort(([a], [b]) => a.localeCompare(b)).map(([tag, items]) => ({ tag, count: items.length, ...vocabulary.get(tag), inVocabulary: vocabulary.has(tag), annotations: items }));
		return { tags };
	});
	onCustomRequest(connection, guard, CreateAnnotationRequest, check.all(check.document, check.range, check.strings('tags'), check.string('note', true), check.string('author', true)), async (params) => {
		const uri = reparseEdited(params.textDocument.uri);
		return result(uri, await annotations.create(uri, toOffsets(uri, params.range), { tags: params.tags, note: params.note, author: params.author }));
	});
	onCustomRequest(connection, guard, UpdateAnnotationRequest, check.all(documentAndId, check.strings('tags', true), check.string('note', true)), async (params) => {
		const uri = reparseEdited(params.textDocument.uri);
		return result(uri, await annotations.update(uri, params.id, { tags: params.tags, note: params.note }));
	});
	onCustomRequest(connection, guard, RemoveAnnotationRequest, documentAndId, async (params) => {
		const uri = reparseEdited(params.textDocument.uri);
		return result(uri, await annotations.remove(uri, params.id));
	});
	onCustomRequest(connection, guard, AttachAnnotationRequest, check.all(documentAndId, check.range), async (params) => {
		const uri = reparseEdited(params.textDocument.uri);
		return result(uri, await annotations.attach(uri, params.id, toOffsets(uri, params.range)));
	});
	onCustomRequest(connection, guard, RenameTagRequest, check.all(check.string('from'), check.string('to')), async (params) => {
		reparseEdited('');
		const changed: string[] = [];
		const failed: { uri: string; message: string }[] = [];
		for (const { uri, annotations: held } of await allAnnotated()) {
			if (held.state === 'invalid' || held.state === 'unreadable') {
				failed.push({ uri, message: `${held.problems[0]?.message ?? 'The sidecar cannot be used'}; the tag was not renamed in it.` });
			} else if (held.items.some((item) => item.annotation.tags.includes(params.from))) {
				const outcome = await annotations.renameTag(uri, params.from, params.to);
				if (outcome.ok) {
					changed.push(uri);
				} else {
					failed.push({ uri, message: outcome.message });
				}
			}
		}
		return { changed, failed };
	});
	onCustomRequest(connection, guard, ExportAnnotationsRequest, check.all((params) => (['w3c', 'csv', 'brat'].includes((params as { format?: unknown } | null)?.format as string) ? undefined : '`format` must be w3c, csv or brat'), check.strings('uris', true), check.strings('tags', true)), async (params): Promise<ExportAnnotationsResult> => {
		reparseEdited('');
		const wanted = params.uris && new Set(params.uris.map((uri) => reparseEdited(uri)));
		const roots = context.folderPaths();
		const letters: ExportedLetter[] = (await allAnnotated()).filter(({ uri, annotations: held }) => (!wanted || wanted.has(uri)) && held.items.length > 0).map(({ uri, annotations: held }) => {
			const text = textOf(uri) ?? '';
			const path = pathOfUri(uri) ?? uri;
			const root = roots.find((folder) => !relative(folder, path).startsWith('..'));
			const items = held.items.filter((item) => !params.tags || item.annotation.tags.some((tag) => params.tags?.includes(tag)));
			const identity = exportIdentityOf(store.index, uri);
			return { source: root ? relative(root, path).split(sep).join('/') : path, text, ...(identity === undefined ? {} : { identity }), annotations: annotationsAsTheyStand(text, items) };
		}).filter((letter) => letter.annotations.length > 0);
		return { files: packageExport(params.format, letters).files };
	});
}

/** Tells the client which letters' annotations changed, with the revision each now has. */
export function notifyAnnotationsChanged(connection: Connection, uris: readonly string[], revisionOf: (uri: string) => number | undefined): void {
	const revisions: Record<string, number> = {};
	for (const uri of uris) {
		const revision = revisionOf(uri);
		if (revision !== undefined) {
			revisions[uri] = revision;
		}
	}
	sendCustomNotification(connection, AnnotationsChangedNotification, { uris, revisions });
}
