/** Where a command writes, and the folder it runs in. */
export interface CommandIo {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly cwd: string;
}

/** A mistake in how the command was called: reported on stderr with exit code 2, never with a stack trace. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}
