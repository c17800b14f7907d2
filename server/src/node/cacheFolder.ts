/** Our own cache folder: where the persistent index (when the host gives no folder) and the server's code cache live. */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The user's cache folder for Diplomatic Letters: `XDG_CACHE_HOME` (or `~/.cache`), `~/Library/Caches`, `%LOCALAPPDATA%`. */
export function userCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
	if (platform === 'win32') {
		return join(env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA) ? env.LOCALAPPDATA : join(home, 'AppData', 'Local'), 'diplomatic-letters', 'Cache');
	}
	if (platform === 'darwin') {
		return join(home, 'Library', 'Caches', 'diplomatic-letters');
	}
	return join(env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(home, '.cache'), 'diplomatic-letters');
}
