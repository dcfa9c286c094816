// Defaults the API server applies that the field descriptions do not state (or state only in
// prose). Each row mirrors a SetDefaults_* function in Kubernetes 1.36; keyed
// "<definition id>.<field>". These win over a value parsed from the description.
const CURATED: ReadonlyMap<string, string> = new Map([
  // pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet
  ['io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type', 'RollingUpdate'],
  ['io.k8s.api.apps.v1.RollingUpdateDaemonSet.maxUnavailable', '1'],
  ['io.k8s.api.apps.v1.RollingUpdateDaemonSet.maxSurge', '0'],
  ['io.k8s.api.apps.v1.DaemonSetSpec.revisionHistoryLimit', '10'],
  // pkg/apis/core/v1/defaults.go SetDefaults_PodSpec
  ['io.k8s.api.core.v1.PodSpec.schedulerName', 'default-scheduler'],
  ['io.k8s.api.core.v1.PodSpec.restartPolicy', 'Always'],
  ['io.k8s.api.core.v1.PodSpec.dnsPolicy', 'ClusterFirst'],
  ['io.k8s.api.core.v1.PodSpec.terminationGracePeriodSeconds', '30'],
  // pkg/apis/core/v1/defaults.go SetDefaults_ServiceAccountTokenProjection: one hour
  ['io.k8s.api.core.v1.ServiceAccountTokenProjection.expirationSeconds', '3600'],
]);

/** The curated default of `definition.field`, if Kubernetes' defaulting code sets one. */
export function curatedDefault(definition: string, field: string): string | undefined {
  return CURATED.get(`${definition}.${field}`);
}
