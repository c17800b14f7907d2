/**
 * The HTML of the citation graph webview, under a strict content security policy: nothing is allowed by default;
 * the one script runs by its nonce, styles and images come from the webview's own resources, and the layout's web
 * worker is made from that script's own code (a `blob:` URL, as graphology's worker supervisor creates it). No
 * network source appears anywhere. Pure: no `vscode` import.
 */

/** What the page is built from. */
export interface GraphPageResources {
	/** The bundled script (`dist/graphView.js`) as a webview URI. */
	readonly scriptUri: string;
	/** The style sheet (`media/graphView.css`) as a webview URI. */
	readonly styleUri: string;
	/** The webview's own resource origin (`webview.cspSource`). */
	readonly cspSource: string;
	/** A fresh random nonce for the script. */
	readonly nonce: string;
}

/** The content security policy of the page. */
export function graphContentSecurityPolicy(resources: Pick<GraphPageResources, 'cspSource' | 'nonce'>): string {
	return [
		"default-src 'none'",
		`script-src 'nonce-${resources.nonce}'`,
		`style-src ${resources.cspSource}`,
		`img-src ${resources.cspSource} data:`,
		`font-src ${resources.cspSource}`,
		'worker-src blob:',
	].join('; ');
}

/** A random nonce (base64 of 16 random bytes from `random`, which must give bytes 0–255). */
export function makeNonce(random: (length: number) => Uint8Array): string {
	return Buffer.from(random(16)).toString('base64').replace(/[+/=]/g, (character) => ({ '+': '-', '/': '_', '=': '' })[character] ?? '');
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The page: a toolbar with the two filters and the layout button, the graph, and the legend. */
export function graphPageHtml(resources: GraphPageResources): string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(graphContentSecurityPolicy(resources))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttribute(resources.styleUri)}">
<title>Citation Graph</title>
</head>
<body data-state="loading">
<header>
<label>Session or year <select id="organ" disabled><option value="-1">Every session and year</option></select></label>
<label>Agenda item <select id="agendaItem" disabled><option value="-1">Every agenda item</option></select></label>
<button id="layout" type="button">Run layout</button>
<span id="status" role="status" aria-live="polite">Loading the letters…</span>
</header>
<main>
<div id="graph" role="img" aria-label="Citation graph of the folder's letters: click a letter to open it"><div id="empty" hidden>No letters in this folder.</div></div>
<aside aria-label="Legend">
<h2>Senders</h2>
<ul id="legend"></ul>
<ul class="edges">
<li class="further-to">further to</li>
<li class="refers-to">in reply to</li>
<li class="cites">cites</li>
</ul>
</aside>
</main>
<script nonce="${escapeAttribute(resources.nonce)}" src="${escapeAttribute(resources.scriptUri)}"></script>
</body>
</html>
`;
}
