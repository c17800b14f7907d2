import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SPEC_DEFAULT_SEVERITIES } from '../specDiagnostics';

const root = join(import.meta.dirname, '..', '..');

interface MenuEntry {
	command: string;
	when?: string;
	group?: string;
}

interface Setting {
	type?: string;
	default?: unknown;
	enum?: string[];
	markdownDescription: string;
}

interface GrammarContribution {
	language?: string;
	scopeName: string;
	path: string;
	injectTo?: string[];
}

interface Manifest {
	activationEvents: string[];
	capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string } };
	contributes: {
		languages: { id: string; aliases: string[]; extensions?: string[]; filenamePatterns: string[]; configuration: string }[];
		grammars: GrammarContribution[];
		configuration: { title: string; properties: Record<string, Setting> };
		commands: { command: string; title: string; category: string }[];
		menus: Record<string, MenuEntry[]>;
		keybindings: (MenuEntry & { key: string; mac?: string })[];
		viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
		views: Record<string, { id: string; name: string }[]>;
		yamlValidation: { fileMatch: string; url: string }[];
		configurationDefaults: Record<string, Record<string, unknown>>;
	};
}

interface GrammarFile {
	scopeName: string;
	injectionSelector?: string;
	patterns: { include?: string }[];
	repository?: Record<string, unknown>;
}

function readJson<T>(relativePath: string): T {
	return JSON.parse(readFileSync(join(root, relativePath), 'utf8')) as T;
}

const manifest = readJson<Manifest>('package.json');
const contributes = manifest.contributes;

const specDiagnostics: Record<string, string> = SPEC_DEFAULT_SEVERITIES;

/** Command ids and titles the client, the views and the documentation rely on. */
const expectedCommands: Record<string, string> = {
	'diplomaticLetters.openCitedDocument': 'Open Cited Document',
	'diplomaticLetters.showCitingLetters': 'Show Citing Letters',
	'diplomaticLetters.openOnUndocs': 'Open on undocs.org',
	'diplomaticLetters.reindexWorkspace': 'Re-index Workspace',
	'diplomaticLetters.annotateSelection': 'Annotate Selection',
	'diplomaticLetters.editTags': 'Edit Tags',
	'diplomaticLetters.editNote': 'Edit Note',
	'diplomaticLetters.removeAnnotation': 'Remove Annotation',
	'diplomaticLetters.renameTag': 'Rename Tag',
	'diplomaticLetters.setTagColour': 'Set Tag Colour',
	'diplomaticLetters.nextAnnotation': 'Next Annotation',
	'diplomaticLetters.previousAnnotation': 'Previous Annotation',
	'diplomaticLetters.attachOrphanToSelection': 'Attach Orphan to Selection',
	'diplomaticLetters.exportAnnotations': 'Export Annotations',
	'diplomaticLetters.filterAnnotations': 'Filter Annotations',
	'diplomaticLetters.clearAnnotationFilter': 'Clear Annotation Filter',
	'diplomaticLetters.filterLetters': 'Filter Letters',
	'diplomaticLetters.clearLettersFilter': 'Clear Letters Filter',
	'diplomaticLetters.groupLetters': 'Group Letters By…',
	'diplomaticLetters.showCitationGraph': 'Show Citation Graph',
	'diplomaticLetters.setDocumentSymbol': 'Set Document Symbol',
	'diplomaticLetters.showExchanges': 'Show Exchanges Between Two States',
	'diplomaticLetters.showAgendaItemLetters': 'Show Letters Under an Agenda Item',
	'diplomaticLetters.restartServer': 'Restart Language Server',
};

void describe('package.json contributes', () => {
	void it('registers the diplomatic-letter language without claiming every .txt file', () => {
		const [language] = contributes.languages;
		assert.ok(language !== undefined);
		assert.equal(contributes.languages.length, 1);
		assert.equal(language.id, 'diplomatic-letter');
		assert.ok(language.aliases.includes('Diplomatic Letter'));
		assert.deepEqual(language.extensions ?? [], []);
		assert.ok(!language.filenamePatterns.some((pattern: string) => pattern === '*.txt' || pattern === '**/*.txt'));
		assert.ok(existsSync(join(root, language.configuration)));
	});

	void it('points each grammar at a file with the same scope name; the injection goes into Markdown', () => {
		for (const grammar of contributes.grammars) {
			assert.equal(readJson<GrammarFile>(grammar.path).scopeName, grammar.scopeName, grammar.path);
		}
		const injection = contributes.grammars.find((grammar) => grammar.injectTo !== undefined);
		assert.ok(injection !== undefined);
		assert.equal(injection.scopeName, 'text.diplomatic-letter.injection');
		assert.deepEqual(injection.injectTo, ['text.html.markdown']);
		assert.match(readJson<GrammarFile>(injection.path).injectionSelector ?? '', /^L:text\.html\.markdown /);
	});

	void it('has the injection reuse repository rules that exist in the main grammar', () => {
		const main = readJson<GrammarFile>('syntaxes/diplomatic-letter.tmLanguage.json');
		const injection = readJson<GrammarFile>('syntaxes/diplomatic-letter.injection.tmLanguage.json');
		const includes = injection.patterns.map((pattern) => pattern.include ?? '');
		assert.ok(includes.length > 0);
		for (const include of includes) {
			const [scope, key] = include.split('#');
			assert.equal(scope, 'text.diplomatic-letter');
			assert.ok(key !== undefined && key in (main.repository ?? {}), include);
		}
	});

	void it('has a setting for every diagnostic code with the contract default severity', () => {
		const properties = contributes.configuration.properties;
		const codes = Object.keys(properties)
			.filter((key) => key.startsWith('diplomaticLetters.diagnostics.'))
			.map((key) => key.slice('diplomaticLetters.diagnostics.'.length));
		assert.deepEqual(codes.sort(), Object.keys(specDiagnostics).sort());
		for (const [code, severity] of Object.entries(specDiagnostics)) {
			const setting = properties[`diplomaticLetters.diagnostics.${code}`];
			assert.equal(setting.default, severity, code);
			assert.deepEqual(setting.enum, ['error', 'warning', 'information', 'hint', 'off']);
			assert.match(setting.markdownDescription, new RegExp(`\`${code}\`.+when`));
		}
	});

	void it('has the workspace settings with their defaults', () => {
		const properties = contributes.configuration.properties;
		assert.equal(contributes.configuration.title, 'Diplomatic Letters');
		assert.deepEqual(properties['diplomaticLetters.include'].default, ['**/*.txt', '**/*.md']);
		assert.deepEqual(properties['diplomaticLetters.exclude'].default, ['**/node_modules/**', '**/.git/**']);
		assert.equal(properties['diplomaticLetters.maxFileSizeKB'].default, 2048);
		assert.equal(properties['diplomaticLetters.ignoredSymbols'].type, 'array');
		assert.equal(properties['diplomaticLetters.annotations.author'].type, 'string');
		assert.deepEqual(properties['diplomaticLetters.trace.server'].enum, ['off', 'messages', 'verbose']);
	});

	void it('declares exactly the agreed commands, all in the "Diplomatic Letters" category', () => {
		const declared = Object.fromEntries(
			(contributes.commands as { command: string; title: string; category: string }[]).map((command) => {
				assert.equal(command.category, 'Diplomatic Letters', command.command);
				return [command.command, command.title];
			}),
		);
		assert.deepEqual(declared, expectedCommands);
	});

	void it('refers only to declared commands and views from menus and keybindings', () => {
		const commandIds = new Set(Object.keys(expectedCommands));
		const viewIds = new Set(
			Object.values(contributes.views).flatMap((views) => views.map((view) => view.id)),
		);
		const entries: MenuEntry[] = [...Object.values(contributes.menus).flat(), ...contributes.keybindings];
		for (const entry of entries) {
			assert.ok(commandIds.has(entry.command), entry.command);
			for (const [, view] of (entry.when ?? '').matchAll(/view == ([\w.]+)/g)) {
				assert.ok(viewIds.has(view), view);
			}
		}
		assert.deepEqual([...viewIds].sort(), ['diplomaticLetters.citations', 'diplomaticLetters.exchanges', 'diplomaticLetters.letters', 'diplomaticLetters.tags', 'diplomaticLetters.thisLetter', 'diplomaticLetters.thread']);
		assert.deepEqual(contributes.views.diplomaticLetters.map((view) => view.name), ['Letters', 'Thread', 'Exchanges', 'Tags', 'This Letter']);
	});

	void it('declares limited support of untrusted workspaces, and hides every command that writes there', () => {
		assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
		assert.match(manifest.capabilities?.untrustedWorkspaces?.description ?? '', /nothing is written/);
		const writing = new Set(['annotateSelection', 'editTags', 'editNote', 'removeAnnotation', 'attachOrphanToSelection', 'renameTag', 'setTagColour'].map((name) => `diplomaticLetters.${name}`));
		const entries: MenuEntry[] = [...Object.values(contributes.menus).flat(), ...contributes.keybindings];
		for (const entry of entries.filter((candidate) => writing.has(candidate.command))) {
			assert.match(entry.when ?? '', /\bisWorkspaceTrusted\b/, entry.command);
		}
	});

	void it('offers letter commands in the palette only for a letter, and Clear Filter only while a filter is on', () => {
		const palette = new Map((contributes.menus.commandPalette ?? []).map((entry) => [entry.command, entry.when]));
		for (const letterCommand of ['nextAnnotation', 'previousAnnotation', 'openCitedDocument']) {
			assert.equal(palette.get(`diplomaticLetters.${letterCommand}`), 'diplomaticLetters.isLetter', letterCommand);
		}
		for (const writingLetterCommand of ['editTags', 'editNote', 'removeAnnotation']) {
			assert.equal(palette.get(`diplomaticLetters.${writingLetterCommand}`), 'diplomaticLetters.isLetter && isWorkspaceTrusted', writingLetterCommand);
		}
		assert.equal(palette.get('diplomaticLetters.annotateSelection'), 'editorHasSelection && diplomaticLetters.isLetter && isWorkspaceTrusted');
		assert.equal(palette.get('diplomaticLetters.clearAnnotationFilter'), 'diplomaticLetters.annotationFilterActive');
		assert.equal(palette.get('diplomaticLetters.clearLettersFilter'), 'diplomaticLetters.lettersFilterActive');
		assert.equal(palette.get('diplomaticLetters.setDocumentSymbol'), 'diplomaticLetters.activeLetterHasNoSymbol && isWorkspaceTrusted', 'offered while the active letter has no symbol, in a trusted workspace');
		for (const writing of ['renameTag', 'setTagColour']) {
			assert.equal(palette.get(`diplomaticLetters.${writing}`), 'isWorkspaceTrusted', writing);
		}
		for (const anywhere of ['reindexWorkspace', 'exportAnnotations', 'filterAnnotations', 'restartServer']) {
			assert.equal(palette.has(`diplomaticLetters.${anywhere}`), false, anywhere);
		}
		const context = contributes.menus['editor/context'] ?? [];
		assert.ok(
			context.some(
				(entry) =>
					entry.command === 'diplomaticLetters.annotateSelection' &&
					entry.when === 'editorHasSelection && diplomaticLetters.isLetter && isWorkspaceTrusted',
			),
		);
	});

	void it('binds keys only when a letter has focus, avoiding the fold shortcuts on macOS', () => {
		const reserved = new Set(['cmd+alt+[', 'cmd+alt+]', 'ctrl+shift+[', 'ctrl+shift+]']);
		for (const binding of contributes.keybindings) {
			assert.match(binding.when ?? '', /diplomaticLetters\.isLetter/);
			assert.ok(!reserved.has(binding.key) && !reserved.has(binding.mac ?? binding.key), binding.command);
		}
	});

	void it('has an activity-bar container whose icon exists', () => {
		const [container] = contributes.viewsContainers.activitybar;
		assert.equal(container.id, 'diplomaticLetters');
		assert.equal(container.title, 'Diplomatic Letters');
		assert.match(readFileSync(join(root, container.icon), 'utf8'), /currentColor/);
	});

	void it('ships the bundles, the webview script and its style sheet in the VSIX, and nothing of the sources', () => {
		const allowed = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((line) => line.startsWith('!')).map((line) => line.slice(1));
		for (const needed of ['dist/extension.js', 'dist/server.js', 'dist/serverMain.js', 'dist/scanWorker.js', 'dist/cli.js', 'dist/graphView.js', 'media/**', 'data/**', 'schemas/**', 'syntaxes/**']) {
			assert.ok(allowed.includes(needed), needed);
		}
		assert.equal(readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').find((line) => line.trim() !== '' && !line.startsWith('#')), '**', 'an allow-list: everything is left out first');
		assert.ok(!allowed.some((entry) => /^(client|server|test|scripts|node_modules)\b|\.map$/.test(entry)), 'no sources, tests or source maps');
	});

	void it('validates the annotation sidecars and the tag vocabulary with the shipped schemas', () => {
		assert.deepEqual(contributes.yamlValidation, [
			{ fileMatch: '*.annotations.yaml', url: './schemas/annotations.schema.json' },
			{ fileMatch: '.diplomatic-letters/tags.yaml', url: './schemas/tags.schema.json' },
		]);
		for (const { url } of contributes.yamlValidation) {
			assert.ok(existsSync(join(root, url)), url);
		}
	});

	void it('wraps letters and lets a double-click select a symbol or a hyphenated name whole', () => {
		const defaults = contributes.configurationDefaults['[diplomatic-letter]'];
		assert.ok(defaults !== undefined);
		assert.equal(defaults['editor.wordWrap'], 'on');
		const separators = String(defaults['editor.wordSeparators']);
		for (const kept of ['-', '/', '–']) {
			assert.ok(!separators.includes(kept), kept);
		}
		for (const separator of ['.', ',', '(', ')', '"', '“', '”']) {
			assert.ok(separators.includes(separator), separator);
		}
	});

	void it('does not treat an apostrophe as a closing bracket (it would show as an unmatched bracket)', () => {
		const configuration = readJson<{ brackets: string[][] }>(contributes.languages[0]?.configuration ?? '');
		assert.deepEqual(configuration.brackets, [['(', ')'], ['[', ']'], ['“', '”']]);
	});

	void it('activates for plain text, Markdown, letters and workspaces with annotations', () => {
		assert.deepEqual(manifest.activationEvents, [
			'onLanguage:plaintext',
			'onLanguage:markdown',
			'onLanguage:diplomatic-letter',
			'workspaceContains:**/*.annotations.yaml',
		]);
	});
});
