import { codePointToUtf16Offset, parseSidecar, reanchorAnnotations } from '../annotations';
import type { Finding } from './codes';

/** The findings of a letter's annotation sidecar: those shown on the letter, and those shown on the sidecar itself. */
export interface SidecarFindings {
	readonly onLetter: Finding[];
	readonly onSidecar: Finding[];
}

function shorten(text: string, length = 60): string {
	const collapsed = text.replace(/\s+/g, ' ').trim();
	return collapsed.length > length ? `${collapsed.slice(0, length - 1)}…` : collapsed;
}

/** Where an orphan used to be: its stored position, kept inside the letter (the text there is no longer its quote). */
function formerRange(letterText: string, start: number, end: number): { start: number; end: number } {
	const from = codePointToUtf16Offset(letterText, Math.max(0, start)) ?? letterText.length;
	const to = codePointToUtf16Offset(letterText, Math.max(start, end)) ?? letterText.length;
	return { start: Math.min(from, letterText.length), end: Math.min(Math.max(from, to), letterText.length) };
}

/**
 * `sidecar-invalid` and `annotation-orphaned` (SPEC): a sidecar that does not parse or fails the schema is reported on
 * each of its problems and once on the letter; in a valid sidecar, each annotation whose text can no longer be found
 * in the letter is reported on the letter, where it used to be.
 */
export function checkSidecar(letterText: string, sidecarText: string, sidecarName: string): SidecarFindings {
	const parsed = parseSidecar(sidecarText);
	if (!parsed.ok) {
		const onSidecar = parsed.problems.map((problem): Finding => ({
			code: 'sidecar-invalid',
			range: problem.range,
			message: `${problem.message.replace(/\.$/, '')}. Correct the sidecar: until it is valid its annotations are not shown and it is never written.`,
		}));
		const [first, ...more] = parsed.problems;
		const onLetter: Finding[] = [{
			code: 'sidecar-invalid',
			range: { start: 0, end: 0 },
			message: `The annotation sidecar ${sidecarName} is invalid: ${shorten(first.message, 160).replace(/\.$/, '')}${more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'})` : ''}. Correct it to see this letter's annotations again.`,
		}];
		return { onLetter, onSidecar };
	}
	const annotations = parsed.sidecar.annotations;
	const onLetter: Finding[] = [];
	reanchorAnnotations(letterText, annotations).forEach((result, i) => {
		if (result.status !== 'orphaned') {
			return;
		}
		const annotation = annotations[i];
		const tags = annotation.tags.length > 0 ? ` [${annotation.tags.join(', ')}]` : '';
		onLetter.push({
			code: 'annotation-orphaned',
			range: formerRange(letterText, annotation.target.start, annotation.target.end),
			message: `Annotation ${annotation.id}${tags} can no longer be found: “${shorten(annotation.target.exact)}” is not in the letter any more. Attach it to the right text (Attach Orphan to Selection) or remove it; it is kept until you do.`,
		});
	});
	return { onLetter, onSidecar: [] };
}
