/**
 * The "Citations" view (Explorer): what the active letter cites — resolved, inferred, unresolved — and which
 * workspace letters cite it. The server computes everything (`diplomaticLetters/citations`); this file only asks
 * for it when the active letter or the index changes, and maps the answer to tree items.
 */
import * as vscode from 'vscode';
import type { CitationTarget, CitationsResult, IncomingCitation } from '../../server/src/protocol';
import { CitationsRequest, StatusNotification } from '../../server/src/protocol';
import type { CitedSymbol } from './citationsModel';
import { citedSymbolDescription, describeCitationStatus, groupCitationsBySymbol } from './citationsModel';
import type { Ctx } from './ctx';
import { humanDate } from './letters/lettersModel';
import { plainErrorMessage } from './restartPolicy';

/** A node of the Citations tree. Nodes of kind `citation` are passed to the commands of its context menu. */
export type CitationNode =
	| { readonly kind: 'group'; readonly group: 'cites' | 'citedBy' }
	| { readonly kind: 'citation'; readonly documentUri: string; readonly cited: CitedSymbol }
	| { readonly kind: 'target'; readonly target: CitationTarget }
	| { readonly kind: 'citingLetter'; readonly incoming: IncomingCitation };

/** Whether a command argument is a cited symbol of the Citations view. */
export function isCitationNode(argument: unknown): argument is Extract<CitationNode, { kind: 'citation' }> {
	return typeof argument === 'object' && argument !== null && (argument as { kind?: unknown }).kind === 'citation';
}

const REFRESH_DELAY_MS = 500;
const VIEW_ID = 'diplomaticLetters.citations';

const STATUS_ICONS: Readonly<Record<CitedSymbol['status'], vscode.ThemeIcon>> = {
	resolved: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
	inferred: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
	unresolved: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('disabledForeground')),
};

/** Feeds the Citations view. */
export class CitationsView implements vscode.TreeDataProvider<CitationNode> {
	private readonly changeEmitter = new vscode.EventEmitter<CitationNode | undefined>();
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly treeView: vscode.TreeView<CitationNode>;
	private result: CitationsResult | undefined;
	private refreshTimer: ReturnType<typeof setTimeout> | undefined;
	private generation = 0;

	constructor(private readonly ctx: Ctx) {
		this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this });
		ctx.pushCleanup(
			this.treeView,
			this.changeEmitter,
			{ dispose: () => clearTimeout(this.refreshTimer) },
			this.treeView.onDidChangeVisibility(() => this.scheduleRefresh(0)),
			vscode.window.onDidChangeActiveTextEditor(() => this.scheduleRefresh(0)),
			vscode.workspace.onDidChangeTextDocument((event) => {
				if (event.document === vscode.window.activeTextEditor?.document) {
					this.scheduleRefresh(REFRESH_DELAY_MS);
				}
			}),
			ctx.onDidChangeServerState(() => this.scheduleRefresh(0)),
		);
		ctx.onNotification(StatusNotification, () => this.scheduleRefresh(REFRESH_DELAY_MS));
	}

	getTreeItem(node: CitationNode): vscode.TreeItem {
		switch (node.kind) {
			case 'group':
				return this.groupItem(node.group);
			case 'citation':
				return this.citationItem(node);
			case 'target':
				return this.targetItem(node.target);
			case 'citingLetter':
				return this.citingLetterItem(node.incoming);
		}
	}

	getChildren(node?: CitationNode): CitationNode[] {
		const result = this.result;
		if (result === undefined || !result.isLetter) {
			return [];
		}
		if (node === undefined) {
			return [{ kind: 'group', group: 'cites' }, { kind: 'group', group: 'citedBy' }];
		}
		if (node.kind === 'group' && node.group === 'cites') {
			return groupCitationsBySymbol(result.cites).map((cited) => ({ kind: 'citation', documentUri: result.uri, cited }));
		}
		if (node.kind === 'group') {
			return result.citedBy.map((incoming) => ({ kind: 'citingLetter', incoming }));
		}
		if (node.kind === 'citation' && node.cited.occurrences[0].targets.length > 1) {
			return node.cited.occurrences[0].targets.map((target) => ({ kind: 'target', target }));
		}
		return [];
	}

	private groupItem(group: 'cites' | 'citedBy'): vscode.TreeItem {
		const count = group === 'cites' ? groupCitationsBySymbol(this.result?.cites ?? []).length : this.result?.citedBy.length ?? 0;
		const item = new vscode.TreeItem(group === 'cites' ? 'Cites' : 'Cited by', count > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
		item.id = `group:${group}`;
		item.description = String(count);
		item.iconPath = new vscode.ThemeIcon(group === 'cites' ? 'arrow-right' : 'arrow-left');
		return item;
	}

	private citationItem(node: Extract<CitationNode, { kind: 'citation' }>): vscode.TreeItem {
		const { cited } = node;
		const first = cited.occurrences[0];
		const several = first.targets.length > 1;
		const item = new vscode.TreeItem(cited.symbol, several ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
		item.id = `cites:${cited.symbol}`;
		item.description = citedSymbolDescription(cited);
		item.iconPath = STATUS_ICONS[cited.status];
		item.contextValue = 'citation';
		const tooltip = new vscode.MarkdownString();
		tooltip.appendMarkdown(`**${cited.symbol}**: ${describeCitationStatus(cited.status)}`);
		if (cited.citedDate !== undefined) {
			tooltip.appendMarkdown(`\n\nCited with the date ${humanDate(cited.citedDate)}`);
		}
		for (const target of first.targets) {
			tooltip.appendMarkdown('\n\n');
			tooltip.appendText(`${target.name} (${target.fileName})${target.title === undefined ? '' : `: ${target.title}`}`);
		}
		tooltip.appendMarkdown(`\n\nCited ${cited.occurrences.length === 1 ? 'once' : `${cited.occurrences.length} times`} in this letter${first.footnote === undefined ? '' : ` (first in footnote ${first.footnote})`}.`);
		item.tooltip = tooltip;
		const target = first.targets.length === 1 ? first.targets[0] : undefined;
		item.command = target === undefined
			? openCommand('Go to the citation', node.documentUri, first.range, this.ctx)
			: openCommand('Open the cited letter', target.uri, target.range, this.ctx);
		return item;
	}

	private targetItem(target: CitationTarget): vscode.TreeItem {
		const item = new vscode.TreeItem(target.name, vscode.TreeItemCollapsibleState.None);
		item.description = target.fileName;
		item.iconPath = new vscode.ThemeIcon('mail');
		item.tooltip = `${target.name}\n${target.fileName}${target.title === undefined ? '' : `\n\n${target.title}`}`;
		item.command = openCommand('Open the cited letter', target.uri, target.range, this.ctx);
		return item;
	}

	private citingLetterItem(incoming: IncomingCitation): vscode.TreeItem {
		const item = new vscode.TreeItem(incoming.name, vscode.TreeItemCollapsibleState.None);
		item.id = `citedBy:${incoming.uri}`;
		item.description = incoming.fileName;
		item.iconPath = new vscode.ThemeIcon('mail');
		item.contextValue = 'citingLetter';
		item.tooltip = `${incoming.name} (${incoming.fileName}) cites ${incoming.symbol} ${incoming.ranges.length === 1 ? 'once' : `${incoming.ranges.length} times`}.${incoming.title === undefined ? '' : `\n\n${incoming.title}`}`;
		const firstRange = incoming.ranges[0];
		item.command = openCommand('Open the citing letter', incoming.uri, firstRange, this.ctx);
		return item;
	}

	private scheduleRefresh(delayMs: number): void {
		clearTimeout(this.refreshTimer);
		this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
	}

	/** Asks the server for the active document's citations (only while the view is visible; kept while no editor is active). */
	private async refresh(): Promise<void> {
		if (!this.treeView.visible) {
			return;
		}
		const document = vscode.window.activeTextEditor?.document;
		if (document === undefined) {
			return;
		}
		const generation = ++this.generation;
		let result: CitationsResult | undefined;
		let message: string | undefined;
		try {
			result = await this.ctx.request(CitationsRequest, { textDocument: { uri: document.uri.toString() } });
			message = result === undefined || result.isLetter ? undefined : 'The active file is not a letter.';
		} catch (error) {
			message = `The citations could not be read: ${plainErrorMessage(error)}`;
		}
		if (generation !== this.generation) {
			return;
		}
		this.result = result;
		this.treeView.message = message;
		this.treeView.description = result?.isLetter ? result.name : undefined;
		this.changeEmitter.fire(undefined);
	}
}

/** A tree item command that opens a document with a range selected (`undefined` range: the top of the file). */
export function openCommand(title: string, uri: string, range: CitationTarget['range'] | undefined, ctx: Ctx): vscode.Command {
	const options: vscode.TextDocumentShowOptions = range === undefined ? {} : { selection: ctx.protocol2Code.asRange(range) };
	return { title, command: 'vscode.open', arguments: [vscode.Uri.parse(uri), options] };
}
