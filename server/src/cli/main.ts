import { runAnnotationsCommand } from './annotationsCommand';
import { runCheckCommand } from './checkCommand';
import { runLettersCommand } from './lettersCommand';
import type { CommandIo } from './commandIo';
import { UsageError } from './commandIo';
import { BadPathError } from '../node/letterFiles';
import { stopWorkersStartedEarly } from '../node/readerPool';
import { ReferenceDataMissingError } from '../node/referenceDataFile';

const USAGE = `Usage:
  diplomatic-letters check <folder or files…> [--format text|json] [--config file] [--cache]
  diplomatic-letters letters <folder or files…> [--format text|json|csv] [--config file] [--cache]
  diplomatic-letters annotations reanchor <folder or files…> [--write] [--format text|json]
  diplomatic-letters annotations export <folder or files…> --format w3c|csv|brat [--out file]

Exit codes: 0 no error, 1 at least one error-severity diagnostic, 2 bad usage or a failure of the tool.
`;

/** Runs the command line with the given arguments (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
	const [command, ...rest] = argv;
	try {
		if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
			(command === undefined ? io.stderr : io.stdout)(USAGE);
			return command === undefined ? 2 : 0;
		}
		if (command === '--version') {
			io.stdout(`${process.env.DIPLOMATIC_LETTERS_VERSION ?? 'development'}\n`);
			return 0;
		}
		if (command === 'check') {
			return await runCheckCommand(rest, io);
		}
		if (command === 'letters') {
			return await runLettersCommand(rest, io);
		}
		if (command === 'annotations') {
			return await runAnnotationsCommand([...rest], io);
		}
		throw new UsageError(`unknown command "${command}"`);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`diplomatic-letters: ${error.message}\n\n${USAGE}`);
			return 2;
		}
		if (error instanceof BadPathError || error instanceof ReferenceDataMissingError) {
			io.stderr(`diplomatic-letters: ${error.message}\n`);
			return 2;
		}
		const detail = process.env.DIPLOMATIC_LETTERS_DEBUG ? `\n${(error as Error).stack ?? String(error)}` : ' (set DIPLOMATIC_LETTERS_DEBUG=1 for details)';
		io.stderr(`diplomatic-letters: internal error: ${(error as Error).message ?? String(error)}${detail}\n`);
		return 2;
	} finally {
		// A command that failed before reading (a bad path, a bad config) leaves no thread started for its read.
		stopWorkersStartedEarly();
	}
}

if (require.main === module) {
	// A reader that stops early (`check … | head`) closes the pipe: that is not an error of the tool.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			process.exit(process.exitCode ?? 0);
		}
		throw error;
	});
	const io: CommandIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), cwd: process.cwd() };
	void runCli(process.argv.slice(2), io).then((code) => {
		process.exitCode = code;
	});
}
