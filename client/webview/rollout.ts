// The panel's Rollout section: what a change of the pod template would do on the previewed
// cluster (PlacementResponse.rollout, computed by the engine's planRollout). Text only: every
// string is set with textContent, never parsed as HTML. A live status section (the cluster's
// actual DaemonSet and pods) is meant to sit next to this one, as a sibling <section>.
import type { PlacementResponse, RolloutPlan } from '../../protocol';

export interface RolloutSection {
  element: HTMLElement;
  render(response: PlacementResponse | undefined): void;
}

/** Node names listed before "… N more". */
const MAX_NAMES = 50;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The one-line summary next to the section title. */
export function rolloutSummary(plan: RolloutPlan): string {
  if (plan.mode === 'onDelete') return 'OnDelete · pods change only when deleted';
  const parts: string[] = [plan.strategy];
  if (plan.batches === 0) parts.push(plan.templateUnchanged ? 'template unchanged' : 'nothing to replace');
  else
    parts.push(
      `${plan.perBatch} ${plan.perBatch === 1 ? 'node' : 'nodes'} at a time`,
      `${plan.batches} ${plan.batches === 1 ? 'batch' : 'batches'}`,
    );
  if (!plan.completes) parts.push('never completes');
  else if (plan.estimate?.totalSeconds) parts.push(`≈ ${plan.estimate.summary}`);
  return parts.join(' · ');
}

function budget(written: string | number, effective: number): string {
  return String(written) === String(effective) ? String(effective) : `${String(written)} → ${effective}`;
}

export function createRolloutSection(): RolloutSection {
  const element = el('section', 'rollout');
  element.setAttribute('aria-labelledby', 'rollout-title');
  element.hidden = true;
  const details = el('details');
  details.open = true;
  const summary = el('summary');
  const title = el('h2', 'rollout-title', 'Rollout');
  title.id = 'rollout-title';
  const line = el('span', 'rollout-summary');
  summary.append(title, line);
  const facts = el('dl', 'rollout-facts');
  const messages = el('ul', 'rollout-messages');
  const blocked = el('div', 'rollout-blocked');
  const pending = el('p', 'rollout-pending');
  const model = el('p', 'rollout-model');
  details.append(summary, facts, messages, blocked, pending, model);
  element.append(details);

  function fact(name: string, value: string, key: string): void {
    const dt = el('dt', undefined, name);
    const dd = el('dd', undefined, value);
    dd.dataset.fact = key;
    facts.append(dt, dd);
  }

  function render(response: PlacementResponse | undefined): void {
    const plan = response?.result ? response.rollout : undefined;
    element.hidden = plan === undefined;
    if (plan === undefined) return;
    line.textContent = rolloutSummary(plan);
    facts.replaceChildren();
    fact('Strategy', plan.strategy, 'strategy');
    fact('Desired nodes', String(plan.desired), 'desired');
    if (plan.mode !== 'onDelete') {
      fact('maxUnavailable', budget(plan.maxUnavailableValue, plan.maxUnavailable), 'maxUnavailable');
      fact('maxSurge', budget(plan.maxSurgeValue, plan.maxSurge), 'maxSurge');
      fact('At once', String(plan.perBatch), 'perBatch');
      fact('Batches', String(plan.batches), 'batches');
    }
    if (plan.minReadySeconds > 0) fact('minReadySeconds', String(plan.minReadySeconds), 'minReadySeconds');
    if (plan.estimate && plan.batches > 0)
      fact('Estimate', `${plan.estimate.summary}; ${plan.estimate.basis}`, 'estimate');

    messages.replaceChildren(
      ...plan.problems.map((p) => el('li', 'problem', `The API server rejects this: ${p}.`)),
      ...plan.messages.map((m) => el('li', undefined, m)),
    );

    blocked.replaceChildren();
    blocked.hidden = plan.blockedNodes.length === 0;
    if (plan.blockedNodes.length > 0) {
      blocked.append(el('h3', undefined, `Blocked nodes (${plan.blockedNodes.length})`));
      const list = el('ul');
      for (const b of plan.blockedNodes.slice(0, MAX_NAMES)) {
        const li = el('li');
        li.dataset.node = b.name;
        li.append(el('span', 'node-name', b.name), el('span', 'node-detail', b.detail));
        list.append(li);
      }
      if (plan.blockedNodes.length > MAX_NAMES)
        list.append(el('li', 'more', `… ${plan.blockedNodes.length - MAX_NAMES} more`));
      blocked.append(list);
    }

    const names = plan.pendingNodes;
    pending.hidden = names.length === 0;
    pending.textContent =
      names.length === 0
        ? ''
        : `Pending nodes (${names.length}): ${names.slice(0, MAX_NAMES).join(', ')}${names.length > MAX_NAMES ? `, … ${names.length - MAX_NAMES} more` : ''}`;

    model.hidden = !plan.estimate || plan.batches === 0;
    model.textContent = plan.estimate?.model ?? '';
  }

  return { element, render };
}
