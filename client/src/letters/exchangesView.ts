/**
 * The "Exchanges" view: a timeline the user asks for, either the exchanges between two States ("Show Exchanges
 * Between Two States": every letter of one that answers or cites a letter of the other, in date order, with what it
 * answers) or the letters under one agenda item ("Show Letters Under an Agenda Item"). The commands ask which States
 * or which item from the senders and items of the folder's letters, then the server computes the timeline.
 */
import * as vscode from 'vscode';
import type { LetterReference } from '../../../server/src/protocol';
import { AgendaItemLettersRequest, ExchangesRequest, LettersChangedNotification } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { plainErrorMessage } from '../restartPolicy';
import { letterTreeItem } from './letterItems';
import { agendaItemChoices, senderChoices } from './lettersModel';
import type { LettersStore } from './lettersStore';
import type { TimelineEntry } from './threadModel';
import { exchangeTimeline, linkExplanation, linkLabel } from './threadModel';

const VIEW_ID = 'diplomaticLetters.exchanges';

/** What the view shows: the question asked, for asking again when the letters change. */
type Timeline =
	| { readonly kind: 'exchanges'; readonly senderA: string; readonly senderB: string; readonly entries: readonly TimelineEntry[] }
	| { readonly kind: 'agendaItem'; readonly session: number; readonly item: number; readonly title: string | null; readonly letters: readonly LetterReference[] };

type ExchangesNode =
	| { readonly kind: 'entry'; readonly entry: TimelineEntry }
	| { readonly kind: 'link'; readonly from: string; readonly letter: LetterReference; readonly linkKind: TimelineEntry['links'][number]['kind'] }
	| { readonly kind: 'letter'; readonly letter: LetterReference };

/** Feeds the Exchanges view. */
export class ExchangesView implements vscode.TreeDataProvider<ExchangesNode> {
	private readonly changeEmitter = new vscode.EventEmitter<ExchangesNode | undefined>();
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly treeView: vscode.TreeView<ExchangesNode>;
	private timeline: Timeline | undefined;

	constructor(private readonly ctx: Ctx) {
		this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this });
		ctx.pushCleanup(this.treeView, this.changeEmitter);
		ctx.onNotification(LettersChangedNotification, () => {
			if (this.timeline !== undefined && this.treeView.visible) {
				void this.ask(this.timeline);
			}
		});
	}

	getTreeItem(node: ExchangesNode): vscode.TreeItem {
		if (node.kind === 'entry') {
			const { entry } = node;
			const description = entry.links.length === 1 ? `${linkLabel(entry.links[0].kind, 'out')} ${entry.links[0].letter.name}` : `answers ${entry.links.length} letters`;
			return letterTreeItem(this.ctx, entry.letter, { id: `entry:${entry.letter.uri}`, description, collapsible: vscode.TreeItemCollapsibleState.Collapsed });
		}
		if (node.kind === 'link') {
			return letterTreeItem(this.ctx, node.letter, { id: `link:${node.from}\u0000${node.letter.uri}`, description: linkLabel(node.linkKind, 'out'), tooltip: linkExplanation(node.linkKind) });
		}
		return letterTreeItem(this.ctx, node.letter, { id: `letter:${node.letter.uri}` });
	}

	getChildren(node?: ExchangesNode): ExchangesNode[] {
		const timeline = this.timeline;
		if (timeline === undefined) {
			return [];
		}
		if (node === undefined) {
			return timeline.kind === 'exchanges'
				? timeline.entries.map((entry) => ({ kind: 'entry', entry }))
				: timeline.letters.map((letter) => ({ kind: 'letter', letter }));
		}
		return node.kind === 'entry' ? node.entry.links.map((link) => ({ kind: 'link', from: node.entry.letter.uri, letter: link.letter, linkKind: link.kind })) : [];
	}

	/** Shows the exchanges between two senders. */
	async showExchanges(senderA: string, senderB: string): Promise<void> {
		await this.ask({ kind: 'exchanges', senderA, senderB, entries: [] });
	}

	/** Shows the letters under an agenda item of a GA session. */
	async showAgendaItem(session: number, item: number, title: string | null): Promise<void> {
		await this.ask({ kind: 'agendaItem', session, item, title, letters: [] });
	}

	private async ask(question: Timeline): Promise<void> {
		let timeline: Timeline | undefined;
		let message: string | undefined;
		try {
			if (question.kind === 'exchanges') {
				const result = await this.ctx.request(ExchangesRequest, { senderA: question.senderA, senderB: question.senderB });
				timeline = result && { ...question, entries: exchangeTimeline(result.links) };
				message = timeline?.kind === 'exchanges' && timeline.entries.length === 0 ? `No letter of ${question.senderA} answers or cites one of ${question.senderB} in this folder, nor the other way.` : undefined;
			} else {
				const result = await this.ctx.request(AgendaItemLettersRequest, { session: question.session, item: question.item });
				timeline = result && { ...question, letters: result.letters };
				message = result?.letters.length === 0 ? `No letter of the folder lists item ${question.item} of General Assembly session ${question.session}.` : undefined;
			}
		} catch (error) {
			message = `The timeline could not be read: ${plainErrorMessage(error)}`;
		}
		if (timeline === undefined && message === undefined) {
			message = 'The Diplomatic Letters server is not running.';
		}
		this.timeline = timeline;
		this.treeView.title = 'Exchanges';
		this.treeView.description = question.kind === 'exchanges' ? `${question.senderA} ↔ ${question.senderB}` : `GA ${question.session} · item ${question.item}${question.title === null ? '' : `: ${question.title}`}`;
		this.treeView.message = message;
		this.changeEmitter.fire(undefined);
		await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
	}
}

/** Registers the commands that ask which States or which agenda item, then fill the Exchanges view. */
export function registerExchangesCommands(ctx: Ctx, store: LettersStore, view: ExchangesView): void {
	ctx.registerCommand('diplomaticLetters.showExchanges', async () => {
		const senders = senderChoices(await store.current());
		if (senders.length < 2) {
			void vscode.window.showInformationMessage('The folder holds letters of fewer than two senders: there is no exchange to show.');
			return;
		}
		const items = (exclude?: string) => senders.filter((entry) => entry.sender !== exclude).map((entry) => ({ label: entry.sender, description: entry.letters === 1 ? '1 letter' : `${entry.letters} letters`, sender: entry.sender }));
		const first = await vscode.window.showQuickPick(items(), { title: 'Show Exchanges (1/2): the first State', matchOnDescription: true });
		if (first === undefined) {
			return;
		}
		const second = await vscode.window.showQuickPick(items(first.sender), { title: `Show Exchanges (2/2): between ${first.sender} and…` });
		if (second !== undefined) {
			await view.showExchanges(first.sender, second.sender);
		}
	});
	ctx.registerCommand('diplomaticLetters.showAgendaItemLetters', async () => {
		const choices = agendaItemChoices(await store.current());
		if (choices.length === 0) {
			void vscode.window.showInformationMessage('No letter of the folder lists a General Assembly agenda item in its header.');
			return;
		}
		const picked = await vscode.window.showQuickPick(
			choices.map((choice) => ({ label: `GA ${choice.session} · item ${choice.item}`, description: choice.title ?? '', detail: choice.letters === 1 ? '1 letter' : `${choice.letters} letters`, choice })),
			{ title: 'Show Letters Under an Agenda Item', matchOnDescription: true, placeHolder: 'Type a number or words of the title' },
		);
		if (picked !== undefined) {
			await view.showAgendaItem(picked.choice.session, picked.choice.item, picked.choice.title);
		}
	});
}
