/**
 * The custom protocol between the Diplomatic Letters client and server: one definition, imported by both.
 * Standard LSP covers navigation and diagnostics; these messages feed the views and the annotation commands.
 */
export * from './annotations';
export * from './citations';
export * from './commands';
export * from './letters';
export * from './status';
export * from './messageTypes';
