/**
 * Finding what an annotation command acts on: the annotation it was given (tree item, hover link), else the one
 * under the cursor, else one the user picks from the active letter.
 */
import * as vscode from 'vscode';
import type { AnnotationInfo, AnnotationEditResult } from '../../../server/src/protocol';
import type { AnnotationStore } from './annotationStore';
import { annotationRefFrom, excerpt } from './annotationText';
import { annotationsAt, orderLetterAnnotations } from './letterAnnotations';

/** Which annotations a command may pick from when it was given none. */
export type AnnotationChoice = 'any' | 'orphaned';

/**
 * The annotation a command acts on; `undefined` when there is none or the user cancelled (the user is told why).
 * A letter's only orphan is taken without asking (Attach Orphan to Selection with one orphan needs no choice).
 */
export async function resolveAnnotation(store: AnnotationStore, argument: unknown, choice: AnnotationChoice = 'any'): Promise<AnnotationInfo | undefined> {
	const ref = annotationRefFrom(argument);
	if (ref !== undefined) {
		const found = store.find(ref);
		if (found === undefined) {
			void vscode.window.showWarningMessage('That annotation no longer exists.');
		}
		return found;
	}
	const editor = vscode.window.activeTextEditor;
	const annotations = editor === undefined ? [] : store.letter(editor.document.uri.toString())?.annotations ?? [];
	if (editor !== undefined && choice === 'any') {
		const underCursor = annotationsAt(annotations, editor.selection.active)[0];
		if (underCursor !== undefined) {
			return underCursor;
		}
	}
	const { attached, orphans } = orderLetterAnnotations(annotations);
	const candidates = choice === 'orphaned' ? orphans : [...attached, ...orphans];
	if (candidates.length === 0) {
		void vscode.window.showInformationMessage(choice === 'orphaned' ? 'This letter has no orphaned annotation.' : 'This letter has no annotation.');
		return undefined;
	}
	if (choice === 'orphaned' && candidates.length === 1) {
		return candidates[0];
	}
	const picked = await vscode.window.showQuickPick(
		candidates.map((annotation) => ({
			label: excerpt(annotation.exact),
			description: annotation.tags.join(', '),
			detail: annotation.status === 'orphaned' ? `orphaned${annotation.note === undefined ? '' : ` · ${annotation.note}`}` : annotation.note,
			annotation,
		})),
		{ title: choice === 'orphaned' ? 'Which orphaned annotation?' : 'Which annotation?', matchOnDescription: true, matchOnDetail: true },
	);
	return picked?.annotation;
}

/** Tells the user why a change was not written; `true` when it was. */
export function reportEditResult(result: AnnotationEditResult | undefined): boolean {
	if (result === undefined) {
		void vscode.window.showErrorMessage('The Diplomatic Letters server is not running; nothing was changed.');
		return false;
	}
	if (!result.ok) {
		void vscode.window.showErrorMessage(result.message);
		return false;
	}
	return true;
}
