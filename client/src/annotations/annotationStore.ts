/**
 * What the client knows of annotations, as the server last answered: every tag of the workspace (Tags view, tag
 * picker, colours) and the annotations of each visible letter (This Letter view, highlights, hovers, navigation).
 * The answer to a change (create, edit, remove, attach) carries the letter's annotations, which are shown as they
 * come; the store asks again only for what it does not hold yet: letters the server says changed to a revision it
 * has not seen, letters that become visible, everything when the server (re)starts. The views only read it, so no
 * view asks the server from `getChildren`.
 */
import * as vscode from 'vscode';
import type { AnnotationEditResult, AnnotationInfo, DocumentAnnotationsResult, TagSummary } from '../../../server/src/protocol';
import { AnnotationsChangedNotification, DocumentAnnotationsRequest, WorkspaceTagsRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { isLetterTextDocument } from '../languageSwitching';
import { plainErrorMessage } from '../restartPolicy';
import type { AnnotationRef } from './annotationText';
import { normaliseFilter } from './annotationFilter';
import { tagColourMap } from './tagTreeModel';
import { tagColour } from './tagColours';

/** The context key true while the annotation views are filtered (shows "Clear Annotation Filter"). */
export const FILTER_ACTIVE_CONTEXT_KEY = 'diplomaticLetters.annotationFilterActive';

/** A URI string as VS Code writes it, so that the server's and the editor's spellings of one file compare equal. */
export function normaliseUri(uri: string): string {
	return vscode.Uri.parse(uri).toString();
}

/** How long bursts of change notifications (typing in a letter moves its annotations) are gathered. */
const CHANGE_BATCH_MS = 200;

/** Holds the server's answers about annotations. */
export class AnnotationStore {
	private tagSummaries: readonly TagSummary[] = [];
	private colours = new Map<string, string>();
	private readonly letters = new Map<string, DocumentAnnotationsResult>();
	private activeUri: string | undefined;
	private filterText: string | undefined;
	private readonly pendingUris = new Set<string>();
	private pendingTags = false;
	private batchTimer: ReturnType<typeof setTimeout> | undefined;
	private batchRunning = false;
	private batchAgain = false;
	private readonly changeEmitter = new vscode.EventEmitter<void>();
	private lastError: string | undefined;

	/** Fires after tags, letters' annotations, the active letter or the filter changed. */
	readonly onDidChange = this.changeEmitter.event;

	constructor(private readonly ctx: Ctx) {
		this.activeUri = vscode.window.activeTextEditor?.document.uri.toString();
		ctx.pushCleanup(
			this.changeEmitter,
			{ dispose: () => clearTimeout(this.batchTimer) },
			vscode.window.onDidChangeVisibleTextEditors(() => this.requestVisibleLetters()),
			vscode.window.onDidChangeActiveTextEditor((editor) => {
				if (editor !== undefined) {
					this.activeUri = editor.document.uri.toString();
					this.requestVisibleLetters();
					this.changeEmitter.fire();
				}
			}),
			vscode.workspace.onDidOpenTextDocument(() => this.requestVisibleLetters()),
			ctx.onDidChangeServerState((state) => {
				if (state === 'running') {
					this.requestEverything();
				}
			}),
		);
		// Colours and descriptions come from the tag vocabulary: ask again when it is edited, by hand or by a command.
		const vocabularyWatcher = vscode.workspace.createFileSystemWatcher('**/.diplomatic-letters/tags.yaml');
		ctx.pushCleanup(
			vocabularyWatcher,
			vocabularyWatcher.onDidChange(() => this.refresh([])),
			vocabularyWatcher.onDidCreate(() => this.refresh([])),
			vocabularyWatcher.onDidDelete(() => this.refresh([])),
		);
		ctx.onNotification(AnnotationsChangedNotification, ({ uris, revisions }) => {
			for (const uri of uris) {
				const key = normaliseUri(uri);
				const revision = revisions?.[uri];
				const held = this.letters.get(key)?.revision;
				if (this.isShown(key) && !(revision !== undefined && held !== undefined && held >= revision)) {
					this.pendingUris.add(key);
				}
			}
			this.pendingTags = true;
			this.scheduleBatch();
		});
	}

	/** Every tag of the workspace, by name. */
	get workspaceTags(): readonly TagSummary[] {
		return this.tagSummaries;
	}

	/** The URI of the document of the last active text editor. */
	get activeLetterUri(): string | undefined {
		return this.activeUri;
	}

	/** The server's answer for a visible letter, if it was asked. */
	letter(uri: string): DocumentAnnotationsResult | undefined {
		return this.letters.get(normaliseUri(uri));
	}

	/** The colour a tag is shown in (vocabulary colour, else its default). */
	colourOf(tag: string): string {
		return this.colours.get(tag) ?? tagColour(tag);
	}

	/** The vocabulary's and defaults' colours of the workspace's tags. */
	get tagColours(): ReadonlyMap<string, string> {
		return this.colours;
	}

	/**
	 * Shows a tag in a new colour at once, after the client wrote it to the tag vocabulary; the server's next answer
	 * (it reads the vocabulary again when the file changes) replaces it.
	 */
	applyColour(tag: string, colour: string): void {
		this.colours.set(tag, colour);
		this.changeEmitter.fire();
	}

	/** The filter of the annotation views, as typed. */
	get filter(): string | undefined {
		return this.filterText;
	}

	/** Sets (or clears, with `undefined` or blanks) the filter of both annotation views. */
	setFilter(filter: string | undefined): void {
		this.filterText = normaliseFilter(filter) === undefined ? undefined : filter?.trim();
		void vscode.commands.executeCommand('setContext', FILTER_ACTIVE_CONTEXT_KEY, this.filterText !== undefined);
		this.changeEmitter.fire();
	}

	/** An annotation known to the store (from a visible letter or the workspace's tags). */
	find(ref: AnnotationRef): AnnotationInfo | undefined {
		const uri = normaliseUri(ref.uri);
		const inLetter = this.letters.get(uri)?.annotations.find((annotation) => annotation.id === ref.id);
		if (inLetter !== undefined) {
			return inLetter;
		}
		for (const summary of this.tagSummaries) {
			const found = summary.annotations.find((annotation) => annotation.id === ref.id && normaliseUri(annotation.uri) === uri);
			if (found !== undefined) {
				return found;
			}
		}
		return undefined;
	}

	/**
	 * Shows the letter's annotations that the server sent with its answer to a change, unless a newer answer is held
	 * already; the tags follow with the server's change notification.
	 */
	applyEditResult(result: AnnotationEditResult | undefined): void {
		if (result?.ok !== true) {
			return;
		}
		const uri = normaliseUri(result.letter.uri);
		const held = this.letters.get(uri);
		if (this.isShown(uri) && (held === undefined || held.revision < result.letter.revision)) {
			this.letters.set(uri, result.letter);
			this.pendingUris.delete(uri);
			this.changeEmitter.fire();
		}
	}

	/** Asks the server again for the tags and for these letters (after a workspace-wide change such as Rename Tag). */
	refresh(uris: readonly string[]): void {
		uris.map(normaliseUri).filter((uri) => this.isShown(uri)).forEach((uri) => this.pendingUris.add(uri));
		this.pendingTags = true;
		this.scheduleBatch(0);
	}

	private isShown(uri: string): boolean {
		return this.letters.has(uri) || this.visibleLetterUris().includes(uri);
	}

	private visibleLetterUris(): string[] {
		return vscode.window.visibleTextEditors
			.map((editor) => editor.document)
			.filter((document) => isLetterTextDocument(document))
			.map((document) => document.uri.toString());
	}

	private requestEverything(): void {
		this.letters.clear();
		this.visibleLetterUris().forEach((uri) => this.pendingUris.add(uri));
		this.pendingTags = true;
		this.scheduleBatch(0);
	}

	/** Asks for letters that became visible; forgets those no longer visible. */
	private requestVisibleLetters(): void {
		const visible = new Set(this.visibleLetterUris());
		for (const uri of [...this.letters.keys()]) {
			if (!visible.has(uri)) {
				this.letters.delete(uri);
			}
		}
		const missing = [...visible].filter((uri) => !this.letters.has(uri));
		if (missing.length > 0) {
			missing.forEach((uri) => this.pendingUris.add(uri));
			this.scheduleBatch(0);
		}
	}

	private scheduleBatch(delayMs = CHANGE_BATCH_MS): void {
		clearTimeout(this.batchTimer);
		this.batchTimer = setTimeout(() => {
			if (this.batchRunning) {
				this.batchAgain = true;
			} else {
				void this.runBatch();
			}
		}, delayMs);
	}

	/** Asks the server for what is pending; one batch at a time, so that answers never arrive out of order. */
	private async runBatch(): Promise<void> {
		this.batchRunning = true;
		const uris = [...this.pendingUris];
		const tags = this.pendingTags;
		this.pendingUris.clear();
		this.pendingTags = false;
		const [letters, workspaceTags] = await Promise.all([
			Promise.allSettled(uris.map((uri) => this.ctx.request(DocumentAnnotationsRequest, { textDocument: { uri } }))),
			tags ? this.ctx.request0(WorkspaceTagsRequest).catch((error: unknown) => this.reportError(error)) : Promise.resolve(undefined),
		]);
		letters.forEach((outcome, index) => {
			if (outcome.status === 'rejected') {
				this.reportError(outcome.reason);
			}
			const letter = outcome.status === 'fulfilled' ? outcome.value : undefined;
			const held = this.letters.get(uris[index]);
			if (letter === undefined) {
				this.letters.delete(uris[index]);
			} else if (held === undefined || held.revision <= letter.revision) {
				this.letters.set(uris[index], letter);
			}
		});
		if (workspaceTags !== undefined) {
			this.tagSummaries = workspaceTags.tags;
			this.colours = tagColourMap(workspaceTags.tags);
		}
		this.changeEmitter.fire();
		this.batchRunning = false;
		if (this.batchAgain) {
			this.batchAgain = false;
			void this.runBatch();
		}
	}

	/** Logs a failed request once per distinct message (the views then keep their last data). */
	private reportError(error: unknown): undefined {
		const message = `The annotations could not be read: ${plainErrorMessage(error)}`;
		if (message !== this.lastError) {
			this.lastError = message;
			this.ctx.outputChannel.error(message);
		}
		return undefined;
	}
}
