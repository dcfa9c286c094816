// The rollout plan of the DaemonSet a placement response is about, for the panel's Rollout
// section. The server attaches it to the placement answer (features do not import each other).
// No IO: the cluster view is passed in.
import type { DocumentModel } from '../../model';
import { cachedRolloutPlan } from '../../placement';
import type { PlacementResponse } from '../../../../protocol';
import type { FeatureContext } from '../context';

/** `response` with `rollout` set when it carries a placement result for one of `model`'s DaemonSets. */
export function withRollout(response: PlacementResponse, model: DocumentModel, ctx: FeatureContext): PlacementResponse {
  if (!response.result || !ctx.cluster) return response;
  const rollout = cachedRolloutPlan(model.daemonSets[response.selected]?.value, ctx.cluster.state);
  return rollout ? { ...response, rollout } : response;
}
