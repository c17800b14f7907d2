/**
 * "Show Citation Graph": a webview panel that draws the folder's letters and what they cite. The server computes the
 * graph (`diplomaticLetters/citationGraph`); the panel sends it to the webview script (dist/graphView.js), sends it
 * again when the folder changes (the drawn letters keep their places), and opens the letter the user clicks.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { CitationGraphRequest, LettersChangedNotification } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { plainErrorMessage } from '../restartPolicy';
import { graphPageHtml, makeNonce } from './graphHtml';
import type { HostToGraphMessage } from './graphModel';
import { isGraphToHostMessage } from './graphModel';

const VIEW_TYPE = 'diplomaticLetters.citationGraph';

/** The one citation graph panel (shown again, not duplicated, when the command runs twice). */
export class CitationGraphPanel {
	private panel: vscode.WebviewPanel | undefined;
	private ready = false;
	private stale = false;
	private generation = 0;

	constructor(private readonly ctx: Ctx) {
		ctx.onNotification(LettersChangedNotification, () => {
			if (this.panel === undefined) {
				return;
			}
			if (this.panel.visible) {
				void this.sendGraph();
			} else {
				this.stale = true;
			}
		});
		ctx.pushCleanup({
			dispose: () => {
				this.panel?.dispose();
			},
		});
	}

	/** Opens the panel (or reveals it) and draws the graph. */
	show(): void {
		if (this.panel !== undefined) {
			this.panel.reveal();
			return;
		}
		const distFolder = vscode.Uri.joinPath(this.ctx.extensionContext.extensionUri, 'dist');
		const mediaFolder = vscode.Uri.joinPath(this.ctx.extensionContext.extensionUri, 'media');
		const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Citation Graph', vscode.ViewColumn.Active, {
			enableScripts: true,
			retainContextWhenHidden: true,
			localResourceRoots: [distFolder, mediaFolder],
		});
		this.panel = panel;
		this.ready = false;
		panel.iconPath = vscode.Uri.joinPath(mediaFolder, 'annotations.svg');
		panel.webview.html = graphPageHtml({
			scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(distFolder, 'graphView.js')).toString(),
			styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaFolder, 'graphView.css')).toString(),
			cspSource: panel.webview.cspSource,
			nonce: makeNonce((length) => randomBytes(length)),
		});
		panel.webview.onDidReceiveMessage((message: unknown) => void this.received(message));
		panel.onDidChangeViewState(() => {
			if (panel.visible && this.stale) {
				void this.sendGraph();
			}
		});
		panel.onDidDispose(() => {
			this.panel = undefined;
		});
	}

	private async received(message: unknown): Promise<void> {
		if (!isGraphToHostMessage(message)) {
			return;
		}
		switch (message.type) {
			case 'ready':
				this.ready = true;
				await this.sendGraph();
				return;
			case 'open':
				await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.Beside, preview: false });
				return;
			case 'rendered':
				this.ctx.outputChannel.info(`Citation graph: ${message.nodes} letters and ${message.edges} links drawn in ${message.renderMs} ms.`);
				return;
			case 'laidOut':
				this.ctx.outputChannel.info(`Citation graph: layout ran ${message.layoutMs} ms (${message.steps} steps, ${message.frames} frames).`);
		}
	}

	private async sendGraph(): Promise<void> {
		const panel = this.panel;
		if (panel === undefined || !this.ready) {
			return;
		}
		this.stale = false;
		const generation = ++this.generation;
		let message: HostToGraphMessage;
		try {
			const graph = await this.ctx.request0(CitationGraphRequest);
			message = graph === undefined ? { type: 'error', message: 'The Diplomatic Letters server is not running.' } : { type: 'graph', graph };
		} catch (error) {
			message = { type: 'error', message: `The citation graph could not be computed: ${plainErrorMessage(error)}` };
		}
		if (generation === this.generation && this.panel === panel) {
			await panel.webview.postMessage(message);
		}
	}
}

/** Registers "Show Citation Graph". */
export function registerCitationGraphCommand(ctx: Ctx): void {
	const panel = new CitationGraphPanel(ctx);
	ctx.registerCommand('diplomaticLetters.showCitationGraph', () => panel.show());
}
