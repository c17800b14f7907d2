/**
 * The folder-wide views' requests (see `server/src/protocol/letters.ts`): the Letters view's rows with their
 * annotation and problem counts, a letter's thread, the exchanges between two senders, the letters under an agenda
 * item, the citation graph, and Set Document Symbol. The language service computes them; this file adds what only
 * the server holds (counts) and tells the client when the catalogue changed.
 */
import type { Connection } from 'vscode-languageserver';
import { packCitationGraph } from '../engine/workspace/packedGraph';
import type { LetterRow, SetDocumentSymbolResult } from '../protocol';
import { AgendaItemLettersRequest, CitationGraphRequest, ExchangesRequest, LetterRequest, LettersChangedNotification, LettersRequest, SetDocumentSymbolRequest, ThreadRequest } from '../protocol';
import { onCustomRequest, onCustomRequest0, sendCustomNotification } from './customMessages';
import { pathOfUri } from './letterStore';
import type { ParamsCheck } from './requestGuards';
import { check } from './requestGuards';
import type { ServerContext } from './serverContext';

/** How long changes are gathered before the client is told (typing, a burst of file events, a count pass). */
export const LETTERS_CHANGED_DELAY_MS = 500;

/** Tells the client that the catalogue changed, at most once per {@link LETTERS_CHANGED_DELAY_MS}. */
export class LettersChangedNotifier {
	private timer: NodeJS.Timeout | undefined;
	private readonly uris = new Set<string>();
	private many = false;

	constructor(private readonly connection: Connection) {}

	/** Some letters' rows changed (none given: many did). */
	schedule(uris: readonly string[] = []): void {
		if (uris.length === 0) {
			this.many = true;
		}
		uris.forEach((uri) => this.uris.add(uri));
		if (this.timer === undefined) {
			this.timer = setTimeout(() => this.flush(), LETTERS_CHANGED_DELAY_MS);
		}
	}

	/** Stops a pending notification (on shutdown). */
	dispose(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
	}

	private flush(): void {
		this.timer = undefined;
		const uris = this.many ? [] : [...this.uris];
		this.uris.clear();
		this.many = false;
		sendCustomNotification(this.connection, LettersChangedNotification, { uris });
	}
}

/** `senderA` and `senderB` are strings. */
const checkSenders: ParamsCheck = check.all(check.string('senderA'), check.string('senderB'));

/** `session` and `item` are positive whole numbers. */
const checkAgendaItem: ParamsCheck = (params) => {
	const value = params as { session?: unknown; item?: unknown } | null;
	const whole = (number: unknown) => typeof number === 'number' && Number.isInteger(number) && number > 0;
	return typeof value === 'object' && value !== null && whole(value.session) && whole(value.item) ? undefined : '`session` and `item` must be positive whole numbers';
};

/** Registers the folder-wide views' requests. */
export function registerLetterViewRequests(context: ServerContext): void {
	const { connection, guard, service, store, reparseEdited, annotations, owner, status, lettersChanged } = context;

	/** The number of annotations of a letter: from the annotations held, else from the sidecar owner's summary. */
	const annotationCount = (uri: string): number | null => {
		const held = annotations.peek(uri);
		if (held !== undefined) {
			return held.state === 'invalid' ? null : held.items.length;
		}
		const path = pathOfUri(uri);
		const summary = path === undefined ? undefined : owner.summary(path);
		if (summary === undefined || summary.kind === 'missing') {
			return 0;
		}
		return summary.kind === 'valid' ? summary.annotations ?? 0 : null;
	};

	onCustomRequest0(connection, guard, LettersRequest, () => {
		reparseEdited('');
		const letters = service.provideLetterRows().map((row): LetterRow => ({
			...row,
			annotations: annotationCount(row.uri),
			problems: status.problemsOf(row.uri) ?? null,
		}));
		return { letters, indexing: !store.isIndexed };
	});
	onCustomRequest(connection, guard, LetterRequest, check.document, (params) => service.provideLetterRef(reparseEdited(params.textDocument.uri)) ?? null);
	onCustomRequest(connection, guard, ThreadRequest, check.document, (params) => service.provideThread(reparseEdited(params.textDocument.uri)) ?? null);
	onCustomRequest(connection, guard, ExchangesRequest, checkSenders, (params) => {
		reparseEdited('');
		return { links: service.provideExchanges(params.senderA, params.senderB) };
	});
	onCustomRequest(connection, guard, AgendaItemLettersRequest, checkAgendaItem, (params) => {
		reparseEdited('');
		return { letters: service.provideLettersUnderAgendaItem(params.session, params.item) };
	});
	onCustomRequest0(connection, guard, CitationGraphRequest, () => {
		reparseEdited('');
		return packCitationGraph(service.provideCitationGraph());
	});
	onCustomRequest(connection, guard, SetDocumentSymbolRequest, check.all(check.document, check.string('symbol')), async (params): Promise<SetDocumentSymbolResult> => {
		const uri = reparseEdited(params.textDocument.uri);
		const path = pathOfUri(uri);
		if (path === undefined) {
			return { ok: false, message: 'Only letters saved as files have a sidecar to store their symbol in.' };
		}
		const checked = service.checkLetterSymbol(uri, params.symbol);
		if (!checked.ok) {
			return checked;
		}
		const written = await owner.storeIdentity(path, checked.symbol);
		if (!written.ok) {
			return written;
		}
		store.sidecarChanged(uri);
		await annotations.reload(uri, 'sidecar-changed');
		lettersChanged.schedule([uri]);
		return checked;
	});
}
