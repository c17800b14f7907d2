/** A position in a text as a zero-based line and a zero-based UTF-16 character offset within that line (LSP's default). */
export interface TextPosition {
	line: number;
	character: number;
}

/**
 * Converts between string offsets and line/character positions. Lines end at `\n`, `\r\n` or a lone `\r`;
 * the line terminator belongs to the line it ends.
 */
export class LineIndex {
	private readonly lineStarts: number[];

	constructor(private readonly text: string) {
		const starts = [0];
		if (text.indexOf('\r') < 0) {
			// Only `\n` ends lines: found by the engine's string search rather than by testing every character.
			for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
				starts.push(i + 1);
			}
			this.lineStarts = starts;
			return;
		}
		for (let i = 0; i < text.length; i++) {
			const ch = text.charCodeAt(i);
			if (ch === 13 /* \r */) {
				if (text.charCodeAt(i + 1) === 10) {
					i++;
				}
				starts.push(i + 1);
			} else if (ch === 10 /* \n */) {
				starts.push(i + 1);
			}
		}
		this.lineStarts = starts;
	}

	/** Number of lines (an empty text has one). */
	get lineCount(): number {
		return this.lineStarts.length;
	}

	/** The position of a string offset; offsets outside the text are clamped. */
	positionAt(offset: number): TextPosition {
		const clamped = Math.max(0, Math.min(offset, this.text.length));
		let low = 0;
		let high = this.lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.lineStarts[mid] <= clamped) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		return { line: low, character: clamped - this.lineStarts[low] };
	}

	/** The string offset of a position; positions outside the text are clamped to it. */
	offsetAt(position: TextPosition): number {
		if (position.line < 0) {
			return 0;
		}
		if (position.line >= this.lineStarts.length) {
			return this.text.length;
		}
		const lineStart = this.lineStarts[position.line];
		const nextLineStart = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
		return Math.max(lineStart, Math.min(lineStart + position.character, nextLineStart));
	}
}

/**
 * The position of one offset, found by scanning the text up to it with the same line endings as {@link LineIndex};
 * keeps no index (for a position near the start of many texts, such as each letter's title in a catalogue).
 */
export function positionInText(text: string, offset: number): TextPosition {
	const clamped = Math.max(0, Math.min(offset, text.length));
	let line = 0;
	let lineStart = 0;
	for (let i = 0; i < clamped; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 13 /* \r */) {
			if (text.charCodeAt(i + 1) === 10) {
				if (i + 1 >= clamped) {
					break;
				}
				i++;
			}
			line++;
			lineStart = i + 1;
		} else if (ch === 10 /* \n */) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, character: clamped - lineStart };
}
