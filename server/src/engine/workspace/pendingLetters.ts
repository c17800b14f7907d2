/**
 * Letters a bulk fill left for later: taken out of `pending` one at a time and entered (those still in the index),
 * until `enough()` says to stop.
 * @returns true when none is left.
 */
export function enterPendingLetters<Entry>(pending: Set<string>, entryOf: (uri: string) => Entry | undefined, enter: (entry: Entry) => void, enough: () => boolean): boolean {
	for (const uri of pending) {
		pending.delete(uri);
		const entry = entryOf(uri);
		if (entry) {
			enter(entry);
		}
		if (enough()) {
			return pending.size === 0;
		}
	}
	return true;
}
