/**
 * Highlights annotated text in the colour of the annotation's first tag, in the editor and in the overview ruler.
 * One decoration type per colour, cached and disposed with the extension. Orphans are not highlighted (their text
 * is gone); they are listed in the This Letter view and reported as diagnostics by the server.
 */
import * as vscode from 'vscode';
import type { AnnotationInfo } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import type { AnnotationStore } from './annotationStore';
import { colourWithAlpha } from './tagColours';

/** How opaque the highlight behind annotated text is (the text must stay readable on light and dark themes). */
const HIGHLIGHT_OPACITY = 0.28;

/** Draws the annotations of every visible letter. */
export class AnnotationDecorations {
	private readonly types = new Map<string, vscode.TextEditorDecorationType>();

	constructor(private readonly ctx: Ctx, private readonly store: AnnotationStore) {
		ctx.pushCleanup(
			{ dispose: () => this.types.forEach((type) => type.dispose()) },
			store.onDidChange(() => this.redraw()),
			vscode.window.onDidChangeVisibleTextEditors(() => this.redraw()),
		);
		this.redraw();
	}

	private typeFor(colour: string): vscode.TextEditorDecorationType {
		let type = this.types.get(colour);
		if (type === undefined) {
			type = vscode.window.createTextEditorDecorationType({
				backgroundColor: colourWithAlpha(colour, HIGHLIGHT_OPACITY),
				borderRadius: '2px',
				overviewRulerColor: colour,
				overviewRulerLane: vscode.OverviewRulerLane.Right,
				rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
			});
			this.types.set(colour, type);
		}
		return type;
	}

	private redraw(): void {
		for (const editor of vscode.window.visibleTextEditors) {
			const letter = this.store.letter(editor.document.uri.toString());
			this.draw(editor, letter?.annotations ?? []);
		}
	}

	private draw(editor: vscode.TextEditor, annotations: readonly AnnotationInfo[]): void {
		const rangesByColour = new Map<string, vscode.Range[]>();
		for (const annotation of annotations) {
			if (annotation.status !== 'attached') {
				continue;
			}
			const colour = this.store.colourOf(annotation.tags[0] ?? '');
			const ranges = rangesByColour.get(colour) ?? [];
			ranges.push(this.ctx.protocol2Code.asRange(annotation.range));
			rangesByColour.set(colour, ranges);
		}
		[...rangesByColour.keys()].forEach((colour) => this.typeFor(colour));
		for (const [colour, type] of this.types) {
			editor.setDecorations(type, rangesByColour.get(colour) ?? []);
		}
	}
}
