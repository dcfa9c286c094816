// The rollout plan of the DaemonSet a placement response is about, for the panel's Rollout
// section. The server attaches it to the placement answer (features do not import each other).
// No IO: the cluster view is passed in.
import type { DocumentModel } from '../model';
import { planRollout } from '../placement';
import type { DaemonSet, RolloutPlan } from '../placement/types';
import type { PlacementResponse } from '../protocol';
import type { FeatureContext } from './context';

/** `response` with `rollout` set when it carries a placement result for one of `model`'s DaemonSets. */
export function withRollout(response: PlacementResponse, model: DocumentModel, ctx: FeatureContext): PlacementResponse {
  if (!response.result || !ctx.cluster) return response;
  const obj = model.daemonSets[response.selected];
  const value = obj?.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return response;
  const rollout: RolloutPlan = planRollout(value as DaemonSet, ctx.cluster.state, response.result);
  return { ...response, rollout };
}
