// Field paths the rules share, relative to the DaemonSet object.
import type { FieldPath } from '../../model';

export const SPEC: FieldPath = ['spec'];
export const TEMPLATE: FieldPath = ['spec', 'template'];
export const TEMPLATE_META: FieldPath = ['spec', 'template', 'metadata'];
export const POD: FieldPath = ['spec', 'template', 'spec'];

/** The three container lists of a pod spec, in the order the API server validates them. */
export const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];
