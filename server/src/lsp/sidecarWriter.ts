/** Writes a letter's identity into its sidecar, with the annotation engine's format-preserving edit. */
import { basename } from 'node:path';
import { setLetterSymbol } from '../engine/annotations';
import { updateSidecarFile } from '../node/sidecarFiles';
import { pathOfUri } from './letterStore';

/** Stores `document.symbol` in the sidecar of the letter at `uri` (creating the sidecar when missing); never overwrites a broken sidecar. */
export async function storeIdentityInSidecar(uri: string, symbol: string): Promise<{ ok: true } | { ok: false; message: string }> {
	const path = pathOfUri(uri);
	if (path === undefined) {
		return { ok: false, message: 'Only letters saved as files can have a sidecar.' };
	}
	try {
		const result = await updateSidecarFile(path, (text) => setLetterSymbol(text, symbol), { createForLetter: basename(path) });
		if (result.ok) {
			return { ok: true };
		}
		return { ok: false, message: result.reason === 'invalid' ? `The sidecar of ${basename(path)} is invalid and was left unchanged: ${result.problems.map((problem) => problem.message).join('; ')}` : result.message };
	} catch (error) {
		return { ok: false, message: `Could not write the sidecar of ${basename(path)}: ${error instanceof Error ? error.message : String(error)}` };
	}
}
