/**
 * The tag picker: a multi-select quick pick of the vocabulary's tags (first, with colours and descriptions) and the
 * tags used in the workspace, where typing a name that is not there offers it as a new tag. Several tags at once.
 */
import * as vscode from 'vscode';
import { swatchIcon } from './annotationItems';
import type { AnnotationStore } from './annotationStore';
import type { TagOrigin, TagPickEntry } from './tagInput';
import { buildTagPickEntries, mergeTagSelection, parseTypedTags } from './tagInput';

interface TagPickItem extends vscode.QuickPickItem {
	readonly entry?: TagPickEntry;
}

const GROUP_LABELS: Readonly<Record<TagOrigin, string>> = { new: 'New tags', vocabulary: 'Vocabulary', used: 'Used in the workspace' };

/**
 * The picker's items. The box filters the list by what is typed, so new tags and the tags named in the box are always
 * shown: with `allegation, ceasefire` typed, no label would match the whole text.
 */
function itemsOf(entries: readonly TagPickEntry[], typed: ReadonlySet<string>): TagPickItem[] {
	const items: TagPickItem[] = [];
	let group: TagOrigin | undefined;
	for (const entry of entries) {
		if (entry.origin !== group) {
			group = entry.origin;
			items.push({ label: GROUP_LABELS[group], kind: vscode.QuickPickItemKind.Separator });
		}
		const count = entry.origin === 'new' ? 'new tag' : entry.count === 1 ? '1 annotation' : `${entry.count} annotations`;
		items.push({
			label: entry.tag,
			description: entry.description === undefined ? count : `${count} · ${entry.description}`,
			iconPath: entry.origin === 'new' ? new vscode.ThemeIcon('add') : swatchIcon(entry.colour),
			alwaysShow: entry.origin === 'new' || typed.has(entry.tag),
			entry,
		});
	}
	return items;
}

/** What the picker shows. */
export interface TagPickerOptions {
	readonly title: string;
	/** Tags checked when the picker opens (an annotation's current tags). */
	readonly initial: readonly string[];
}

/** Lets the user choose tags; `undefined` when cancelled. Never resolves with an empty list. */
export function pickTags(store: AnnotationStore, options: TagPickerOptions): Promise<string[] | undefined> {
	return new Promise((resolve) => {
		const quickPick = vscode.window.createQuickPick<TagPickItem>();
		quickPick.title = options.title;
		quickPick.placeholder = 'Check tags, or type new ones (comma-separated)';
		quickPick.canSelectMany = true;
		quickPick.matchOnDescription = true;
		const known = new Set(store.workspaceTags.map((summary) => summary.tag));
		const chosen = new Set(options.initial);
		const created = options.initial.filter((tag) => !known.has(tag));
		let renderedAlways: string | undefined;
		let rendering = false;

		/** Quick picks have no validation message in the stable API: a problem is shown in the title. */
		const showProblem = (problem: string | undefined): void => {
			quickPick.title = problem === undefined ? options.title : `${options.title}: ${problem}`;
		};

		const render = (): void => {
			const entries = buildTagPickEntries({ summaries: store.workspaceTags, typed: quickPick.value, chosen, created });
			const typed = parseTypedTags(quickPick.value);
			showProblem(typed.rejected[0]?.problem);
			const shownAlways = [...entries.filter((entry) => entry.origin === 'new').map((entry) => entry.tag), '', ...typed.tags].join('\n');
			if (shownAlways === renderedAlways) {
				return;
			}
			renderedAlways = shownAlways;
			rendering = true;
			const items = itemsOf(entries, new Set(typed.tags));
			quickPick.items = items;
			quickPick.selectedItems = items.filter((item) => item.entry !== undefined && chosen.has(item.entry.tag));
			rendering = false;
		};

		quickPick.onDidChangeValue(render);
		quickPick.onDidChangeSelection((selected) => {
			if (rendering) {
				return;
			}
			const merged = mergeTagSelection([...chosen], selected.flatMap((item) => (item.entry === undefined ? [] : [item.entry.tag])));
			chosen.clear();
			merged.forEach((tag) => chosen.add(tag));
			for (const item of selected) {
				if (item.entry?.origin === 'new' && !created.includes(item.entry.tag)) {
					created.push(item.entry.tag);
				}
			}
		});
		quickPick.onDidAccept(() => {
			const typed = parseTypedTags(quickPick.value);
			const tags = chosen.size > 0 ? [...chosen] : [...typed.tags];
			if (tags.length === 0) {
				showProblem(typed.rejected[0]?.problem ?? 'Check at least one tag, or type a new one.');
				return;
			}
			resolve(tags);
			quickPick.hide();
		});
		quickPick.onDidHide(() => {
			resolve(undefined);
			quickPick.dispose();
		});
		render();
		quickPick.show();
	});
}
