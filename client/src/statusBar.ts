// The status bar item: which cluster the placement features use, and whether it is healthy.
// Clicking it opens the source picker.
import * as vscode from 'vscode';
import { SELECT_SOURCE_COMMAND, type ClusterStatus } from '../../protocol';

export class ClusterStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('daemonset.cluster', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'DaemonSet cluster source';
    this.item.command = SELECT_SOURCE_COMMAND;
    this.show(undefined);
  }

  show(status: ClusterStatus | undefined): void {
    if (!status) {
      this.item.text = '$(sync~spin) DaemonSet: reading cluster…';
      this.item.tooltip = 'Reading the cluster source';
      this.item.backgroundColor = undefined;
    } else {
      const icon = status.state === 'ok' ? '$(server-environment)' : status.state === 'connecting' ? '$(sync~spin)' : '$(warning)';
      this.item.text = `${icon} ${status.source} · ${status.nodeCount} node${status.nodeCount === 1 ? '' : 's'}`;
      const lines = [`Cluster source: ${status.source} (${status.state})`];
      if (status.message) lines.push(status.message);
      if (status.readAt) lines.push(`Read at ${new Date(status.readAt).toLocaleString()}`);
      lines.push('Click to choose another source.');
      this.item.tooltip = lines.join('\n');
      this.item.backgroundColor = status.state === 'error' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
