/**
 * The folder-wide views' requests (see `server/src/protocol/letters.ts`): the Letters view's rows with their
 * annotation and problem counts, a letter's thread, the exchanges between two senders, the letters under an agenda
 * item, the citation graph, and Set Document Symbol. The language service computes them; this file adds what only
 * the server holds (counts) and tells the client when the catalogue changed.
 */
import { existsSync } from 'node:fs';
import type { Connection } from 'vscode-languageserver';
import { packCitationGraph } from '../engine/workspace/packedGraph';
import type { LetterRow } from '../protocol';
import { AgendaItemLettersRequest, CitationGraphRequest, ExchangesRequest, LetterRequest, LettersChangedNotification, LettersRequest, SetDocumentSymbolRequest, ThreadRequest } from '../protocol';
import { onCustomRequest, onCustomRequest0, sendCustomNotification } from './customMessages';
import { pathOfUri, SIDECAR_SUFFIX } from './letterStore';
import type { ServerContext } from './server';
import { storeIdentityInSidecar } from './sidecarWriter';

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

/** Registers the folder-wide views' requests; `lettersChanged` is told when an identity is stored. */
export function registerLetterViewRequests(context: ServerContext, lettersChanged: LettersChangedNotifier): void {
	const { connection, service, store, prepare, annotations, status } = context;

	/** The number of annotations of a letter: from the annotations held, else from its sidecar if it has one. */
	const annotationCount = async (uri: string): Promise<number | null> => {
		const path = pathOfUri(uri);
		const held = annotations.peek(uri) ?? (path !== undefined && existsSync(`${path}${SIDECAR_SUFFIX}`) ? await annotations.get(uri) : undefined);
		if (held === undefined) {
			return 0;
		}
		return held.state === 'invalid' ? null : held.items.length;
	};

	onCustomRequest0(connection, LettersRequest, async () => {
		prepare('');
		const rows = service.provideLetterRows();
		const letters = await Promise.all(rows.map(async (row): Promise<LetterRow> => ({
			...row,
			annotations: await annotationCount(row.uri),
			problems: status.problemsOf(row.uri) ?? null,
		})));
		return { letters, indexing: !store.isIndexed };
	});
	onCustomRequest(connection, LetterRequest, (params) => service.provideLetterRef(prepare(params.textDocument.uri)) ?? null);
	onCustomRequest(connection, ThreadRequest, (params) => service.provideThread(prepare(params.textDocument.uri)) ?? null);
	onCustomRequest(connection, ExchangesRequest, (params) => {
		prepare('');
		return { links: service.provideExchanges(params.senderA, params.senderB) };
	});
	onCustomRequest(connection, AgendaItemLettersRequest, (params) => {
		prepare('');
		return { letters: service.provideLettersUnderAgendaItem(params.session, params.item) };
	});
	onCustomRequest0(connection, CitationGraphRequest, (token) => {
		prepare('');
		return packCitationGraph(service.provideCitationGraph(token));
	});
	onCustomRequest(connection, SetDocumentSymbolRequest, async (params) => {
		const uri = prepare(params.textDocument.uri);
		const checked = service.checkLetterSymbol(uri, params.symbol);
		if (!checked.ok) {
			return checked;
		}
		const written = await storeIdentityInSidecar(uri, checked.symbol);
		if (!written.ok) {
			return written;
		}
		store.sidecarChanged(uri);
		lettersChanged.schedule([uri]);
		return checked;
	});
}
