/**
 * Commands on tags: Rename Tag (across the workspace, through the server, sub-tags included) and Set Tag Colour
 * (written by the client into `.diplomatic-letters/tags.yaml`, the workspace's configuration, keeping the rest of
 * the file as it was).
 */
import * as vscode from 'vscode';
import { RenameTagRequest } from '../../../server/src/protocol';
import type { RenameTagResult } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { swatchIcon } from './annotationItems';
import type { AnnotationStore } from './annotationStore';
import { setTagColour, TAG_VOCABULARY_PATH } from '../../../server/src/engine/annotations/tagVocabulary';
import { TAG_PALETTE, normaliseHexColour } from './tagColours';
import { tagNameProblem, tagRenames } from './tagInput';
import { isTagNode } from './tagsTree';

/** The tag a command was given (a Tags view node, or a tag name), else one the user picks. */
async function resolveTag(store: AnnotationStore, argument: unknown, title: string): Promise<string | undefined> {
	if (isTagNode(argument)) {
		return argument.node.path;
	}
	if (typeof argument === 'string' && argument !== '') {
		return argument;
	}
	if (store.workspaceTags.length === 0) {
		void vscode.window.showInformationMessage('There are no tags in this workspace yet.');
		return undefined;
	}
	const picked = await vscode.window.showQuickPick(
		store.workspaceTags.map((summary) => ({ label: summary.tag, description: String(summary.count), iconPath: swatchIcon(store.colourOf(summary.tag)) })),
		{ title },
	);
	return picked?.label;
}

function describeRename(results: readonly RenameTagResult[]): { changed: number; failed: RenameTagResult['failed'] } {
	const changed = new Set(results.flatMap((result) => result.changed)).size;
	return { changed, failed: results.flatMap((result) => result.failed) };
}

/** The workspace folder whose vocabulary holds a tag: that of a letter using it, else the first folder. */
function vocabularyFolder(store: AnnotationStore, tag: string): vscode.WorkspaceFolder | undefined {
	const uri = store.workspaceTags.find((summary) => summary.tag === tag)?.annotations[0]?.uri;
	return (uri === undefined ? undefined : vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))) ?? vscode.workspace.workspaceFolders?.[0];
}

/** The current text of a file: its open document's (unsaved edits included), else the file's; `undefined` if missing. */
async function currentText(uri: vscode.Uri): Promise<string | undefined> {
	const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
	if (open !== undefined) {
		return open.getText();
	}
	try {
		return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
	} catch (error) {
		if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
			return undefined;
		}
		throw error;
	}
}

/** Writes a file: through its open document when it is open (so the editor and its undo stay right), else to disk. */
async function writeText(uri: vscode.Uri, text: string): Promise<void> {
	const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
	if (open === undefined) {
		await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
		return;
	}
	const edit = new vscode.WorkspaceEdit();
	edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
	if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) {
		throw new Error(`${TAG_VOCABULARY_PATH} could not be saved.`);
	}
}

async function pickColour(tag: string, current: string): Promise<string | undefined> {
	const custom = { label: 'Custom colour…', description: 'type #rrggbb', iconPath: new vscode.ThemeIcon('edit') };
	const picked = await vscode.window.showQuickPick(
		[...TAG_PALETTE.map((colour) => ({ label: colour, description: colour === current ? 'current' : undefined, iconPath: swatchIcon(colour) })), custom],
		{ title: `Set Tag Colour of "${tag}"` },
	);
	if (picked === undefined || picked !== custom) {
		return picked?.label;
	}
	return vscode.window.showInputBox({
		title: `Set Tag Colour of "${tag}"`,
		prompt: 'A colour as #rrggbb or #rgb',
		value: current,
		validateInput: (value) => (normaliseHexColour(value) === undefined ? 'Write the colour as #rrggbb, for example #dd1144.' : undefined),
	});
}

/** Registers Rename Tag and Set Tag Colour. */
export function registerTagCommands(ctx: Ctx, store: AnnotationStore): void {
	ctx.registerCommand('diplomaticLetters.renameTag', async (argument?: unknown) => {
		const from = await resolveTag(store, argument, 'Rename which tag?');
		if (from === undefined) {
			return;
		}
		const to = await vscode.window.showInputBox({
			title: `Rename Tag "${from}"`,
			prompt: 'The new name, in every annotation of the workspace (tags below it are renamed too).',
			value: from,
			validateInput: (value) => tagNameProblem(value.trim()),
		});
		const renames = to === undefined ? [] : tagRenames(store.workspaceTags.map((summary) => summary.tag), from, to.trim());
		if (renames.length === 0) {
			return;
		}
		const results: RenameTagResult[] = [];
		for (const rename of renames) {
			const result = await ctx.request(RenameTagRequest, rename);
			if (result === undefined) {
				void vscode.window.showErrorMessage('The Diplomatic Letters server is not running; nothing was renamed.');
				return;
			}
			results.push(result);
		}
		const { changed, failed } = describeRename(results);
		store.refresh(results.flatMap((result) => result.changed));
		if (failed.length > 0) {
			const files = failed.map((failure) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(failure.uri))}: ${failure.message}`);
			void vscode.window.showWarningMessage(`"${from}" was renamed in ${changed} file(s) but not in ${failed.length}: ${files.join('; ')}`);
		} else {
			vscode.window.setStatusBarMessage(`Renamed "${from}" to "${to?.trim() ?? ''}" in ${changed} annotation file(s).`, 5000);
		}
	}, { writes: true });

	ctx.registerCommand('diplomaticLetters.setTagColour', async (argument?: unknown) => {
		const tag = await resolveTag(store, argument, 'Set the colour of which tag?');
		if (tag === undefined) {
			return;
		}
		const folder = vocabularyFolder(store, tag);
		if (folder === undefined) {
			void vscode.window.showInformationMessage('Open a folder first: the tag vocabulary lives in its .diplomatic-letters/tags.yaml.');
			return;
		}
		const colour = await pickColour(tag, store.colourOf(tag));
		if (colour === undefined) {
			return;
		}
		const uri = vscode.Uri.joinPath(folder.uri, TAG_VOCABULARY_PATH);
		const edit = setTagColour(await currentText(uri), tag, colour);
		if (!edit.ok) {
			void vscode.window.showErrorMessage(edit.message, 'Open tags.yaml').then((choice) => {
				if (choice !== undefined) {
					void vscode.window.showTextDocument(uri);
				}
			});
			return;
		}
		await writeText(uri, edit.text);
		store.applyColour(tag, normaliseHexColour(colour) ?? colour);
	}, { writes: true });
}
