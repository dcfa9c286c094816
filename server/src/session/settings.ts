// Reads the extension's settings (typed in protocol/settings.ts) defensively: users type anything.
import {
  DEFAULT_CLUSTER_SETTINGS,
  DEFAULT_SETTINGS,
  type ClusterSettings,
  type ClusterSourceKind,
  type Settings,
} from '../../../protocol/settings';

export { DEFAULT_CLUSTER_SETTINGS, type ClusterSettings, type ClusterSourceKind };

/** Reads the raw `daemonset` configuration section defensively (users type anything). */
export function readSettings(raw: unknown): { settings: Settings; cluster: ClusterSettings } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const diag = r.diagnostics && typeof r.diagnostics === 'object' ? r.diagnostics : {};
  const c = r.cluster && typeof r.cluster === 'object' ? r.cluster : {};
  const source: ClusterSourceKind = c.source === 'snapshot' || c.source === 'kubeconfig' ? c.source : 'example';
  return {
    settings: { ...DEFAULT_SETTINGS, diagnostics: { enable: diag.enable !== false, bestPractices: diag.bestPractices !== false }, rollout: readRolloutSettings(r.rollout), helm: readHelmSettings(r.helm) },
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

const DEFAULT_WARN_AFTER_MINUTES = 60;

/** `daemonset.rollout.*`: a non-negative number of minutes, else the default. */
function readRolloutSettings(raw: unknown): NonNullable<Settings['rollout']> {
  const minutes = (raw && typeof raw === 'object' ? raw : {}) as { warnAfterMinutes?: unknown };
  const m = minutes.warnAfterMinutes;
  return { warnAfterMinutes: typeof m === 'number' && Number.isFinite(m) && m >= 0 ? m : DEFAULT_WARN_AFTER_MINUTES };
}

/** `daemonset.helm.*`: a list of relative file names (anything else is dropped). */
function readHelmSettings(raw: unknown): NonNullable<Settings['helm']> {
  const h = (raw && typeof raw === 'object' ? raw : {}) as { valuesFiles?: unknown };
  const files = Array.isArray(h.valuesFiles) ? h.valuesFiles.filter((f): f is string => typeof f === 'string' && f.trim() !== '').slice(0, 32) : [];
  return { valuesFiles: files };
}
