/**
 * Commands that appear in the server's answers (code lenses, code actions) and that the client runs. They are not
 * server commands (`workspace/executeCommand`) unless said so.
 */
import type { Location, Position } from 'vscode-languageserver-protocol';

/**
 * Code lens `Cited by N letters` on a letter's title: the client lists the citing letters (VS Code: the references
 * peek). Arguments: `[uri, position, locations]`.
 */
export const ShowCitingLettersCommand = Object.freeze({ id: 'diplomaticLetters.showCitingLetters' });
/** The arguments of {@link ShowCitingLettersCommand}. */
export type ShowCitingLettersCommandArguments = [uri: string, position: Position, locations: Location[]];

/**
 * Code action on `citation-unresolved`: the client adds the symbol to the setting `diplomaticLetters.ignoredSymbols`
 * (the server cannot write settings). Arguments: `[symbol, uri]`.
 */
export const IgnoreSymbolCommand = Object.freeze({ id: 'diplomaticLetters.ignoreSymbol' });
/** The arguments of {@link IgnoreSymbolCommand}. */
export type IgnoreSymbolCommandArguments = [symbol: string, uri: string];

/**
 * Code action "Store the inferred identity in the sidecar": a server command (`workspace/executeCommand`); the server
 * writes `document.symbol` into `<letter>.annotations.yaml`. Arguments: `[uri, symbol]`.
 */
export const StoreIdentityCommand = Object.freeze({ id: 'diplomaticLetters.server.storeIdentity' });
/** The arguments of {@link StoreIdentityCommand}. */
export type StoreIdentityCommandArguments = [uri: string, symbol: string];

/**
 * Code action on `sidecar-without-letter`: a server command; the server moves the sidecar next to the letter that
 * holds its annotations and records the new name in `document.file`. Arguments: `[sidecarUri, letterUri]`.
 */
export const RelinkSidecarCommand = Object.freeze({ id: 'diplomaticLetters.server.relinkSidecar' });
/** The arguments of {@link RelinkSidecarCommand}. */
export type RelinkSidecarCommandArguments = [sidecarUri: string, letterUri: string];

/**
 * What the client tells the server in `initialize` (`initializationOptions`). A client that says nothing is trusted
 * (Neovim, Emacs: the user chose to run the server on the folder).
 */
export interface InitializationOptions {
	/**
	 * False when the workspace is not trusted (VS Code's Restricted Mode): reading, hover, navigation and diagnostics
	 * work, and the server writes nothing (every change is refused with a message).
	 */
	readonly workspaceTrusted?: boolean;
	/**
	 * A folder the client keeps for this workspace (VS Code's `ExtensionContext.storageUri`, as a path): the server
	 * stores its persistent index of the letters there. Without it, the user's cache folder is used.
	 */
	readonly storagePath?: string;
}
