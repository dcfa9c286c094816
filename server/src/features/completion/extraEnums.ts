// Allowed values of string fields that Kubernetes 1.36 validates against a fixed set but does not
// mark +enum (so they are not in the generated schema). Keyed "<definition id>.<field>" like
// enums.json; each row names the validation code it mirrors (kubernetes/kubernetes, release 1.36).
const EXTRA: Readonly<Record<string, readonly string[]>> = {
  // staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabelSelectorRequirement
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  // pkg/apis/core/validation validateAppArmorProfileField
  'io.k8s.api.core.v1.AppArmorProfile.type': ['RuntimeDefault', 'Localhost', 'Unconfined'],
  // pkg/apis/core/validation validateFSGroupChangePolicy
  'io.k8s.api.core.v1.PodSecurityContext.fsGroupChangePolicy': ['OnRootMismatch', 'Always'],
  // pkg/apis/core/validation validateResizePolicy
  'io.k8s.api.core.v1.ContainerResizePolicy.restartPolicy': ['NotRequired', 'RestartContainer'],
  // pkg/apis/core/validation validateNodeInclusionPolicy
  'io.k8s.api.core.v1.TopologySpreadConstraint.nodeAffinityPolicy': ['Honor', 'Ignore'],
  'io.k8s.api.core.v1.TopologySpreadConstraint.nodeTaintsPolicy': ['Honor', 'Ignore'],
  // pkg/apis/core/validation ValidateVolumeMounts (recursiveReadOnly)
  'io.k8s.api.core.v1.VolumeMount.recursiveReadOnly': ['Disabled', 'IfPossible', 'Enabled'],
  // pkg/apis/core/validation validateOS
  'io.k8s.api.core.v1.PodOS.name': ['linux', 'windows'],
  // pkg/apis/core/validation ValidatePersistentVolumeClaimSpec
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec.volumeMode': ['Filesystem', 'Block'],
  // pkg/apis/core/validation validateEmptyDirVolumeSource (StorageMedium)
  'io.k8s.api.core.v1.EmptyDirVolumeSource.medium': ['', 'Memory', 'HugePages'],
  // pkg/apis/core/validation validEnvDownwardAPIFieldPathExpressions: what a daemon pod can read
  // about itself and its node through `env[].valueFrom.fieldRef`.
  'io.k8s.api.core.v1.ObjectFieldSelector.fieldPath': [
    'spec.nodeName',
    'status.hostIP',
    'status.hostIPs',
    'metadata.name',
    'metadata.namespace',
    'metadata.uid',
    'status.podIP',
    'status.podIPs',
    'spec.serviceAccountName',
  ],
  // pkg/apis/core/validation validateContainerResourceDivisor / validContainerResourceFieldPathPrefixes
  'io.k8s.api.core.v1.ResourceFieldSelector.resource': [
    'limits.cpu',
    'limits.memory',
    'limits.ephemeral-storage',
    'requests.cpu',
    'requests.memory',
    'requests.ephemeral-storage',
  ],
};

/** Values of array items validated against a fixed set (keyed by the array field). */
const EXTRA_ITEMS: Readonly<Record<string, readonly string[]>> = {
  // pkg/apis/core/validation ValidatePersistentVolumeClaimSpec (supportedAccessModes)
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec.accessModes': [
    'ReadWriteOnce',
    'ReadOnlyMany',
    'ReadWriteMany',
    'ReadWriteOncePod',
  ],
};

/** Allowed values of `definition.field` beyond the schema's enums, if the API server has a fixed set. */
export function extraEnum(definition: string, field: string): readonly string[] | undefined {
  return EXTRA[`${definition}.${field}`];
}

/** Allowed values of the items of the array field `definition.field`. */
export function extraItemEnum(definition: string, field: string): readonly string[] | undefined {
  return EXTRA_ITEMS[`${definition}.${field}`];
}
