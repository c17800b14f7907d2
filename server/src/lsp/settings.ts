/**
 * The `diplomaticLetters.*` settings, read per resource with `workspace/configuration` and cached until the next
 * `workspace/didChangeConfiguration`. Clients without `workspace/configuration` get the settings they push with
 * `didChangeConfiguration` (Neovim's `settings`), else the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import type { DiagnosticCode, DiagnosticSettings, SeveritySetting } from '../engine/diagnostics/codes';
import { DIAGNOSTIC_CODES } from '../engine/diagnostics/codes';
import type { LetterSettings } from '../engine/languageService';
import type { LetterFileOptions } from '../node/letterFiles';
import { DEFAULT_LETTER_FILE_OPTIONS } from '../node/letterFiles';

/** Every setting the server reads, for one resource. */
export interface ServerSettings extends LetterSettings {
	readonly files: LetterFileOptions;
}

const SEVERITY_VALUES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

function stringArray(value: unknown): string[] | undefined {
	return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** Reads the `diplomaticLetters` section (as a client sends it) into settings; wrong values fall back to the defaults. */
export function readSettings(section: unknown): ServerSettings {
	const raw = (section !== null && typeof section === 'object' ? section : {}) as Record<string, unknown>;
	const diagnosticsRaw = (raw.diagnostics !== null && typeof raw.diagnostics === 'object' ? raw.diagnostics : {}) as Record<string, unknown>;
	const severities: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
	for (const code of DIAGNOSTIC_CODES) {
		const value = diagnosticsRaw[code] ?? raw[`diagnostics.${code}`];
		if (typeof value === 'string' && SEVERITY_VALUES.has(value)) {
			severities[code] = value as SeveritySetting;
		}
	}
	const diagnostics: DiagnosticSettings = { severities, ignoredSymbols: stringArray(raw.ignoredSymbols) ?? [] };
	const maxKb = typeof raw.maxFileSizeKB === 'number' && raw.maxFileSizeKB > 0 ? raw.maxFileSizeKB : DEFAULT_LETTER_FILE_OPTIONS.maxFileSize / 1024;
	return {
		diagnostics,
		files: {
			include: stringArray(raw.include) ?? DEFAULT_LETTER_FILE_OPTIONS.include,
			exclude: stringArray(raw.exclude) ?? DEFAULT_LETTER_FILE_OPTIONS.exclude,
			maxFileSize: maxKb * 1024,
		},
	};
}

/** The settings a user gets without configuring anything. */
export const DEFAULT_SERVER_SETTINGS: ServerSettings = readSettings({});

/** Per-resource settings cache. */
export class SettingsCache {
	private readonly cache = new Map<string, ServerSettings>();
	private readonly pending = new Map<string, Promise<ServerSettings>>();
	private pushed: ServerSettings = DEFAULT_SERVER_SETTINGS;

	constructor(private readonly connection: Connection, private readonly pullSupported: boolean) {}

	/** The settings of a resource when already known (the defaults or pushed settings otherwise); never waits. */
	peek(uri: string): ServerSettings {
		return this.cache.get(uri) ?? this.pushed;
	}

	/** The settings of a resource, asked from the client once and cached. */
	async get(uri: string): Promise<ServerSettings> {
		const cached = this.cache.get(uri);
		if (cached) {
			return cached;
		}
		if (!this.pullSupported) {
			return this.pushed;
		}
		let pending = this.pending.get(uri);
		if (!pending) {
			pending = this.fetch(uri);
			this.pending.set(uri, pending);
		}
		return pending;
	}

	/** Forgets every cached value; `section` is the `diplomaticLetters` section pushed with the change, if any. */
	clear(section?: unknown): void {
		this.cache.clear();
		this.pending.clear();
		if (section !== undefined && section !== null) {
			this.pushed = readSettings(section);
		}
	}

	private async fetch(uri: string): Promise<ServerSettings> {
		let settings: ServerSettings;
		try {
			const section: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'diplomaticLetters' });
			settings = readSettings(section);
		} catch {
			settings = this.pushed;
		}
		if (this.pending.has(uri)) {
			this.cache.set(uri, settings);
			this.pending.delete(uri);
		}
		return settings;
	}
}
