/**
 * Document sync: open documents override their disk content in the index; their annotations follow every edit and
 * are stored on save; diagnostics are published (at once on open, at the next turn after edits) and cleared on close.
 */
import { check } from './requestGuards';
import { SIDECAR_SUFFIX } from '../node/sidecarFiles';
import { notifyAnnotationsChanged } from './annotationRequests';
import type { ServerContext } from './serverContext';

const opened = check.all(check.document, (params) => {
	const document = (params as { textDocument: { text?: unknown; version?: unknown; languageId?: unknown } }).textDocument;
	return typeof document.text === 'string' && typeof document.version === 'number' && typeof document.languageId === 'string' ? undefined : '`textDocument` must have `languageId`, `version` and `text`';
});
const changed = check.all(check.document, (params) => (Array.isArray((params as { contentChanges?: unknown }).contentChanges) ? undefined : '`contentChanges` must be a list'));

/** Registers didOpen, didChange, didSave and didClose. */
export function registerDocumentSync(context: ServerContext): void {
	const { connection, store, diagnostics, guard, annotations } = context;
	connection.onDidOpenTextDocument(guard.notification('textDocument/didOpen', opened, async (params) => {
		const uri = store.open(params.textDocument.uri, params.textDocument.languageId, params.textDocument.version, params.textDocument.text);
		diagnostics.schedule(uri, 0, params.textDocument.version);
		if (!uri.endsWith(SIDECAR_SUFFIX)) {
			store.reparseEditedDocuments();
			const held = await annotations.get(uri);
			if (held.state !== 'none') {
				diagnostics.schedule(uri, 0);
				notifyAnnotationsChanged(connection, [uri], () => held.revision);
			}
		}
	}));
	connection.onDidChangeTextDocument(guard.notification('textDocument/didChange', changed, (params) => {
		const edited = store.change(params.textDocument.uri, params.textDocument.version, params.contentChanges);
		if (edited) {
			annotations.applyEdits(edited.uri, edited.replacements);
			diagnostics.edited(edited.uri, params.textDocument.version);
		}
	}));
	connection.onDidSaveTextDocument(guard.notification('textDocument/didSave', check.document, async (params) => {
		await annotations.storePositions(context.reparseEdited(params.textDocument.uri));
	}));
	connection.onDidCloseTextDocument(guard.notification('textDocument/didClose', check.document, (params) => {
		diagnostics.clear(store.close(params.textDocument.uri));
	}));
}
