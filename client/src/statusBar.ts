/** The status bar item: letters indexed and problems found, or the state of the server. Click: the Problems view. */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';
import { StatusNotification } from '../../server/src/protocol';
import type { Ctx } from './ctx';
import { describeStatus } from './statusText';

/** Shows the server's last status report and its state. */
export class StatusBar {
	private readonly item: vscode.StatusBarItem;
	private lastStatus: StatusParams | undefined;

	constructor(private readonly ctx: Ctx) {
		this.item = vscode.window.createStatusBarItem('diplomaticLetters.status', vscode.StatusBarAlignment.Left, 10);
		this.item.name = 'Diplomatic Letters';
		ctx.pushCleanup(this.item, ctx.onDidChangeServerState(() => this.render()));
		ctx.onNotification(StatusNotification, (status) => {
			this.lastStatus = status;
			this.render();
		});
		this.render();
		this.item.show();
	}

	private render(): void {
		const description = describeStatus(this.ctx.serverState, this.ctx.serverState === 'running' ? this.lastStatus : undefined);
		this.item.text = description.text;
		this.item.tooltip = description.tooltip;
		this.item.backgroundColor = description.isError ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
		this.item.command = description.isError
			? { title: 'Restart Language Server', command: 'diplomaticLetters.restartServer' }
			: { title: 'Show Problems', command: 'workbench.actions.view.problems' };
	}
}
