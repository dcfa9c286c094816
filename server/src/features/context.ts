// What every feature receives besides the document model. Features read this; they never do IO.
import type { ClusterState } from '../placement/types';
import type { LiveLookup } from '../placement/liveStatus';

import { DEFAULT_SETTINGS, type Settings } from '../../../protocol/settings';

export { DEFAULT_SETTINGS, type Settings };

/** The last cluster snapshot the server holds (never fetched inside a request). */
export interface ClusterView {
  /** "example cluster", "snapshot nodes.yaml", "context kind-dev". */
  source: string;
  readAt: string;
  state: ClusterState;
}

/** What the kustomization files around the document say about it (read by the session layer). */
export interface KustomizeView {
  /** The kustomization file. */
  kustomization: string;
  /** Listed under `patches`/`patchesStrategicMerge`, under `resources`, or in its folder but not listed. */
  role?: 'patch' | 'resource';
}

/** The Helm chart around a template (read by the session layer): its values files, in order. */
export interface HelmChartView {
  chartDir: string;
  name?: string;
  /** `values.yaml`, then the files of the `daemonset.helm.valuesFiles` setting. */
  values: Array<{ file: string; text: string }>;
  /** The values files coalesced (later wins, maps merge; model/helm/render.ts mergeValues). */
  merged?: Record<string, unknown>;
  /** Values files that could not be read as YAML (they are left out of `merged`). */
  unreadable?: string[];
  /** `.Chart` fields from Chart.yaml. */
  chart?: { name?: string; version?: string; appVersion?: string };
  /** The chart's `templates/_*.tpl` files (their `define`s serve `include`). */
  helpers?: Array<{ file: string; text: string }>;
  /** The extra values files asked for (the setting), relative to the chart folder. */
  extra?: string[];
}

export interface FeatureContext {
  settings: Settings;
  cluster?: ClusterView;
  /** The live state of a DaemonSet as the session holds it (no IO here; `follow` only registers interest). */
  live?: (namespace: string, name: string, follow: boolean) => LiveLookup;
  /** The clock for ages (tests fix it); Date.now() when absent. */
  now?: number;
  /** Set when a kustomization is around the document: no guessing from the document's shape. */
  kustomize?: KustomizeView;
  /** Set when the document is a template of a Helm chart. */
  helm?: HelmChartView;
}

export function defaultContext(): FeatureContext {
  return { settings: DEFAULT_SETTINGS };
}
