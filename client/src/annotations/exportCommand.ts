/**
 * Export Annotations: the server produces the files (W3C Web Annotation JSON-LD, CSV, or brat standoff, as the
 * command line's `annotations export`); the client asks what to export and where to save it.
 */
import * as vscode from 'vscode';
import { ExportAnnotationsRequest } from '../../../server/src/protocol';
import type { AnnotationExportFormat, ExportAnnotationsParams, ExportAnnotationsResult } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import type { AnnotationStore } from './annotationStore';
import { pickTags } from './tagPicker';

const FORMATS: readonly { readonly format: AnnotationExportFormat; readonly label: string; readonly detail: string }[] = [
	{ format: 'w3c', label: 'W3C Web Annotation (JSON-LD)', detail: 'One .jsonld file: every annotation with its text quote and position selectors.' },
	{ format: 'csv', label: 'CSV', detail: 'One .csv file: a row per annotation and tag, for spreadsheets.' },
	{ format: 'brat', label: 'brat standoff', detail: 'A .txt and an .ann file per letter, for annotation tools; saved into a folder.' },
];

type Scope = 'workspace' | 'letter' | 'tags';

async function pickScope(store: AnnotationStore): Promise<Pick<ExportAnnotationsParams, 'uris' | 'tags'> | undefined> {
	const active = store.activeLetterUri;
	const scopes: { label: string; scope: Scope }[] = [
		{ label: 'Every annotated letter of the workspace', scope: 'workspace' },
		...(active !== undefined && store.letter(active) !== undefined ? [{ label: 'The active letter only', scope: 'letter' as const }] : []),
		{ label: 'Only annotations with some tags…', scope: 'tags' },
	];
	const picked = await vscode.window.showQuickPick(scopes, { title: 'Export Annotations (2/2): which annotations?' });
	if (picked === undefined) {
		return undefined;
	}
	if (picked.scope === 'letter' && active !== undefined) {
		return { uris: [active] };
	}
	if (picked.scope === 'tags') {
		const tags = await pickTags(store, { title: 'Export the annotations with these tags', initial: [] });
		return tags === undefined ? undefined : { tags };
	}
	return {};
}

/**
 * Where the save dialog starts: the root of the workspace folder of the active letter (of the first folder without
 * one), never the letters' own sub-folder, so that an export does not land among the letters.
 */
function exportRoot(): vscode.Uri | undefined {
	const active = vscode.window.activeTextEditor?.document.uri;
	return (active === undefined ? undefined : vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** Saves the exported files: one through a save dialog, several into a chosen folder. The saved URIs, or none. */
async function saveFiles(result: ExportAnnotationsResult): Promise<vscode.Uri[]> {
	const encoder = new TextEncoder();
	const folder = exportRoot();
	if (result.files.length === 1) {
		const [file] = result.files;
		const target = await vscode.window.showSaveDialog({
			title: 'Export Annotations',
			...(folder === undefined ? {} : { defaultUri: vscode.Uri.joinPath(folder, file.name) }),
		});
		if (target === undefined) {
			return [];
		}
		await vscode.workspace.fs.writeFile(target, encoder.encode(file.content));
		return [target];
	}
	const chosen = await vscode.window.showOpenDialog({ title: `Export ${result.files.length} files into which folder?`, canSelectFiles: false, canSelectFolders: true, openLabel: 'Export Here', ...(folder === undefined ? {} : { defaultUri: folder }) });
	const directory = chosen?.[0];
	if (directory === undefined) {
		return [];
	}
	const targets = result.files.map((file) => vscode.Uri.joinPath(directory, file.name));
	const existing = (await Promise.all(targets.map(async (target) => vscode.workspace.fs.stat(target).then(() => target, () => undefined))))
		.filter((target): target is vscode.Uri => target !== undefined);
	if (existing.length > 0) {
		const overwrite = await vscode.window.showWarningMessage(`${existing.length} of the ${targets.length} files exist already in that folder. Replace them?`, { modal: true }, 'Replace');
		if (overwrite !== 'Replace') {
			return [];
		}
	}
	await Promise.all(result.files.map((file, index) => vscode.workspace.fs.writeFile(targets[index], encoder.encode(file.content))));
	return targets;
}

/** Registers Export Annotations. */
export function registerExportCommand(ctx: Ctx, store: AnnotationStore): void {
	ctx.registerCommand('diplomaticLetters.exportAnnotations', async () => {
		const format = await vscode.window.showQuickPick(FORMATS.map((entry) => ({ ...entry })), { title: 'Export Annotations (1/2): format', matchOnDetail: true });
		if (format === undefined) {
			return;
		}
		const scope = await pickScope(store);
		if (scope === undefined) {
			return;
		}
		const result = await ctx.request(ExportAnnotationsRequest, { format: format.format, ...scope });
		if (result === undefined) {
			void vscode.window.showErrorMessage('The Diplomatic Letters server is not running; nothing was exported.');
			return;
		}
		if (result.files.length === 0) {
			void vscode.window.showInformationMessage('There are no annotations to export.');
			return;
		}
		const saved = await saveFiles(result);
		if (saved.length === 0) {
			return;
		}
		const choice = await vscode.window.showInformationMessage(`Exported annotations to ${saved.length === 1 ? vscode.workspace.asRelativePath(saved[0]) : `${saved.length} files`}.`, 'Open');
		if (choice === 'Open') {
			await vscode.window.showTextDocument(saved[0]);
		}
	});
}
