// The values worth offering for one field of a DaemonSet: enums (from the schema, or the fixed
// sets the API server validates), booleans, apiVersion/kind, the labels the selector and the
// pod template must share, and — with a cluster snapshot — node labels and taints.
import { FieldPath, ManifestObject, samePath, startsWith } from '../../model';
import { factsAt } from '../../schema/daemonSetFacts';
import { enumMeaning } from '../../schema/enumMeanings';
import { schemaAtPath } from '../../schema/schema';
import type { FeatureContext } from '../context';
import { clusterValueChoices } from './clusterChoices';
import { extraEnum, extraItemEnum } from './extraEnums';
import { labelsAt, scalarAt } from './objectValues';

export interface ValueChoice {
  value: string;
  detail?: string;
  documentation?: string;
  /** How the item is drawn; enum members by default. */
  kind?: 'enum' | 'value' | 'constant';
  /** Inserted as written (a boolean), not as a string scalar. */
  literal?: boolean;
}

export const POD_SPEC: FieldPath = ['spec', 'template', 'spec'];
export const SELECTOR_LABELS: FieldPath = ['spec', 'selector', 'matchLabels'];
export const TEMPLATE_LABELS: FieldPath = ['spec', 'template', 'metadata', 'labels'];

const SELECTOR_EXPRESSIONS: FieldPath = ['spec', 'selector', 'matchExpressions'];

/** Values for the field or array item at `path` of a DaemonSet (relative to the object). */
export function valueChoices(object: ManifestObject, path: FieldPath, ctx: FeatureContext): ValueChoice[] {
  if (samePath(path, ['apiVersion']))
    return [{ value: 'apps/v1', detail: 'DaemonSet API group/version', kind: 'constant' }];
  if (samePath(path, ['kind'])) return [{ value: 'DaemonSet', detail: 'apps/v1', kind: 'constant' }];

  const fromCluster = clusterValueChoices(object, path, ctx);
  if (fromCluster) return fromCluster;
  const labels = labelValueChoices(object, path);
  if (labels) return labels;
  return schemaValueChoices(path);
}

function schemaValueChoices(path: FieldPath): ValueChoice[] {
  const schema = schemaAtPath(path);
  if (!schema) return [];
  if (schema.type === 'boolean') {
    return ['true', 'false'].map((value) => ({ value, detail: 'boolean', kind: 'constant' as const, literal: true }));
  }
  const field = fieldOf(path);
  if (!field) return [];

  // ValidateDaemonSetSpec accepts only Always: a daemon is never "done".
  if (samePath(path, [...POD_SPEC, 'restartPolicy'])) {
    const note = factsAt('spec.template.spec.restartPolicy')[0]?.text ?? 'A DaemonSet accepts only `Always`.';
    return [{ value: 'Always', detail: 'the only value a DaemonSet accepts', documentation: note }];
  }
  // An init container with restartPolicy Always is a sidecar (KEP-753); no other value is valid there.
  if (
    path.length === POD_SPEC.length + 3 &&
    path[POD_SPEC.length] === 'initContainers' &&
    field.name === 'restartPolicy'
  ) {
    return [
      {
        value: 'Always',
        detail: 'sidecar container',
        documentation:
          'Makes this init container a sidecar: it starts before the app containers and keeps running beside them.',
      },
    ];
  }
  // A node selector term's matchFields can only name the node (ValidateNodeFieldSelectorRequirement).
  if (field.name === 'key' && path[path.length - 3] === 'matchFields') {
    return [
      {
        value: 'metadata.name',
        detail: "the node's name",
        documentation: 'The only field a node selector term can match.',
      },
    ];
  }
  // ... and only with In and NotIn.
  if (field.name === 'operator' && path[path.length - 3] === 'matchFields') {
    return ['In', 'NotIn'].map((value) =>
      enumChoice(field.definition, field.name, value, schema.default, 'matchFields supports only In and NotIn'),
    );
  }

  const values =
    schema.enum ?? (field.item ? extraItemEnum(field.definition, field.name) : extraEnum(field.definition, field.name));
  if (!values) return [];
  return values.map((value) => enumChoice(field.definition, field.name, value, schema.default));
}

function enumChoice(
  definition: string,
  field: string,
  value: string,
  dflt: string | undefined,
  extra?: string,
): ValueChoice {
  const meaning = enumMeaning(definition, field, value);
  return {
    value,
    detail: dflt === value ? 'default' : undefined,
    documentation: [meaning, extra].filter(Boolean).join(' ') || undefined,
  };
}

/** The definition and name of the field at `path` (for array items: the array field). */
function fieldOf(path: FieldPath): { definition: string; name: string; item: boolean } | undefined {
  let end = path.length;
  let item = false;
  if (typeof path[end - 1] === 'number') {
    end--;
    item = true;
  }
  const name = path[end - 1];
  if (typeof name !== 'string') return undefined;
  const parent = schemaAtPath(path.slice(0, end - 1));
  if (!parent || parent.type !== 'object' || !parent.definition) return undefined;
  return { definition: parent.definition, name, item };
}

// --- selector and template labels -------------------------------------------------------

function labelValueChoices(object: ManifestObject, path: FieldPath): ValueChoice[] | undefined {
  const n = path.length;
  const last = path[n - 1];
  if (n === SELECTOR_LABELS.length + 1 && typeof last === 'string' && startsWith(path, SELECTOR_LABELS)) {
    return labelValue(labelsAt(object, TEMPLATE_LABELS), last, 'spec.template.metadata.labels');
  }
  if (n === TEMPLATE_LABELS.length + 1 && typeof last === 'string' && startsWith(path, TEMPLATE_LABELS)) {
    return labelValue(labelsAt(object, SELECTOR_LABELS), last, 'spec.selector.matchLabels');
  }
  // spec.selector.matchExpressions[i].key / .values[j]: the template's labels are what must match.
  if (startsWith(path, SELECTOR_EXPRESSIONS) && typeof path[3] === 'number') {
    const template = labelsAt(object, TEMPLATE_LABELS);
    if (n === 5 && path[4] === 'key') {
      return [...template.keys()].map((k) => ({ value: k, detail: 'pod template label', kind: 'value' as const }));
    }
    if (n === 6 && path[4] === 'values') {
      const key = scalarAt(object, [...path.slice(0, 4), 'key']);
      const value = key === undefined ? undefined : template.get(key);
      return value === undefined ? [] : [{ value, detail: 'pod template label value', kind: 'value' }];
    }
  }
  return undefined;
}

function labelValue(labels: Map<string, string>, key: string, from: string): ValueChoice[] {
  const value = labels.get(key);
  if (value === undefined) return [];
  return [
    {
      value,
      detail: `from ${from}`,
      documentation: "The selector must match the pod template's labels.",
      kind: 'value',
    },
  ];
}
