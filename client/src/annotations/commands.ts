/**
 * The annotation commands of the editor and the views: Annotate Selection, Edit Tags, Edit Note, Remove, Attach
 * Orphan to Selection, Next/Previous Annotation, Filter and Clear Filter. Every change goes to the server as a
 * protocol request; the server writes the sidecar and its answer (the letter's annotations after the change) is
 * what the views show. In Restricted Mode the commands that change annotations say why they do nothing.
 */
import * as vscode from 'vscode';
import { AttachAnnotationRequest, CreateAnnotationRequest, RemoveAnnotationRequest, UpdateAnnotationRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { isLetterTextDocument } from '../languageSwitching';
import type { AnnotationStore } from './annotationStore';
import { normaliseUri } from './annotationStore';
import { reportEditResult, resolveAnnotation } from './annotationTargets';
import { excerpt } from './annotationText';
import type { NavigationDirection } from './letterAnnotations';
import { adjacentAnnotation } from './letterAnnotations';
import { annotationAuthor } from './annotationAuthor';
import { pickTags } from './tagPicker';

/** The active editor when it shows a letter with selected text; otherwise tells the user and gives `undefined`. */
function letterEditorWithSelection(): vscode.TextEditor | undefined {
	const editor = vscode.window.activeTextEditor;
	if (editor === undefined || !isLetterTextDocument(editor.document)) {
		void vscode.window.showInformationMessage('Open a letter and select the text first.');
		return undefined;
	}
	if (editor.selections.every((selection) => selection.isEmpty)) {
		void vscode.window.showInformationMessage('Select the text first.');
		return undefined;
	}
	return editor;
}

/** Registers the annotation commands. */
export function registerAnnotationCommands(ctx: Ctx, store: AnnotationStore): void {
	ctx.registerCommand('diplomaticLetters.annotateSelection', async () => {
		const editor = letterEditorWithSelection();
		if (editor === undefined) {
			return;
		}
		const tags = await pickTags(store, { title: 'Annotate Selection (1/2): tags', initial: [] });
		if (tags === undefined) {
			return;
		}
		const note = await vscode.window.showInputBox({
			title: 'Annotate Selection (2/2): note',
			prompt: `Tags: ${tags.join(', ')}. A note is optional: press Enter to leave it empty, Escape to cancel.`,
			placeHolder: 'Note (optional)',
		});
		if (note === undefined) {
			return;
		}
		const author = await annotationAuthor(ctx, editor.document.uri);
		const textDocument = ctx.code2Protocol.asTextDocumentIdentifier(editor.document);
		for (const selection of editor.selections.filter((candidate) => !candidate.isEmpty)) {
			const result = await ctx.request(CreateAnnotationRequest, {
				textDocument,
				range: ctx.code2Protocol.asRange(selection),
				tags,
				...(note.trim() === '' ? {} : { note: note.trim() }),
				...(author === undefined ? {} : { author }),
			});
			store.applyEditResult(result);
			if (!reportEditResult(result)) {
				break;
			}
		}
	}, { writes: true });

	ctx.registerCommand('diplomaticLetters.editTags', async (argument?: unknown) => {
		const annotation = await resolveAnnotation(store, argument);
		if (annotation === undefined) {
			return;
		}
		const tags = await pickTags(store, { title: `Edit Tags of "${excerpt(annotation.exact, 40)}"`, initial: annotation.tags });
		if (tags === undefined || (tags.length === annotation.tags.length && tags.every((tag, index) => tag === annotation.tags[index]))) {
			return;
		}
		const result = await ctx.request(UpdateAnnotationRequest, { textDocument: { uri: annotation.uri }, id: annotation.id, tags });
		store.applyEditResult(result);
		reportEditResult(result);
	}, { writes: true });

	ctx.registerCommand('diplomaticLetters.editNote', async (argument?: unknown) => {
		const annotation = await resolveAnnotation(store, argument);
		if (annotation === undefined) {
			return;
		}
		const note = await vscode.window.showInputBox({
			title: `Edit Note of "${excerpt(annotation.exact, 40)}"`,
			prompt: 'Leave empty to remove the note.',
			value: annotation.note ?? '',
		});
		if (note === undefined || note.trim() === (annotation.note ?? '').trim()) {
			return;
		}
		const result = await ctx.request(UpdateAnnotationRequest, { textDocument: { uri: annotation.uri }, id: annotation.id, note: note.trim() });
		store.applyEditResult(result);
		reportEditResult(result);
	}, { writes: true });

	ctx.registerCommand('diplomaticLetters.removeAnnotation', async (argument?: unknown) => {
		const annotation = await resolveAnnotation(store, argument);
		if (annotation === undefined) {
			return;
		}
		const confirmed = await vscode.window.showWarningMessage(
			`Remove the annotation "${excerpt(annotation.exact, 50)}" (${annotation.tags.join(', ')})?`,
			{ modal: true, detail: 'It is deleted from the letter\'s annotation file.' },
			'Remove',
		);
		if (confirmed !== 'Remove') {
			return;
		}
		const result = await ctx.request(RemoveAnnotationRequest, { textDocument: { uri: annotation.uri }, id: annotation.id });
		store.applyEditResult(result);
		reportEditResult(result);
	}, { writes: true });

	ctx.registerCommand('diplomaticLetters.attachOrphanToSelection', async (argument?: unknown) => {
		const editor = letterEditorWithSelection();
		if (editor === undefined) {
			return;
		}
		const orphan = await resolveAnnotation(store, argument, 'orphaned');
		if (orphan === undefined) {
			return;
		}
		if (normaliseUri(orphan.uri) !== editor.document.uri.toString()) {
			void vscode.window.showInformationMessage('Select the new text of the annotation in its own letter first.');
			return;
		}
		const range = ctx.code2Protocol.asRange(editor.selection);
		const result = await ctx.request(AttachAnnotationRequest, { textDocument: { uri: orphan.uri }, id: orphan.id, range });
		store.applyEditResult(result);
		reportEditResult(result);
	}, { writes: true });

	const navigate = (direction: NavigationDirection): void => {
		const editor = vscode.window.activeTextEditor;
		const annotations = editor === undefined ? [] : store.letter(editor.document.uri.toString())?.annotations ?? [];
		const target = editor === undefined ? undefined : adjacentAnnotation(annotations, editor.selection.start, direction);
		if (editor === undefined || target === undefined) {
			vscode.window.setStatusBarMessage('No annotation in this letter.', 3000);
			return;
		}
		const range = ctx.protocol2Code.asRange(target.range);
		editor.selection = new vscode.Selection(range.start, range.end);
		editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	};
	ctx.registerCommand('diplomaticLetters.nextAnnotation', () => navigate('next'));
	ctx.registerCommand('diplomaticLetters.previousAnnotation', () => navigate('previous'));

	ctx.registerCommand('diplomaticLetters.filterAnnotations', async () => {
		const filter = await vscode.window.showInputBox({
			title: 'Filter Annotations',
			prompt: 'Show the annotations whose tags, note or text contain this (empty: show all).',
			value: store.filter ?? '',
		});
		if (filter !== undefined) {
			store.setFilter(filter);
		}
	});
	ctx.registerCommand('diplomaticLetters.clearAnnotationFilter', () => store.setFilter(undefined));
}
