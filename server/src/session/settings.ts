// Reads the extension's settings (typed in protocol/settings.ts) defensively: users type anything.
import {
  DEFAULT_CLUSTER_SETTINGS,
  DEFAULT_SETTINGS,
  type ClusterSettings,
  type ClusterSourceKind,
  type Settings,
} from '../../../protocol/settings';

export { DEFAULT_CLUSTER_SETTINGS, type ClusterSettings, type ClusterSourceKind };

/** A configuration object, or {} for anything else (users type anything). */
function section(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Reads the raw `daemonset` configuration section defensively (users type anything). */
export function readSettings(raw: unknown): { settings: Settings; cluster: ClusterSettings } {
  const r = section(raw);
  const diag = section(r.diagnostics);
  const c = section(r.cluster);
  const source: ClusterSourceKind = c.source === 'snapshot' || c.source === 'kubeconfig' ? c.source : 'example';
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      diagnostics: { enable: diag.enable !== false, bestPractices: diag.bestPractices !== false },
      rollout: readRolloutSettings(r.rollout),
      helm: readHelmSettings(r.helm),
    },
    cluster: {
      source,
      snapshotPath: typeof c.snapshotPath === 'string' ? c.snapshotPath : '',
      podsPath: typeof c.podsPath === 'string' ? c.podsPath : '',
      kubeconfig: typeof c.kubeconfig === 'string' ? c.kubeconfig : '',
      context: typeof c.context === 'string' ? c.context : '',
      resourceFit: c.resourceFit === true,
      timeoutMs:
        typeof c.timeoutMs === 'number' && Number.isFinite(c.timeoutMs) && c.timeoutMs > 0
          ? c.timeoutMs
          : DEFAULT_CLUSTER_SETTINGS.timeoutMs,
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
  const files = Array.isArray(h.valuesFiles)
    ? h.valuesFiles.filter((f): f is string => typeof f === 'string' && f.trim() !== '').slice(0, 32)
    : [];
  return { valuesFiles: files };
}
