/**
 * The "This Letter" view: the annotations of the active letter in text order, orphans grouped at the end. It maps
 * the store's data (the server's answer) through the pure `orderLetterAnnotations` and the shared filter.
 */
import * as vscode from 'vscode';
import type { AnnotationInfo, DocumentAnnotationsResult } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import type { LettersStore } from '../letters/lettersStore';
import { matchesAnnotationFilter } from './annotationFilter';
import { annotationTreeItem } from './annotationItems';
import type { AnnotationStore } from './annotationStore';
import { orderLetterAnnotations } from './letterAnnotations';

/** A node of the This Letter tree. */
export type ThisLetterNode =
	| { readonly kind: 'annotation'; readonly annotation: AnnotationInfo }
	| { readonly kind: 'orphans'; readonly orphans: readonly AnnotationInfo[] };

/** Feeds the This Letter view. */
export class ThisLetterTree implements vscode.TreeDataProvider<ThisLetterNode> {
	private readonly changeEmitter = new vscode.EventEmitter<ThisLetterNode | undefined>();
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly treeView: vscode.TreeView<ThisLetterNode>;
	private nodes: readonly ThisLetterNode[] = [];

	constructor(private readonly ctx: Ctx, private readonly store: AnnotationStore, private readonly letters: LettersStore) {
		this.treeView = vscode.window.createTreeView('diplomaticLetters.thisLetter', { treeDataProvider: this });
		ctx.pushCleanup(
			this.treeView, this.changeEmitter, store.onDidChange(() => this.rebuild()), letters.onDidChange(() => this.rebuild()),
			letters.watch(() => this.treeView.visible),
			this.treeView.onDidChangeVisibility(({ visible }) => {
				if (visible) {
					letters.wake();
				}
			}),
		);
		this.rebuild();
	}

	getTreeItem(element: ThisLetterNode): vscode.TreeItem {
		if (element.kind === 'orphans') {
			const item = new vscode.TreeItem('Orphaned', vscode.TreeItemCollapsibleState.Expanded);
			item.id = 'orphans';
			item.description = String(element.orphans.length);
			item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));
			item.tooltip = 'Annotations whose text can no longer be found in the letter. Select the text they belong to and run "Attach Orphan to Selection".';
			return item;
		}
		const { annotation } = element;
		return annotationTreeItem(annotation, {
			id: `letter:${annotation.uri}\u0000${annotation.id}`,
			description: annotation.tags.join(', '),
			colour: this.store.colourOf(annotation.tags[0] ?? ''),
			colours: this.store.tagColours,
			toRange: (info) => this.ctx.protocol2Code.asRange(info.range),
		});
	}

	getChildren(element?: ThisLetterNode): ThisLetterNode[] {
		if (element === undefined) {
			return [...this.nodes];
		}
		return element.kind === 'orphans' ? element.orphans.map((annotation) => ({ kind: 'annotation', annotation })) : [];
	}

	private rebuild(): void {
		const uri = this.store.activeLetterUri;
		const letter = uri === undefined ? undefined : this.store.letter(uri);
		const filter = this.store.filter;
		const { attached, orphans } = orderLetterAnnotations((letter?.annotations ?? []).filter((annotation) => matchesAnnotationFilter(annotation, filter)));
		this.nodes = [
			...attached.map((annotation): ThisLetterNode => ({ kind: 'annotation', annotation })),
			...(orphans.length > 0 ? [{ kind: 'orphans', orphans } as const] : []),
		];
		// The letter as people name it (the server's catalogue name), and the filter when there is one.
		const name = uri === undefined ? undefined : this.letters.nameOf(uri);
		this.treeView.description = [name, filter === undefined ? undefined : `filter: ${filter}`].filter((part) => part !== undefined).join(' · ') || undefined;
		this.treeView.message = this.messageFor(letter, filter);
		this.changeEmitter.fire(undefined);
	}

	private messageFor(letter: DocumentAnnotationsResult | undefined, filter: string | undefined): string | undefined {
		if (letter === undefined) {
			return undefined;
		}
		if (letter.sidecarState === 'invalid') {
			const problem = letter.problems[0];
			const where = problem === undefined ? '' : ` (line ${problem.range.start.line + 1}: ${problem.message})`;
			return `The annotation file of this letter is not valid${where}; it is not changed until it is fixed.`;
		}
		if (letter.sidecarState === 'unreadable') {
			return `${letter.problems[0]?.message ?? 'The annotation file of this letter cannot be read'}; it is left exactly as it is.`;
		}
		if (letter.annotations.length === 0) {
			return 'No annotations in this letter yet: select text and run "Annotate Selection".';
		}
		if (filter !== undefined && this.nodes.length === 0) {
			return `No annotation of this letter matches "${filter}".`;
		}
		return undefined;
	}
}
