/**
 * The "Tags" view: every tag of the workspace (nested at `/`), with its colour and a count, and under it the
 * annotations carrying it, each with the letter it is in named as people name it (the server's catalogue name; the
 * file name until the letters are listed). It maps the stores' data (the server's answers) through `buildTagTree`.
 */
import * as vscode from 'vscode';
import type { AnnotationInfo } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import type { LettersStore } from '../letters/lettersStore';
import type { AnnotationStore } from './annotationStore';
import { annotationTreeItem, fileNameOf, swatchIcon } from './annotationItems';
import type { TagTreeNode } from './tagTreeModel';
import { buildTagTree } from './tagTreeModel';

/** A node of the Tags tree; commands of the context menus receive these. */
export type TagsTreeNode =
	| { readonly kind: 'tag'; readonly node: TagTreeNode }
	| { readonly kind: 'annotation'; readonly annotation: AnnotationInfo; readonly tag: string };

/** Whether a command argument is a tag node of the Tags view. */
export function isTagNode(argument: unknown): argument is Extract<TagsTreeNode, { kind: 'tag' }> {
	return typeof argument === 'object' && argument !== null && (argument as { kind?: unknown }).kind === 'tag';
}

/** Feeds the Tags view. */
export class TagsTree implements vscode.TreeDataProvider<TagsTreeNode> {
	private readonly changeEmitter = new vscode.EventEmitter<TagsTreeNode | undefined>();
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly treeView: vscode.TreeView<TagsTreeNode>;
	private roots: readonly TagTreeNode[] = [];

	constructor(private readonly ctx: Ctx, private readonly store: AnnotationStore, private readonly letters: LettersStore) {
		this.treeView = vscode.window.createTreeView('diplomaticLetters.tags', { treeDataProvider: this, showCollapseAll: true });
		ctx.pushCleanup(
			this.treeView, this.changeEmitter, store.onDidChange(() => this.rebuild()),
			letters.onDidChange(() => this.changeEmitter.fire(undefined)),
			letters.watch(() => this.treeView.visible && this.store.workspaceTags.length > 0),
			this.treeView.onDidChangeVisibility(({ visible }) => {
				if (visible) {
					letters.wake();
				}
			}),
		);
		this.rebuild();
	}

	getTreeItem(element: TagsTreeNode): vscode.TreeItem {
		if (element.kind === 'annotation') {
			const { annotation, tag } = element;
			return annotationTreeItem(annotation, {
				id: `tag:${tag}\u0000${annotation.uri}\u0000${annotation.id}`,
				description: this.letters.nameOf(annotation.uri) ?? fileNameOf(annotation.uri),
				colour: this.store.colourOf(tag),
				colours: this.store.tagColours,
				toRange: (info) => this.ctx.protocol2Code.asRange(info.range),
			});
		}
		const { node } = element;
		const hasChildren = node.children.length > 0 || node.annotations.length > 0;
		const item = new vscode.TreeItem(node.name, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
		item.id = `tag:${node.path}`;
		item.description = node.description === undefined ? String(node.count) : `${node.count} · ${node.description}`;
		item.iconPath = swatchIcon(node.colour);
		item.contextValue = node.isTag ? 'tag' : 'tagGroup';
		item.tooltip = `${node.path}: ${node.count === 1 ? '1 annotation' : `${node.count} annotations`}${node.description === undefined ? '' : `\n${node.description}`}`;
		return item;
	}

	getChildren(element?: TagsTreeNode): TagsTreeNode[] {
		if (element === undefined) {
			return this.roots.map((node) => ({ kind: 'tag', node }));
		}
		if (element.kind === 'annotation') {
			return [];
		}
		return [
			...element.node.children.map((node): TagsTreeNode => ({ kind: 'tag', node })),
			...element.node.annotations.map((annotation): TagsTreeNode => ({ kind: 'annotation', annotation, tag: element.node.path })),
		];
	}

	private rebuild(): void {
		this.roots = buildTagTree(this.store.workspaceTags, this.store.filter);
		if (this.roots.length > 0 && this.treeView.visible) {
			this.letters.wake();
		}
		this.treeView.description = this.store.filter === undefined ? undefined : `filter: ${this.store.filter}`;
		this.treeView.message = this.store.filter !== undefined && this.roots.length === 0 ? `No annotation matches "${this.store.filter}".` : undefined;
		this.changeEmitter.fire(undefined);
	}
}
