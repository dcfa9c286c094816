// Caps what one document reports (MAX_DIAGNOSTICS_PER_DOCUMENT): errors are kept first, then
// warnings, then infos, each in text order, and one last entry counts what was left out by
// severity, so a file with 100,000 findings still says how bad it is without shipping them all.
import { MAX_DIAGNOSTICS_PER_DOCUMENT } from '../../model';
import type { ManifestDiagnostic, Severity } from '../../model/manifestDiagnostic';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const WORD: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

export const MORE_DIAGNOSTICS_CODE = 'moreDiagnostics';

export function capDiagnostics(
  list: readonly ManifestDiagnostic[],
  max = MAX_DIAGNOSTICS_PER_DOCUMENT,
): ManifestDiagnostic[] {
  if (list.length <= max) return list.slice();
  const order = list.map((_, i) => i);
  order.sort((a, b) => RANK[list[a]!.severity] - RANK[list[b]!.severity] || list[a]!.start - list[b]!.start || a - b);
  const kept = order.slice(0, max).sort((a, b) => list[a]!.start - list[b]!.start || a - b);
  const dropped = order.slice(max);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let first = list[dropped[0]!]!;
  for (const i of dropped) {
    const d = list[i]!;
    counts[d.severity]++;
    if (d.start < first.start) first = d;
  }
  const worst: Severity = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info';
  const parts = (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => plural(counts[s], WORD[s]));
  const out = kept.map((i) => list[i]!);
  out.push({
    code: MORE_DIAGNOSTICS_CODE,
    severity: worst,
    message: `… and ${num(dropped.length)} more not shown (${parts.join(', ')}); only the first ${num(max)} problems of a file are listed`,
    path: '',
    start: first.start,
    end: first.end,
  });
  return out;
}

function num(n: number): string {
  return n.toLocaleString('en-US');
}

function plural(n: number, word: string): string {
  return `${num(n)} ${word}${n === 1 ? '' : 's'}`;
}
