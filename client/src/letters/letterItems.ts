/** Tree items shared by the Thread and Exchanges views: a letter named as people name it, opening at its title. */
import * as vscode from 'vscode';
import type { LetterReference } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';

/** The command that opens a letter at its masthead or title. */
export function openLetterCommand(ctx: Ctx, letter: LetterReference): vscode.Command {
	return {
		title: 'Open the letter',
		command: 'vscode.open',
		arguments: [vscode.Uri.parse(letter.uri), { selection: ctx.protocol2Code.asRange(letter.range) } satisfies vscode.TextDocumentShowOptions],
	};
}

/** A tree item for a letter: its name as label, the given words (else the file name) as description, click opens it. */
export function letterTreeItem(ctx: Ctx, letter: LetterReference, options: { id: string; description?: string; tooltip?: string; collapsible?: vscode.TreeItemCollapsibleState }): vscode.TreeItem {
	const item = new vscode.TreeItem(letter.name, options.collapsible ?? vscode.TreeItemCollapsibleState.None);
	item.id = options.id;
	item.description = options.description === undefined ? letter.fileName : `${options.description} · ${letter.fileName}`;
	item.iconPath = new vscode.ThemeIcon(letter.identity === null ? 'unverified' : 'mail');
	item.tooltip = [letter.name, letter.fileName, ...(options.tooltip === undefined ? [] : ['', options.tooltip])].join('\n');
	item.command = openLetterCommand(ctx, letter);
	item.contextValue = `letter.${letter.identity ?? 'none'}`;
	return item;
}
