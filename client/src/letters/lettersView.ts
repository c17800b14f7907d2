/**
 * The "Letters" view: every letter of the folder, sorted by date and grouped by session/year, sender or agenda item,
 * with a filter. It maps the store's rows (the server's answer) through the pure `groupLetters`; the grouping is
 * remembered per workspace. VS Code tree views have no text box: "Filter Letters" asks in an input box, the filter
 * shows in the view's description, and "Clear Letters Filter" removes it (as the annotation views do).
 */
import * as vscode from 'vscode';
import type { LetterRow } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import type { LetterGroup, LetterGrouping } from './lettersModel';
import { groupLetters, isLetterGrouping, LETTER_GROUPINGS, letterRowDescription, letterRowTooltip } from './lettersModel';
import type { LettersStore } from './lettersStore';

/** The view's id (package.json). */
export const LETTERS_VIEW_ID = 'diplomaticLetters.letters';
/** The context key true while the Letters view is filtered (shows "Clear Letters Filter"). */
export const LETTERS_FILTER_CONTEXT_KEY = 'diplomaticLetters.lettersFilterActive';
/** The context key true once the server has listed the letters (the view's welcome text then gives way). */
const LOADED_CONTEXT_KEY = 'diplomaticLetters.lettersLoaded';
const GROUPING_STATE_KEY = 'diplomaticLetters.letters.grouping';
/** Up to this many letters shown, groups open expanded. */
const EXPANDED_UP_TO = 200;

/** A node of the Letters tree; a `letter` node is passed to the commands of its context menu. */
export type LettersNode =
	| { readonly kind: 'group'; readonly group: LetterGroup }
	| { readonly kind: 'letter'; readonly row: LetterRow; readonly groupKey: string };

/** Whether a command argument is a letter of the Letters view. */
export function isLetterNode(argument: unknown): argument is Extract<LettersNode, { kind: 'letter' }> {
	return typeof argument === 'object' && argument !== null && (argument as { kind?: unknown }).kind === 'letter' && 'row' in argument;
}

/** `letter.none` (no symbol: Set Document Symbol inline), `letter.masthead`, `letter.inferred`, … for the menus. */
function contextValueOf(row: LetterRow): string {
	return `letter.${row.identity ?? 'none'}`;
}

/** Feeds the Letters view. */
export class LettersView implements vscode.TreeDataProvider<LettersNode> {
	private readonly changeEmitter = new vscode.EventEmitter<LettersNode | undefined>();
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly treeView: vscode.TreeView<LettersNode>;
	private groups: readonly LetterGroup[] = [];
	private filterText: string | undefined;
	private groupingChoice: LetterGrouping;
	private loadedShown = false;

	constructor(private readonly ctx: Ctx, private readonly store: LettersStore) {
		const remembered = ctx.extensionContext.workspaceState.get<unknown>(GROUPING_STATE_KEY);
		this.groupingChoice = isLetterGrouping(remembered) ? remembered : 'session';
		this.treeView = vscode.window.createTreeView(LETTERS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
		ctx.pushCleanup(
			this.treeView,
			this.changeEmitter,
			store.onDidChange(() => this.rebuild()),
			store.watch(() => this.treeView.visible),
			this.treeView.onDidChangeVisibility(({ visible }) => {
				if (visible) {
					store.wake();
				}
			}),
		);
		this.rebuild();
	}

	/** How the rows are grouped now. */
	get grouping(): LetterGrouping {
		return this.groupingChoice;
	}

	/** The filter as typed, if any. */
	get filter(): string | undefined {
		return this.filterText;
	}

	/** Groups the rows another way, and remembers the choice for this workspace. */
	async setGrouping(grouping: LetterGrouping): Promise<void> {
		this.groupingChoice = grouping;
		await this.ctx.extensionContext.workspaceState.update(GROUPING_STATE_KEY, grouping);
		this.rebuild();
	}

	/** Sets (or clears, with `undefined` or blanks) the filter. */
	setFilter(filter: string | undefined): void {
		const trimmed = filter?.trim();
		this.filterText = trimmed === undefined || trimmed === '' ? undefined : trimmed;
		void vscode.commands.executeCommand('setContext', LETTERS_FILTER_CONTEXT_KEY, this.filterText !== undefined);
		this.rebuild();
	}

	getTreeItem(node: LettersNode): vscode.TreeItem {
		if (node.kind === 'group') {
			return this.groupItem(node.group);
		}
		return this.letterItem(node.row, node.groupKey);
	}

	getChildren(node?: LettersNode): LettersNode[] {
		if (node === undefined) {
			if (this.groupingChoice === 'none') {
				const only = this.groups[0];
				return only === undefined ? [] : only.rows.map((row) => ({ kind: 'letter', row, groupKey: only.key }));
			}
			return this.groups.map((group) => ({ kind: 'group', group }));
		}
		return node.kind === 'group' ? node.group.rows.map((row) => ({ kind: 'letter', row, groupKey: node.group.key })) : [];
	}

	private groupItem(group: LetterGroup): vscode.TreeItem {
		const shown = this.groups.reduce((sum, each) => sum + each.rows.length, 0);
		const state = shown <= EXPANDED_UP_TO || this.filterText !== undefined ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
		const item = new vscode.TreeItem(group.label, state);
		item.id = `group:${this.groupingChoice}:${group.key}`;
		item.description = `${group.rows.length}${group.description === undefined ? '' : ` · ${group.description}`}`;
		item.tooltip = `${group.label}${group.description === undefined ? '' : `: ${group.description}`}\n${group.rows.length === 1 ? '1 letter' : `${group.rows.length} letters`}`;
		item.iconPath = new vscode.ThemeIcon(this.groupingChoice === 'sender' ? 'person' : this.groupingChoice === 'agendaItem' ? 'list-ordered' : 'calendar');
		item.contextValue = 'letterGroup';
		return item;
	}

	private letterItem(row: LetterRow, groupKey: string): vscode.TreeItem {
		const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.None);
		item.id = `letter:${groupKey}\u0000${row.uri}`;
		item.description = letterRowDescription(row);
		item.resourceUri = vscode.Uri.parse(row.uri);
		item.iconPath = row.identity === null
			? new vscode.ThemeIcon('unverified', new vscode.ThemeColor('list.warningForeground'))
			: new vscode.ThemeIcon(row.kind === 'note-verbale' ? 'note' : 'mail');
		const tooltip = new vscode.MarkdownString();
		const [name, ...rest] = letterRowTooltip(row);
		tooltip.appendMarkdown('**');
		tooltip.appendText(name);
		tooltip.appendMarkdown('**');
		for (const line of rest) {
			tooltip.appendMarkdown('  \n');
			tooltip.appendText(line);
		}
		item.tooltip = tooltip;
		item.contextValue = contextValueOf(row);
		item.command = {
			title: 'Open the letter',
			command: 'vscode.open',
			arguments: [vscode.Uri.parse(row.uri), { selection: this.ctx.protocol2Code.asRange(row.range) } satisfies vscode.TextDocumentShowOptions],
		};
		return item;
	}

	private rebuild(): void {
		this.groups = groupLetters(this.store.rows, this.groupingChoice, this.filterText);
		const total = this.store.rows.length;
		const shown = new Set(this.groups.flatMap((group) => group.rows.map((row) => row.uri))).size;
		const grouping = LETTER_GROUPINGS.find((entry) => entry.grouping === this.groupingChoice)?.label.toLowerCase() ?? '';
		this.treeView.description = this.filterText === undefined ? `by ${grouping}` : `filter: ${this.filterText}`;
		this.treeView.message = this.messageFor(total, shown);
		if (this.store.loaded !== this.loadedShown) {
			this.loadedShown = this.store.loaded;
			void vscode.commands.executeCommand('setContext', LOADED_CONTEXT_KEY, this.store.loaded);
		}
		this.changeEmitter.fire(undefined);
	}

	private messageFor(total: number, shown: number): string | undefined {
		if (this.store.error !== undefined) {
			return this.store.error;
		}
		if (!this.store.loaded) {
			return undefined;
		}
		if (total === 0) {
			return this.store.indexing ? 'Reading the folder…' : 'No letters in this folder: .txt and .md files whose text is UN correspondence are listed here.';
		}
		if (this.filterText !== undefined) {
			return shown === 0 ? `No letter matches "${this.filterText}".` : `${shown} of ${total} letters match "${this.filterText}".`;
		}
		return this.store.indexing ? `Reading the folder… ${total} letters so far.` : undefined;
	}
}

/** Registers the Letters view's commands: group by, filter, clear the filter. */
export function registerLettersViewCommands(ctx: Ctx, view: LettersView): void {
	ctx.registerCommand('diplomaticLetters.groupLetters', async () => {
		const picked = await vscode.window.showQuickPick(
			LETTER_GROUPINGS.map((entry) => ({ label: entry.label, detail: entry.detail, grouping: entry.grouping, picked: entry.grouping === view.grouping, description: entry.grouping === view.grouping ? 'current' : undefined })),
			{ title: 'Group the letters by' },
		);
		if (picked !== undefined) {
			await view.setGrouping(picked.grouping);
		}
	});
	ctx.registerCommand('diplomaticLetters.filterLetters', async () => {
		const filter = await vscode.window.showInputBox({
			title: 'Filter Letters',
			prompt: 'Show the letters whose symbol, sender, date, addressees, sessions or agenda items contain every word (empty: show all).',
			placeHolder: 'e.g. Azerbaijan 2020, S/2020, item 34, no symbol',
			value: view.filter ?? '',
		});
		if (filter !== undefined) {
			view.setFilter(filter);
		}
	});
	ctx.registerCommand('diplomaticLetters.clearLettersFilter', () => view.setFilter(undefined));
}
