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

export interface FeatureContext {
  settings: Settings;
  cluster?: ClusterView;
  /** The live state of a DaemonSet as the session holds it (no IO here; `follow` only registers interest). */
  live?: (namespace: string, name: string, follow: boolean) => LiveLookup;
  /** The clock for ages (tests fix it); Date.now() when absent. */
  now?: number;
}

export function defaultContext(): FeatureContext {
  return { settings: DEFAULT_SETTINGS };
}
