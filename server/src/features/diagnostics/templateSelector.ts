// In a Helm template the selector or the template labels are usually written by templates, so
// whether the selector matches is not known (ValidateDaemonSetSpec's
// `selector.Matches(labels.Set(spec.Template.Labels))`). One case is certain even then: a literal
// `matchLabels` entry `k: v` and a literal template label `k: v'` with v' != v can never match,
// whatever the templates add (a second `k` would be a duplicate key).
import { FieldPath, overlapsTemplates } from '../../model';
import { invalid } from './fieldErrors';
import type { Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { SPEC, TEMPLATE_META } from './paths';

/** True when the field's text (key to end of value) touches a template. */
export function touchesTemplate(r: Reporter, path: FieldPath): boolean {
  if (r.model.templates.length === 0) return false;
  const [s, e] = r.extentOf(path);
  return overlapsTemplates(r.model, s, e);
}

export function checkLiteralSelectorConflicts(
  r: Reporter,
  matchLabels: Obj | undefined,
  labels: ReadonlyMap<string, string>,
): void {
  for (const [key, raw] of Object.entries(matchLabels ?? {})) {
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') continue;
    const want = String(raw);
    const got = labels.get(key);
    if (got === undefined || got === want) continue;
    r.error(
      'selectorMismatch',
      [...TEMPLATE_META, 'labels', key],
      invalid(got, `\`selector\` does not match template \`labels\` (spec.selector.matchLabels.${key} is "${want}")`),
      {
        crossField: true,
        involves: [[...SPEC, 'selector', 'matchLabels', key]],
      },
    );
  }
}
