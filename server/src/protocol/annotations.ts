import type { AnnotationExportFormat as EngineExportFormat, ExportFile } from '../engine/annotations/exportPackaging';
import { defineNotification, defineRequest, defineRequest0 } from './messageTypes';
import type { Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';

/** One annotation of a letter, with its current place in the text. */
export interface AnnotationInfo {
	/** Unique within its sidecar. */
	readonly id: string;
	/** The letter's URI. */
	readonly uri: string;
	readonly tags: readonly string[];
	readonly note?: string;
	readonly author?: string;
	/** ISO 8601 creation time, when known. */
	readonly created?: string;
	/** `orphaned`: its text can no longer be found; `range` is then the last known place (clamped to the text). */
	readonly status: 'attached' | 'orphaned';
	/** Where it is now: follows unsaved edits of an open letter. */
	readonly range: Range;
	/** The annotated text as stored in the sidecar. */
	readonly exact: string;
}

/** A problem of a sidecar file that cannot be used (the sidecar is then never written). */
export interface SidecarProblemInfo {
	readonly message: string;
	/** Range in the sidecar file. */
	readonly range: Range;
}

/**
 * The state of a letter's sidecar. `none`: no sidecar file; `invalid`: it does not parse or fails the schema;
 * `unreadable`: it exists but is not read (not UTF-8, too large, not a regular file, permission denied).
 */
export type SidecarState = 'none' | 'valid' | 'invalid' | 'unreadable';

/** Parameters of {@link DocumentAnnotationsRequest}. */
export interface DocumentAnnotationsParams {
	readonly textDocument: TextDocumentIdentifier;
}

/** The annotations of one letter. */
export interface DocumentAnnotationsResult {
	readonly uri: string;
	/** `<letter>.annotations.yaml`. */
	readonly sidecarUri: string;
	readonly sidecarState: SidecarState;
	/** Why the sidecar is invalid or unreadable (empty otherwise). */
	readonly problems: readonly SidecarProblemInfo[];
	/** In text order; orphans included (status `orphaned`). */
	readonly annotations: readonly AnnotationInfo[];
	/** Grows with every change of this letter's annotations: of two answers, the one with the higher revision is newer. */
	readonly revision: number;
}

/** Client → server: the annotations of a letter ("This Letter" view, decorations). */
export const DocumentAnnotationsRequest = defineRequest<DocumentAnnotationsParams, DocumentAnnotationsResult>('diplomaticLetters/annotations/list');

/** A tag used in the workspace (or defined in `.diplomatic-letters/tags.yaml`), with its annotations. */
export interface TagSummary {
	readonly tag: string;
	/** Number of annotations carrying the tag. */
	readonly count: number;
	/** From the tag vocabulary, when defined there. */
	readonly colour?: string;
	readonly description?: string;
	/** True when the tag is defined in `.diplomatic-letters/tags.yaml` (the tag picker offers these first). */
	readonly inVocabulary: boolean;
	readonly annotations: readonly AnnotationInfo[];
}

/** Every tag of the workspace, sorted by name. */
export interface WorkspaceTagsResult {
	readonly tags: readonly TagSummary[];
}

/** Client → server: every tag across the workspace's sidecars with counts and annotations ("Tags" view). */
export const WorkspaceTagsRequest = defineRequest0<WorkspaceTagsResult>('diplomaticLetters/annotations/tags');

/**
 * The outcome of a change to a sidecar: the annotation as it now is and every annotation of its letter after the
 * change (the client shows these without asking again), or why nothing was written.
 */
export type AnnotationEditResult =
	| { readonly ok: true; readonly annotation?: AnnotationInfo; readonly letter: DocumentAnnotationsResult }
	| { readonly ok: false; readonly message: string };

/** Parameters of {@link CreateAnnotationRequest}. */
export interface CreateAnnotationParams {
	readonly textDocument: TextDocumentIdentifier;
	/** The text to annotate (UTF-16 positions in the current text of the document). */
	readonly range: Range;
	readonly tags: readonly string[];
	readonly note?: string;
	/** Written as `author` when given (setting `diplomaticLetters.annotations.author`). */
	readonly author?: string;
}

/** Client → server: annotate a range. The server writes the sidecar (creating it when missing). */
export const CreateAnnotationRequest = defineRequest<CreateAnnotationParams, AnnotationEditResult>('diplomaticLetters/annotations/create');

/** Parameters of {@link UpdateAnnotationRequest}. An absent field stays as it is; `note: ""` removes the note. */
export interface UpdateAnnotationParams {
	readonly textDocument: TextDocumentIdentifier;
	readonly id: string;
	readonly tags?: readonly string[];
	readonly note?: string;
}

/** Client → server: change the tags or note of an annotation. */
export const UpdateAnnotationRequest = defineRequest<UpdateAnnotationParams, AnnotationEditResult>('diplomaticLetters/annotations/update');

/** Parameters of {@link RemoveAnnotationRequest}. */
export interface RemoveAnnotationParams {
	readonly textDocument: TextDocumentIdentifier;
	readonly id: string;
}

/** Client → server: delete an annotation from its sidecar (`annotation` is absent in the result). */
export const RemoveAnnotationRequest = defineRequest<RemoveAnnotationParams, AnnotationEditResult>('diplomaticLetters/annotations/remove');

/** Parameters of {@link AttachAnnotationRequest}. */
export interface AttachAnnotationParams {
	readonly textDocument: TextDocumentIdentifier;
	readonly id: string;
	/** The new text of the annotation (usually the selection). */
	readonly range: Range;
}

/** Client → server: attach an (orphaned) annotation to a new range; it is no longer orphaned. */
export const AttachAnnotationRequest = defineRequest<AttachAnnotationParams, AnnotationEditResult>('diplomaticLetters/annotations/attach');

/** Parameters of {@link RenameTagRequest}. */
export interface RenameTagParams {
	readonly from: string;
	readonly to: string;
}

/** What a workspace-wide tag rename changed. */
export interface RenameTagResult {
	/** Sidecars rewritten. */
	readonly changed: readonly string[];
	/** Sidecars that use the tag but could not be written (invalid, unwritable), with the reason. */
	readonly failed: readonly { readonly uri: string; readonly message: string }[];
}

/** Client → server: rename a tag in every sidecar of the workspace. */
export const RenameTagRequest = defineRequest<RenameTagParams, RenameTagResult>('diplomaticLetters/annotations/renameTag');

/** Export formats (SPEC command line `annotations export`). */
export type AnnotationExportFormat = EngineExportFormat;

/** Parameters of {@link ExportAnnotationsRequest}. */
export interface ExportAnnotationsParams {
	readonly format: AnnotationExportFormat;
	/** Letters to export; every annotated letter of the workspace when absent. */
	readonly uris?: readonly string[];
	/** Only annotations with at least one of these tags, when given. */
	readonly tags?: readonly string[];
}

/** The exported files (the engine's export packaging): one for `w3c` and `csv`; for `brat`, a `.txt` and an `.ann` per letter. */
export interface ExportAnnotationsResult {
	readonly files: readonly ExportFile[];
}

/** Client → server: export annotations; the client decides where to save the files. */
export const ExportAnnotationsRequest = defineRequest<ExportAnnotationsParams, ExportAnnotationsResult>('diplomaticLetters/annotations/export');

/** Which letters' annotations changed. */
export interface AnnotationsChangedParams {
	/** Letter URIs (not sidecar URIs). */
	readonly uris: readonly string[];
	/**
	 * The revision (see {@link DocumentAnnotationsResult.revision}) of each letter's annotations after the change, by
	 * URI; a client that already holds that revision (from an edit's answer) need not ask again.
	 */
	readonly revisions?: Readonly<Record<string, number>>;
}

/**
 * Server → client: annotations changed, through a request, an edit of an open letter (ranges moved), a sidecar
 * changed on disk, or a rename. The client asks again with {@link DocumentAnnotationsRequest} (for letters whose
 * revision it does not hold yet) and {@link WorkspaceTagsRequest}.
 */
export const AnnotationsChangedNotification = defineNotification<AnnotationsChangedParams>('diplomaticLetters/annotationsChanged');
