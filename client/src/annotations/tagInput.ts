/**
 * Choosing tags: what may be a tag name, reading tags typed in a box, and the ordered entries of the tag picker
 * (vocabulary tags first, then tags used in the workspace, with new typed tags offered on top). Pure: no `vscode`.
 */
import type { TagSummary } from '../../../server/src/protocol';
import { tagColour } from './tagColours';

/** Characters a tag name cannot hold (as in the tag vocabulary's schema): whitespace, commas, brackets, braces, quotes, `#`. */
const FORBIDDEN_IN_TAG = /[\s,[\]{}#"']/;

/** Why a name cannot be a tag, or `undefined` when it can. */
export function tagNameProblem(name: string): string | undefined {
	if (name.length === 0) {
		return 'A tag cannot be empty.';
	}
	if (FORBIDDEN_IN_TAG.test(name)) {
		return `"${name}" cannot be a tag: tags hold no spaces, commas, brackets, braces, quotes or "#".`;
	}
	if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) {
		return `"${name}" cannot be a tag: "/" separates the levels of a tag, as in legal/self-defence.`;
	}
	return undefined;
}

/** Tags typed in a box, separated by commas or spaces: the valid ones (each once, in order) and the rejected ones. */
export interface TypedTags {
	readonly tags: readonly string[];
	readonly rejected: readonly { readonly name: string; readonly problem: string }[];
}

/** Reads tags typed in a box (`allegation, legal/self-defence casualty-figure`). */
export function parseTypedTags(value: string): TypedTags {
	const tags: string[] = [];
	const rejected: { name: string; problem: string }[] = [];
	for (const name of value.split(/[\s,]+/).filter((part) => part.length > 0)) {
		const problem = tagNameProblem(name);
		if (problem !== undefined) {
			rejected.push({ name, problem });
		} else if (!tags.includes(name)) {
			tags.push(name);
		}
	}
	return { tags, rejected };
}

/** Where a tag offered by the picker comes from. */
export type TagOrigin = 'new' | 'vocabulary' | 'used';

/** One entry of the tag picker. */
export interface TagPickEntry {
	readonly tag: string;
	readonly origin: TagOrigin;
	readonly colour: string;
	readonly description?: string;
	/** Annotations of the workspace carrying the tag. */
	readonly count: number;
	/** Whether the entry is checked. */
	readonly picked: boolean;
}

/** Whether a tag comes from `.diplomatic-letters/tags.yaml`, as the server read it. */
export function isVocabularyTag(summary: TagSummary): boolean {
	return summary.inVocabulary;
}

/** What the picker knows when it lists its entries. */
export interface TagPickState {
	/** The workspace's tags from the server. */
	readonly summaries: readonly TagSummary[];
	/** What is typed in the picker's box. */
	readonly typed: string;
	/** Tags checked so far. */
	readonly chosen: ReadonlySet<string>;
	/** New tags offered earlier (kept so that clearing the box does not drop a checked new tag). */
	readonly created: readonly string[];
}

/**
 * The picker's entries: new tags (typed now or earlier, unknown to the workspace) first, then the vocabulary's tags,
 * then the other tags used in the workspace, each group by name; checked when in `chosen`.
 */
export function buildTagPickEntries(state: TagPickState): TagPickEntry[] {
	const known = new Set(state.summaries.map((summary) => summary.tag));
	const newTags = [...state.created, ...parseTypedTags(state.typed).tags]
		.filter((tag, index, all) => !known.has(tag) && all.indexOf(tag) === index);
	const entries: TagPickEntry[] = newTags.map((tag) => ({ tag, origin: 'new', colour: tagColour(tag), count: 0, picked: state.chosen.has(tag) }));
	const byName = [...state.summaries].sort((a, b) => a.tag.localeCompare(b.tag));
	for (const origin of ['vocabulary', 'used'] as const) {
		for (const summary of byName.filter((candidate) => isVocabularyTag(candidate) === (origin === 'vocabulary'))) {
			entries.push({
				tag: summary.tag,
				origin,
				colour: tagColour(summary.tag, summary.colour),
				...(summary.description === undefined ? {} : { description: summary.description }),
				count: summary.count,
				picked: state.chosen.has(summary.tag),
			});
		}
	}
	return entries;
}

/** One rename of a workspace-wide tag rename. */
export interface TagRename {
	readonly from: string;
	readonly to: string;
}

/**
 * The renames that renaming `from` to `to` implies: the tag itself (when used) and every tag below it, so that
 * `legal` → `law` also turns `legal/self-defence` into `law/self-defence`. Empty when nothing changes.
 */
export function tagRenames(workspaceTags: readonly string[], from: string, to: string): TagRename[] {
	if (from === to) {
		return [];
	}
	const renames: TagRename[] = [];
	for (const tag of workspaceTags) {
		if (tag === from) {
			renames.push({ from, to });
		} else if (tag.startsWith(`${from}/`)) {
			renames.push({ from: tag, to: `${to}${tag.slice(from.length)}` });
		}
	}
	if (!renames.some((rename) => rename.from === from)) {
		renames.unshift({ from, to });
	}
	return renames;
}

/**
 * The tags chosen after the picker's checked items changed: those still checked keep their order (an annotation's
 * existing tags stay first), newly checked ones follow in the order listed.
 */
export function mergeTagSelection(chosen: readonly string[], checked: readonly string[]): string[] {
	const checkedSet = new Set(checked);
	const kept = chosen.filter((tag) => checkedSet.has(tag));
	return [...kept, ...checked.filter((tag, index) => !kept.includes(tag) && checked.indexOf(tag) === index)];
}
