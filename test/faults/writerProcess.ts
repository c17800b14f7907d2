// A writer that the crash cases kill with SIGKILL while it writes: it adds annotations to a sidecar one after the
// other, with the same rules as the server and the command line, and prints `ack <id>` after each one is on disk.
// Usage: node --import tsx test/faults/writerProcess.ts <letter path> <count> <id prefix>
import { addAnnotation } from '../../server/src/engine/annotations';
import { updateSidecarFile } from '../../server/src/node/sidecarFiles';

async function main(): Promise<void> {
	const [letterPath, countText, prefix] = process.argv.slice(2);
	if (letterPath === undefined || countText === undefined || prefix === undefined) {
		throw new Error('usage: writerProcess.ts <letter path> <count> <id prefix>');
	}
	for (let n = 0; n < Number(countText); n++) {
		const id = `${prefix}${String(n).padStart(4, '0')}`;
		const result = await updateSidecarFile(letterPath, (text) => addAnnotation(text, {
			id, tags: ['crash'], note: 'x'.repeat(2000), target: { exact: 'Armenia', prefix: '', suffix: '', start: 100 + n, end: 107 + n },
		}), { createForLetter: 'letter.txt', lockTimeoutMs: 10_000 });
		if (result.ok) {
			process.stdout.write(`ack ${id}\n`);
		} else {
			process.stdout.write(`refused ${id}: ${result.message}\n`);
		}
	}
}

void main();
