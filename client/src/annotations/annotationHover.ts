/**
 * The hover of annotated text: tags, note, author and date, with links to edit the tags or note or remove the
 * annotation. Reads the store (the server's last answer); orphans have no text to hover.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { LETTER_LANGUAGE_ID } from '../letterDocuments';
import { annotationMarkdown } from './annotationItems';
import type { AnnotationStore } from './annotationStore';
import { annotationsAt } from './letterAnnotations';

/** Registers the annotation hover for letters (all the languages a letter can be in). */
export function registerAnnotationHover(ctx: Ctx, store: AnnotationStore): void {
	const selector: vscode.DocumentSelector = [LETTER_LANGUAGE_ID, 'markdown', 'plaintext'].map((language) => ({ language }));
	ctx.pushCleanup(vscode.languages.registerHoverProvider(selector, {
		provideHover(document, position) {
			const annotations = store.letter(document.uri.toString())?.annotations ?? [];
			const hovered = annotationsAt(annotations, { line: position.line, character: position.character });
			if (hovered.length === 0) {
				return undefined;
			}
			const contents = hovered.map((annotation) => annotationMarkdown(annotation, store.tagColours));
			return new vscode.Hover(contents, ctx.protocol2Code.asRange(hovered[0].range));
		},
	}));
}
