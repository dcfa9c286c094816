// The one typed form of the extension's settings (declared in package.json `contributes`),
// read per document from the client and passed into features.
import { DEFAULT_SETTINGS, Settings } from '../features/context';

export type ClusterSourceKind = 'example' | 'snapshot' | 'kubeconfig';

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

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = {
  source: 'example',
  snapshotPath: '',
  podsPath: '',
  kubeconfig: '',
  context: '',
  resourceFit: false,
  timeoutMs: 10000,
};

/** Reads the raw `daemonset` configuration section defensively (users type anything). */
export function readSettings(raw: unknown): { settings: Settings; cluster: ClusterSettings } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const diag = r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {};
  const c = r.cluster && typeof r.cluster === 'object' ? r.cluster : {};
  const source: ClusterSourceKind = c.source === 'snapshot' || c.source === 'kubeconfig' ? c.source : 'example';
  return {
    settings: { ...DEFAULT_SETTINGS, diagnostics: { enable: diag.enable !== false } },
    cluster: {
      source,
      snapshotPath: typeof c.snapshotPath === 'string' ? c.snapshotPath : '',
      podsPath: typeof c.podsPath === 'string' ? c.podsPath : '',
      kubeconfig: typeof c.kubeconfig === 'string' ? c.kubeconfig : '',
      context: typeof c.context === 'string' ? c.context : '',
      resourceFit: c.resourceFit === true,
      timeoutMs: Number.isFinite(c.timeoutMs) && c.timeoutMs > 0 ? Number(c.timeoutMs) : DEFAULT_CLUSTER_SETTINGS.timeoutMs,
    },
  };
}
