/** Tree items and Markdown shared by the two annotation views and the hover. */
import * as vscode from 'vscode';
import type { AnnotationInfo } from '../../../server/src/protocol';
import { HOVER_COMMANDS, annotationHoverMarkdown, excerpt } from './annotationText';
import { colourSwatchSvg } from './tagColours';

const swatchCache = new Map<string, vscode.Uri>();

/** A tag colour's swatch as a tree item icon (an SVG `data:` URI, cached per colour). */
export function swatchIcon(colour: string): vscode.Uri {
	let icon = swatchCache.get(colour);
	if (icon === undefined) {
		icon = vscode.Uri.from({ scheme: 'data', path: `image/svg+xml;base64,${Buffer.from(colourSwatchSvg(colour)).toString('base64')}` });
		swatchCache.set(colour, icon);
	}
	return icon;
}

/** The trusted Markdown of an annotation (hover and tooltips): its command links run only the annotation commands. */
export function annotationMarkdown(annotation: AnnotationInfo, colours: ReadonlyMap<string, string>): vscode.MarkdownString {
	const markdown = new vscode.MarkdownString(annotationHoverMarkdown(annotation, colours));
	markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
	markdown.supportHtml = true;
	return markdown;
}

/** The last segment of a URI's path (the letter's file name). */
export function fileNameOf(uri: string): string {
	const path = vscode.Uri.parse(uri).path;
	return path.slice(path.lastIndexOf('/') + 1);
}

/** What a tree item of an annotation shows besides its text. */
export interface AnnotationItemOptions {
	readonly id: string;
	readonly description: string;
	readonly colour: string;
	readonly colours: ReadonlyMap<string, string>;
	/** Converts the protocol range to VS Code's. */
	readonly toRange: (annotation: AnnotationInfo) => vscode.Range;
}

/**
 * A tree item for an annotation: its text, the given description, the tag colour's swatch (a warning for orphans),
 * `contextValue` `annotation` or `orphan` for the menus, and a click that opens the letter at the annotated text.
 */
export function annotationTreeItem(annotation: AnnotationInfo, options: AnnotationItemOptions): vscode.TreeItem {
	const orphaned = annotation.status === 'orphaned';
	const item = new vscode.TreeItem(excerpt(annotation.exact) || '(empty)', vscode.TreeItemCollapsibleState.None);
	item.id = options.id;
	item.description = orphaned ? `orphaned · ${options.description}` : options.description;
	item.iconPath = orphaned ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground')) : swatchIcon(options.colour);
	item.contextValue = orphaned ? 'orphan' : 'annotation';
	item.tooltip = annotationMarkdown(annotation, options.colours);
	const selection = options.toRange(annotation);
	item.command = { title: 'Open the annotated text', command: 'vscode.open', arguments: [vscode.Uri.parse(annotation.uri), { selection } satisfies vscode.TextDocumentShowOptions] };
	return item;
}
