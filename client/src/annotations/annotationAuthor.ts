/**
 * The `author` written in new annotations: the setting `diplomaticLetters.annotations.author`. While it is empty, the
 * first annotation asks for it once, proposing the name git knows (`git config user.name` in the workspace folder),
 * and stores the answer in the user settings; an empty answer or Escape writes no author and is not asked again.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

const ASKED_STATE_KEY = 'diplomaticLetters.annotations.authorAsked';
const GIT_TIMEOUT_MS = 2_000;

function configuredAuthor(): string | undefined {
	const author = vscode.workspace.getConfiguration('diplomaticLetters.annotations').get<string>('author', '').trim();
	return author === '' ? undefined : author;
}

/** `git config user.name` as git answers in `folder`; undefined when git is missing, slow or has no name. */
function gitUserName(folder: string | undefined): Promise<string | undefined> {
	return new Promise((resolve) => {
		execFile('git', ['config', 'user.name'], { cwd: folder, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
			const name = error ? '' : stdout.trim();
			resolve(name === '' ? undefined : name);
		});
	});
}

/** The author for a new annotation of the letter at `uri`, asking once while the setting is empty. */
export async function annotationAuthor(ctx: Ctx, uri: vscode.Uri): Promise<string | undefined> {
	const configured = configuredAuthor();
	if (configured !== undefined || ctx.extensionContext.globalState.get<boolean>(ASKED_STATE_KEY) === true) {
		return configured;
	}
	const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
	const fromGit = await gitUserName(folder?.scheme === 'file' ? folder.fsPath : undefined);
	const answer = await vscode.window.showInputBox({
		title: 'Your name in annotations',
		prompt: `Written as the author of your annotations and in exports; kept in the setting diplomaticLetters.annotations.author${fromGit === undefined ? '' : ' (proposed: git\'s user.name)'}. Leave empty to write no author.`,
		value: fromGit ?? '',
		placeHolder: 'e.g. J. Doe',
		ignoreFocusOut: true,
	});
	await ctx.extensionContext.globalState.update(ASKED_STATE_KEY, true);
	const name = answer?.trim() ?? '';
	if (name === '') {
		return undefined;
	}
	await vscode.workspace.getConfiguration('diplomaticLetters.annotations').update('author', name, vscode.ConfigurationTarget.Global);
	return name;
}
