// The language status item of YAML files (in the `{}` entry beside the language mode, shown
// only while a YAML editor is active; a user may pin it): which cluster the placement features
// read and its state, with a link to the source picker. It replaced a status bar item that stayed
// on screen after any YAML file had been opened.
import * as vscode from 'vscode';
import { SELECT_SOURCE_COMMAND, type ClusterStatus } from '../../protocol';
import { clusterStatusView } from './clusterStatusView';

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
} as const;

export class ClusterLanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('daemonset.cluster', { language: 'yaml' });

  constructor() {
    this.item.name = 'DaemonSet cluster source';
    this.item.command = {
      command: SELECT_SOURCE_COMMAND,
      title: 'Change',
      tooltip: 'Choose where the placement features read nodes from',
    };
    this.show(undefined);
  }

  show(status: ClusterStatus | undefined): void {
    const view = clusterStatusView(status);
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = SEVERITY[view.severity];
    this.item.busy = view.busy;
    this.item.accessibilityInformation = { label: view.accessibilityLabel };
  }

  dispose(): void {
    this.item.dispose();
  }
}
