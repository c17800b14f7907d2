/** LineIndex as it was before its line starts were found with indexOf (commit aafbcaf): the oracle of lineIndex.test.ts. */
import type { TextPosition } from '../../../server/src/engine/text/lineIndex';

export class PreviousLineIndex {
	private readonly lineStarts: number[];

	constructor(private readonly text: string) {
		const starts = [0];
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
