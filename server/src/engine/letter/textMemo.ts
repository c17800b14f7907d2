/**
 * Memos of pure readings of short texts (a title's sender, an office's name): the same few names recur in every
 * letter of a record, and reading one again (split words joined, the State found, an office compared letter by letter
 * with each known office) costs more than a lookup. Each memo keeps at most `kept` entries and is emptied when full;
 * its keys (and a value that is the text itself) are copies, so a memo never keeps a letter's text alive.
 */
export function memoizeText<T>(read: (text: string) => T, kept = 4096): (text: string) => T {
	const memo = new Map<string, T>();
	return (text: string) => {
		if (memo.has(text)) {
			return memo.get(text) as T;
		}
		const value = read(text);
		if (memo.size >= kept) {
			memo.clear();
		}
		const key = `${text} `.slice(0, -1);
		memo.set(key, (value as unknown) === text ? (key as T) : value);
		return value;
	};
}
