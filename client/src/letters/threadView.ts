/**
 * The "Thread" view: the correspondence thread of the active letter, as the server computes it
 * (`diplomaticLetters/thread`): the letters it answers or cites and the letters that answer or cite it, each in date
 * order and saying how (further to, in reply to, cites), and the whole exchange reached through those links.
 */
import * as vscode from 'vscode';
import type { LinkedLetter, ThreadResult } from '../../../server/src/protocol';
import { LettersChangedNotification, ThreadRequest } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { isLetterTextDocument } from '../languageSwitching';
import { plainErrorMessage } from '../restartPolicy';
import { letterTreeItem } from './letterItems';
import type { LinkDirection } from './threadModel';
import { linkExplanation, linkLabel } from './threadModel';

const VIEW_ID = 'diplomaticLetters.thread';

type Section = 'answers' | 'answeredBy' | 'exchange';

/** A node of the Thread tree. */
type ThreadNode =
	| { readonly kind: 'section'; readonly section: Section }
	| { readonly kind: 'linked'; readonly linked: LinkedLetter; readonly direction: LinkDirection }
	| { readonly kind: 'member'; readonly letter: ThreadResult['exchange'][number] };

const SECTION_LABELS: Readonly<Record<Section, string>> = { answers: 'Answers or cites', answeredBy: 'Answered or cited by', exchange: 'Whole exchange' };

/** Feeds the Thread view. */
export class ThreadView implements vscode.TreeDataProvider<ThreadNode> {
	private readonly changeEmitter = new vscode.EventEmitter<ThreadNode | undefined>();
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly treeView: vscode.TreeView<ThreadNode>;
	private thread: ThreadResult | undefined;
	private refreshTimer: ReturnType<typeof setTimeout> | undefined;
	private generation = 0;

	constructor(private readonly ctx: Ctx) {
		this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this });
		ctx.pushCleanup(
			this.treeView,
			this.changeEmitter,
			{ dispose: () => clearTimeout(this.refreshTimer) },
			this.treeView.onDidChangeVisibility(() => this.scheduleRefresh()),
			vscode.window.onDidChangeActiveTextEditor(() => this.scheduleRefresh()),
			ctx.onDidChangeServerState(() => this.scheduleRefresh()),
		);
		ctx.onNotification(LettersChangedNotification, () => this.scheduleRefresh());
	}

	getTreeItem(node: ThreadNode): vscode.TreeItem {
		const thread = this.thread;
		if (node.kind === 'section') {
			const count = thread === undefined ? 0 : node.section === 'exchange' ? thread.exchange.length : thread[node.section].length;
			const state = count === 0 ? vscode.TreeItemCollapsibleState.None : node.section === 'exchange' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
			const item = new vscode.TreeItem(SECTION_LABELS[node.section], state);
			// The letter is part of the id: each letter's sections open afresh (VS Code keeps the state of an id).
			item.id = `section:${thread?.letter.uri ?? ''}:${node.section}`;
			item.description = String(count);
			item.iconPath = new vscode.ThemeIcon(node.section === 'answers' ? 'arrow-left' : node.section === 'answeredBy' ? 'arrow-right' : 'list-flat');
			return item;
		}
		if (node.kind === 'linked') {
			const { linked, direction } = node;
			return letterTreeItem(this.ctx, linked.letter, {
				id: `${direction}:${linked.letter.uri}`,
				description: linkLabel(linked.kind, direction),
				tooltip: linkExplanation(linked.kind),
			});
		}
		const self = node.letter.uri === thread?.letter.uri;
		return letterTreeItem(this.ctx, node.letter, { id: `member:${node.letter.uri}`, ...(self ? { description: 'this letter' } : {}) });
	}

	getChildren(node?: ThreadNode): ThreadNode[] {
		const thread = this.thread;
		if (thread === undefined) {
			return [];
		}
		if (node === undefined) {
			return (['answers', 'answeredBy', 'exchange'] as const).map((section) => ({ kind: 'section', section }));
		}
		if (node.kind !== 'section') {
			return [];
		}
		if (node.section === 'exchange') {
			return thread.exchange.map((letter) => ({ kind: 'member', letter }));
		}
		const direction: LinkDirection = node.section === 'answers' ? 'out' : 'in';
		return thread[node.section].map((linked) => ({ kind: 'linked', linked, direction }));
	}

	private scheduleRefresh(): void {
		clearTimeout(this.refreshTimer);
		this.refreshTimer = setTimeout(() => void this.refresh(), 100);
	}

	/** Asks the server for the active letter's thread (only while the view is visible; kept while no editor is active). */
	private async refresh(): Promise<void> {
		if (!this.treeView.visible) {
			return;
		}
		const document = vscode.window.activeTextEditor?.document;
		if (document === undefined) {
			return;
		}
		const generation = ++this.generation;
		let thread: ThreadResult | undefined;
		let message: string | undefined;
		if (!isLetterTextDocument(document)) {
			message = 'The active file is not a letter.';
		} else {
			try {
				thread = (await this.ctx.request(ThreadRequest, { textDocument: { uri: document.uri.toString() } })) ?? undefined;
				message = thread === undefined ? 'The active file is not a letter of the folder.' : undefined;
			} catch (error) {
				message = `The thread could not be read: ${plainErrorMessage(error)}`;
			}
		}
		if (generation !== this.generation) {
			return;
		}
		this.thread = thread;
		if (thread !== undefined && thread.answers.length === 0 && thread.answeredBy.length === 0) {
			message = 'No letter of the folder answers or cites this one, and it answers or cites none.';
		} else if (thread?.truncated) {
			message = `The exchange is cut at ${thread.exchange.length} letters.`;
		}
		this.treeView.message = message;
		this.treeView.description = thread?.letter.name;
		this.changeEmitter.fire(undefined);
	}
}
