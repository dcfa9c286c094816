// The extension's settings, typed once: package.json `contributes.configuration` declares them
// (test/unit/protocol checks the keys match), the client reads and writes them, the server
// validates what it receives (server/src/session/settings.ts, readSettings).

/** The configuration section, as in `daemonset.cluster.source`. */
export const SETTINGS_SECTION = 'daemonset';

export type ClusterSourceKind = 'example' | 'snapshot' | 'kubeconfig';

/** Per-document settings the features read. */
export interface Settings {
  diagnostics: {
    enable: boolean;
    /** Also report node-agent best practices (warnings and infos, never errors). */
    bestPractices: boolean;
  };
  /** warnAfterMinutes: warn when a rollout's estimate on the current cluster exceeds it (0 = never; absent = 60). */
  rollout?: { warnAfterMinutes: number };
  /** valuesFiles: extra values files of a Helm chart, relative to the chart folder, applied after values.yaml in order. */
  helm?: { valuesFiles: string[] };
}

/** Window-wide settings the cluster session reads. */
export interface ClusterSettings {
  source: ClusterSourceKind;
  /** Node snapshot file (`kubectl get nodes -o yaml`), absolute or relative to the workspace. */
  snapshotPath: string;
  /** Optional pods file (`kubectl get pods -A -o yaml`) for resource fit and host ports. */
  podsPath: string;
  /** KUBECONFIG-style path list; empty = $KUBECONFIG or ~/.kube/config. */
  kubeconfig: string;
  /** Context name; empty = current-context. */
  context: string;
  /** List pods per node from the live cluster so resource fit can be judged. */
  resourceFit: boolean;
  /** Per-call timeout for the live cluster, in milliseconds. */
  timeoutMs: number;
}

/** The whole `daemonset` section. */
export interface DaemonSetSettings extends Settings {
  cluster: ClusterSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  diagnostics: { enable: true, bestPractices: true },
  rollout: { warnAfterMinutes: 60 },
  helm: { valuesFiles: [] },
};

/**
 * `daemonset.trace.server`: read by vscode-languageclient itself (the client id is `daemonset`),
 * never by the server; declared here so package.json and the protocol still agree.
 */
export const TRACE_SERVER_SETTING = {
  key: 'trace.server',
  default: 'off',
  values: ['off', 'messages', 'verbose'],
} as const;

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = {
  source: 'example',
  snapshotPath: '',
  podsPath: '',
  kubeconfig: '',
  context: '',
  resourceFit: false,
  timeoutMs: 10000,
};
