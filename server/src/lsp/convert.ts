/** Converts the language service's answers to LSP types. */
import type { CallHierarchyIncomingCall, CallHierarchyItem, CallHierarchyOutgoingCall, CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, LocationLink, WorkspaceSymbol } from 'vscode-languageserver';
import { CodeActionKind, CompletionItemKind, DiagnosticSeverity, DiagnosticTag, FoldingRangeKind, MarkupKind, SymbolKind } from 'vscode-languageserver';
import type { Severity } from '../engine/diagnostics/codes';
import type { LetterHierarchyCall, LetterHierarchyItem } from '../engine/languageFeatures/callHierarchy';
import type { LetterCodeAction } from '../engine/languageFeatures/codeActions';
import type { CitedByLens } from '../engine/languageFeatures/codeLens';
import type { LetterCompletion } from '../engine/languageFeatures/completion';
import type { DefinitionLink } from '../engine/languageFeatures/definitions';
import type { PlacedDiagnostic } from '../engine/languageFeatures/diagnostics';
import type { LetterDocumentLink } from '../engine/languageFeatures/documentLinks';
import type { OutlineEntry, OutlineKind } from '../engine/languageFeatures/documentOutline';
import type { LetterFoldingRange } from '../engine/languageFeatures/folding';
import type { LetterSymbol } from '../engine/languageFeatures/workspaceSymbols';
import { IgnoreSymbolCommand, ShowCitingLettersCommand, StoreIdentityCommand } from '../protocol';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'diplomatic-letters';

/** The LSP severity of each of the engine's severities. */
export const DIAGNOSTIC_SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** An LSP diagnostic for a placed letter diagnostic. */
export function toLspDiagnostic(placed: PlacedDiagnostic): Diagnostic {
	const { diagnostic } = placed;
	return {
		range: placed.range,
		severity: DIAGNOSTIC_SEVERITIES[diagnostic.severity],
		code: diagnostic.code,
		source: DIAGNOSTIC_SOURCE,
		message: diagnostic.message,
		tags: diagnostic.code === 'footnote-unreferenced' ? [DiagnosticTag.Unnecessary] : undefined,
		relatedInformation: placed.related.length > 0 ? placed.related.map((item) => ({ location: item.location, message: item.message })) : undefined,
	};
}

/** LSP location links for definitions. */
export function toLocationLinks(links: readonly DefinitionLink[]): LocationLink[] {
	return links.map((link) => ({ originSelectionRange: link.originRange, targetUri: link.targetUri, targetRange: link.targetRange, targetSelectionRange: link.targetSelectionRange }));
}

/** LSP document links. */
export function toDocumentLinks(links: readonly LetterDocumentLink[]): DocumentLink[] {
	return links.map((link) => ({ range: link.range, target: link.target, tooltip: link.tooltip }));
}

const OUTLINE_KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
	header: SymbolKind.Namespace,
	masthead: SymbolKind.Key,
	session: SymbolKind.Event,
	agenda: SymbolKind.Enum,
	'agenda-item': SymbolKind.EnumMember,
	title: SymbolKind.Class,
	'closing-request': SymbolKind.Method,
	signature: SymbolKind.Constructor,
	footnotes: SymbolKind.Array,
	footnote: SymbolKind.String,
	annex: SymbolKind.Module,
	'note-verbale-part': SymbolKind.Field,
};

/** LSP document symbols (hierarchical) for the outline. */
export function toDocumentSymbols(entries: readonly OutlineEntry[]): DocumentSymbol[] {
	return entries.map((entry) => ({
		name: entry.name,
		detail: entry.detail,
		kind: OUTLINE_KINDS[entry.kind],
		range: entry.range,
		selectionRange: entry.selectionRange,
		children: toDocumentSymbols(entry.children),
	}));
}

/** LSP workspace symbols for letters. */
export function toWorkspaceSymbols(symbols: readonly LetterSymbol[]): WorkspaceSymbol[] {
	return symbols.map((symbol) => ({ name: symbol.name, containerName: symbol.detail, kind: SymbolKind.File, location: symbol.location }));
}

/** An LSP call hierarchy item for a letter; the URI travels in `data` too, so incoming/outgoing requests find it again. */
export function toCallHierarchyItem(item: LetterHierarchyItem): CallHierarchyItem {
	return { name: item.name, detail: item.detail, kind: SymbolKind.File, uri: item.uri, range: item.range, selectionRange: item.selectionRange, data: { uri: item.uri } };
}

/** LSP incoming calls: each letter citing the item's letter, with the ranges of its citations. */
export function toIncomingCalls(calls: readonly LetterHierarchyCall[]): CallHierarchyIncomingCall[] {
	return calls.map((call) => ({ from: toCallHierarchyItem(call.letter), fromRanges: [...call.fromRanges] }));
}

/** LSP outgoing calls: each workspace letter the item's letter cites, with the ranges (in the item's letter) of the citations. */
export function toOutgoingCalls(calls: readonly LetterHierarchyCall[]): CallHierarchyOutgoingCall[] {
	return calls.map((call) => ({ to: toCallHierarchyItem(call.letter), fromRanges: [...call.fromRanges] }));
}

/** LSP completion items. */
export function toCompletionItems(items: readonly LetterCompletion[]): CompletionItem[] {
	return items.map((item) => ({
		label: item.label,
		kind: item.kind === 'symbol' ? CompletionItemKind.Reference : CompletionItemKind.EnumMember,
		detail: item.detail,
		documentation: item.documentation,
		sortText: item.sortText,
		filterText: item.insertText,
		textEdit: { range: item.range, newText: item.insertText },
	}));
}

/** LSP folding ranges. */
export function toFoldingRanges(ranges: readonly LetterFoldingRange[]): FoldingRange[] {
	return ranges.map((range) => ({
		startLine: range.startLine,
		endLine: range.endLine,
		kind: range.kind === 'comment' ? FoldingRangeKind.Comment : range.kind === 'imports' ? FoldingRangeKind.Imports : FoldingRangeKind.Region,
	}));
}

/** LSP code lenses; the command lists the citing letters (run by the client). */
export function toCodeLenses(uri: string, lenses: readonly CitedByLens[]): CodeLens[] {
	return lenses.map((lens) => ({
		range: lens.range,
		command: { title: lens.title, command: ShowCitingLettersCommand.id, arguments: [uri, lens.range.start, lens.citations] },
	}));
}

/** LSP code actions: quick fixes with edits of the letter, or commands (ignore a symbol: client; store identity: server). */
export function toCodeActions(uri: string, actions: readonly LetterCodeAction[], diagnostics: readonly Diagnostic[]): CodeAction[] {
	return actions.map((action) => {
		const fixes = action.fixes;
		const fixed = fixes && diagnostics.filter((diagnostic) => diagnostic.code === fixes.code
			&& diagnostic.range.start.line === fixes.range.start.line && diagnostic.range.start.character === fixes.range.start.character);
		const command = action.command?.kind === 'ignore-symbol'
			? { title: action.title, command: IgnoreSymbolCommand.id, arguments: [action.command.symbol, uri] }
			: action.command?.kind === 'store-identity'
				? { title: action.title, command: StoreIdentityCommand.id, arguments: [uri, action.command.symbol] }
				: undefined;
		return {
			title: action.title,
			kind: CodeActionKind.QuickFix,
			isPreferred: action.isPreferred || undefined,
			diagnostics: fixed && fixed.length > 0 ? fixed : undefined,
			edit: action.edits ? { changes: { [uri]: action.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } } : undefined,
			command,
		};
	});
}

/** Markdown hover contents. */
export function markdown(value: string): { kind: typeof MarkupKind.Markdown; value: string } {
	return { kind: MarkupKind.Markdown, value };
}
