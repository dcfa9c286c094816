// Which API versions serve DaemonSets: only apps/v1 since Kubernetes 1.16, when
// extensions/v1beta1, apps/v1beta1 and apps/v1beta2 stopped being served. The diagnostics word
// the API server's answer (features/diagnostics/index.ts).
import type { ManifestObject } from '../model';

export const SERVED_VERSION = 'apps/v1';

/** Versions that once served DaemonSets and were removed in 1.16. */
export const REMOVED_VERSIONS: ReadonlySet<string> = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);

export type ApiVersionVerdict = 'served' | 'removed' | 'unknown' | 'missing';

export function apiVersionVerdict(obj: ManifestObject): ApiVersionVerdict {
  const v = obj.apiVersion;
  if (v === undefined || v === '') return 'missing';
  if (v === SERVED_VERSION) return 'served';
  return REMOVED_VERSIONS.has(v) ? 'removed' : 'unknown';
}

/**
 * What extensions/v1beta1 defaulted that apps/v1 does not (its SetDefaults_DaemonSet): the
 * selector from the template labels, and updateStrategy OnDelete. apps/v1beta2 already defaulted
 * RollingUpdate and required a selector; apps/v1beta1 never served DaemonSets.
 */
export function oldDefaultStrategy(version: string): 'OnDelete' | undefined {
  return version === 'extensions/v1beta1' ? 'OnDelete' : undefined;
}

/**
 * A kind that differs from DaemonSet only in case or punctuation (Daemonset, daemonSet,
 * Daemon-Set, DaemonSets): the RESTMapper matches kinds exactly, so kubectl answers
 * `no matches for kind "Daemonset" in version "apps/v1"`.
 */
export function isMisspelledDaemonSet(kind: string | undefined): boolean {
  if (kind === undefined || kind === 'DaemonSet') return false;
  return /^daemonsets?$/.test(kind.toLowerCase().replace(/[-_ ]/g, ''));
}

/** An apiVersion that is apps/v1 but for case or spaces (Apps/v1, apps/V1, " apps/v1"). */
export function isMisspelledServedVersion(version: string | undefined): boolean {
  return (
    version !== undefined && version !== SERVED_VERSION && version.toLowerCase().replace(/\s+/g, '') === SERVED_VERSION
  );
}
