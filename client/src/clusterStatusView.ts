// What the language status item (YAML files, next to the language mode) shows for the cluster
// source: pure, so it is unit-tested without VS Code; client/src/languageStatus.ts applies it.
import type { ClusterStatus } from '../../protocol';

export interface ClusterStatusView {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
  /** For screen readers (and the combined entry's aria-label): no codicon syntax. */
  accessibilityLabel: string;
}

const ICON: Record<ClusterStatus['kind'], string> = {
  example: '$(beaker)',
  snapshot: '$(file)',
  kubeconfig: '$(cloud)',
};

/** The text is a label from settings or a kubeconfig: codicon syntax in it would be rendered. */
function plain(s: string): string {
  return s.replace(/\$\(/g, '$\u200b(').replace(/[\r\n]+/g, ' ');
}

export function clusterStatusView(status: ClusterStatus | undefined): ClusterStatusView {
  if (!status) {
    return {
      text: '$(sync~spin) Reading cluster…',
      detail: 'DaemonSet placement',
      severity: 'information',
      busy: true,
      accessibilityLabel: 'DaemonSet cluster: reading the cluster source',
    };
  }
  const source = plain(status.source);
  const nodes = `${status.nodeCount} node${status.nodeCount === 1 ? '' : 's'}`;
  const icon = ICON[status.kind] ?? '$(server-environment)';
  switch (status.state) {
    case 'ok':
      return {
        text: `${icon} ${source}`,
        detail: nodes,
        severity: 'information',
        busy: false,
        accessibilityLabel: `DaemonSet cluster: ${source}, ${nodes}`,
      };
    case 'connecting':
      return {
        text: `${icon} ${source}`,
        detail: 'connecting…',
        severity: 'information',
        busy: true,
        accessibilityLabel: `DaemonSet cluster: ${source}, connecting`,
      };
    default: {
      const why = status.message ? plain(status.message) : 'cannot be read';
      return {
        text: `$(warning) ${source}`,
        detail: why,
        severity: status.nodeCount > 0 ? 'warning' : 'error',
        busy: false,
        accessibilityLabel: `DaemonSet cluster: ${source}, error: ${why}`,
      };
    }
  }
}
