// Hover for DaemonSet manifests: on a key, what `kubectl explain daemonset.<path>` prints
// (group/kind/version, field and type, required, description, enum values, default) plus the
// DaemonSet behaviour that matters for that field; on an enum value, what the value means; on
// `apiVersion`/`kind`, the resource. Only inside DaemonSet objects (also `kind: List` items).
import type { Hover } from 'vscode-languageserver';
import { isMap, isScalar, isSeq } from 'yaml';
import { DocumentModel, explainPath, FieldPath, locate, Location, ManifestObject, toRange } from '../model';
import {
  DAEMONSET,
  definitionDescription,
  groupVersionKind,
  propertiesOf,
  property,
  rootSchema,
  schemaAtPath,
  SchemaNode,
} from '../schema/schema';
import { enumMeaning } from '../schema/enumMeanings';
import {
  DaemonSetFact,
  DAEMONSET_SUMMARY,
  explainRolloutValue,
  factsAt,
  rolloutBudget,
} from '../schema/daemonSetFacts';
import { TAINT_NETWORK_UNAVAILABLE } from '../placement';
import { plainText } from '../text/escape';
import { FeatureContext, HelmChartView } from './context';
import { lookupValue, valuesReferenceAt } from '../model/helm/values';
import { stringify } from 'yaml';

const ROLLING_UPDATE = ['spec', 'updateStrategy', 'rollingUpdate'] as const;

export function hover(model: DocumentModel, offset: number, ctx: FeatureContext): Hover | null {
  if (ctx.helm) {
    const chart = chartValueHover(model, offset, ctx.helm);
    if (chart) return chart;
  }
  const loc = locate(model, offset);
  if (!loc || loc.object.kind !== 'DaemonSet' || loc.path.length === 0) return null;
  const range = loc.node?.range ? toRange(model, loc.node.range[0], loc.node.range[1]) : undefined;
  // On a value that is itself a mapping or a sequence (whitespace, a `-`), there is nothing
  // precise to say; the keys inside have their own hovers.
  if (!loc.onKey && (isMap(loc.node) || isSeq(loc.node))) return null;

  const markdown = hoverMarkdown(loc, ctx);
  if (markdown === undefined) return null;
  return { contents: { kind: 'markdown', value: markdown }, ...(range ? { range } : {}) };
}

function hoverMarkdown(loc: Location, ctx: FeatureContext): string | undefined {
  // A scalar inside a list (`args: [a, b]`) is documented by the list's field.
  const path = trimIndexes(loc.path);
  if (path.length === 0) return undefined;
  if (path.length === 1 && (path[0] === 'apiVersion' || path[0] === 'kind')) return resourceMarkdown(loc.object);

  const field = fieldAt(path);
  if (!field) return undefined;
  const value = !loc.onKey && isScalar(loc.node) ? loc.node.value : undefined;
  if (value !== undefined && value !== null && field.node.enum) {
    return enumValueMarkdown(field, String(value));
  }
  return fieldMarkdown(field, loc.object, ctx);
}

interface FieldInfo {
  /** The documented field's path (for a map entry: the map field's). */
  path: FieldPath;
  name: string;
  node: SchemaNode;
  required: boolean;
  /** The definition holding the field, for enum meanings. */
  parentDefinition?: string;
  /** Set when the cursor is on an entry of a map field (`labels: {app: x}` → "app"). */
  mapKey?: string;
}

function fieldAt(path: FieldPath): FieldInfo | undefined {
  const name = path[path.length - 1];
  if (typeof name !== 'string') return undefined;
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length === 0 ? rootSchema(DAEMONSET) : schemaAtPath(parentPath);
  if (!parent) return undefined;
  if (parent.type === 'map') {
    const mapPath = trimIndexes(parentPath);
    const mapField = fieldAt(mapPath);
    return mapField ? { ...mapField, mapKey: name } : undefined;
  }
  const prop = property(parent, name);
  if (!prop) return undefined;
  return { path, name, node: prop.schema, required: prop.required, parentDefinition: parent.definition };
}

function trimIndexes(path: FieldPath): FieldPath {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === 'number') end--;
  return path.slice(0, end);
}

// --- markdown ------------------------------------------------------------------------------

function fieldMarkdown(field: FieldInfo, object: ManifestObject, ctx: FeatureContext): string {
  const node = field.node;
  const dotted = explainPath(field.path);
  const out: string[] = [];
  out.push(`**\`${escapeCode(dotted)}\`**`);
  out.push(gvkLine());
  out.push(`FIELD: **${field.name}** \`<${node.explainType}>\`${field.required ? ' **-required-**' : ''}`);
  if (field.mapKey !== undefined) {
    out.push(
      `Entry \`${escapeCode(field.mapKey)}\` of this map: a \`<${node.values?.explainType ?? 'Object'}>\` value.`,
    );
  }
  const description = node.description || (node.definition ? definitionDescription(node.definition) : '');
  if (description) out.push(`DESCRIPTION:\n\n${escapeMarkdown(description)}`);
  if (node.enum) out.push(`ENUM: ${node.enum.map(showValue).join(' · ')}`);
  if (node.default !== undefined) out.push(`DEFAULT: ${showValue(node.default)}`);
  const fields = node.type === 'array' ? node.items : node;
  if (fields && fields.type === 'object' && field.mapKey === undefined) {
    const props = propertiesOf(fields);
    if (props.length > 0) {
      out.push(`FIELDS: ${props.map((p) => (p.required ? `**\`${p.name}\`**` : `\`${p.name}\``)).join(' · ')}`);
    }
  }
  const specific = [rolloutMarkdown(field, object, ctx), hostNetworkMarkdown(field, object)].filter(
    (s): s is string => !!s,
  );
  const facts = factsAt(explainPath(field.path));
  if (specific.length > 0 || facts.length > 0) {
    out.push('---');
    out.push(...specific);
    for (const fact of facts) out.push(factMarkdown(fact));
  }
  return out.join('\n\n');
}

function enumValueMarkdown(field: FieldInfo, value: string): string {
  const node = field.node;
  const allowed = node.enum ?? [];
  const out: string[] = [];
  out.push(`**\`${escapeCode(explainPath(field.path))}\`**: ${showValue(value)}`);
  const meaning = field.parentDefinition ? enumMeaning(field.parentDefinition, field.name, value) : undefined;
  if (!allowed.includes(value)) {
    out.push(`${showValue(value)} is not an allowed value.`);
  } else if (meaning) {
    out.push(meaning);
  }
  out.push(`ENUM: ${allowed.map((v) => (v === value ? `**${showValue(v)}**` : showValue(v))).join(' · ')}`);
  if (node.default !== undefined) out.push(`DEFAULT: ${showValue(node.default)}`);
  const facts = factsAt(explainPath(field.path));
  if (facts.length > 0) {
    out.push('---');
    for (const fact of facts) out.push(factMarkdown(fact));
  }
  return out.join('\n\n');
}

function resourceMarkdown(object: ManifestObject): string {
  const gvk = groupVersionKind(DAEMONSET);
  const root = rootSchema(DAEMONSET);
  const out: string[] = [];
  out.push(`**${gvk?.kind ?? 'DaemonSet'}** \`${gvk ? `${gvk.group}/${gvk.version}` : 'apps/v1'}\``);
  out.push(gvkLine());
  if (object.apiVersion !== undefined && gvk && object.apiVersion !== `${gvk.group}/${gvk.version}`) {
    out.push(
      `\`apiVersion: ${escapeCode(object.apiVersion)}\` is not served: DaemonSet is \`${gvk.group}/${gvk.version}\`.`,
    );
  }
  out.push(`DESCRIPTION:\n\n${escapeMarkdown(definitionDescription(DAEMONSET))}`);
  const props = propertiesOf(root);
  out.push(`FIELDS: ${props.map((p) => `\`${p.name}\` \`<${p.schema.explainType}>\``).join(' · ')}`);
  out.push('---');
  out.push(factMarkdown(DAEMONSET_SUMMARY));
  return out.join('\n\n');
}

function gvkLine(): string {
  const gvk = groupVersionKind(DAEMONSET);
  return gvk ? `GROUP: \`${gvk.group}\` · KIND: \`${gvk.kind}\` · VERSION: \`${gvk.version}\`` : '';
}

function factMarkdown(fact: DaemonSetFact): string {
  return `**DaemonSet:** ${fact.text}\n\n*Kubernetes: ${escapeMarkdown(fact.source)}*`;
}

/**
 * On maxUnavailable/maxSurge: what the value written here (or the default) means in nodes, with
 * the snapshot's node count when a cluster is loaded, and the host-port trap for surges.
 */
function rolloutMarkdown(field: FieldInfo, object: ManifestObject, ctx: FeatureContext): string | undefined {
  const p = field.path;
  const isRolling = p.length === 4 && ROLLING_UPDATE.every((s, i) => p[i] === s);
  const name = p[3];
  if (!isRolling || (name !== 'maxUnavailable' && name !== 'maxSurge')) return undefined;
  const rolling = rollingUpdateOf(object.value);
  const written = rolling?.[name];
  const value = written ?? (name === 'maxUnavailable' ? 1 : 0);
  const nodes = ctx.cluster ? { count: ctx.cluster.state.nodes.length, source: ctx.cluster.source } : undefined;
  const lines = [`${written === undefined ? 'Unset, so ' : ''}${explainRolloutValue(name, value, nodes)}`];
  // UnavailableCount/SurgeCount return 0 for any other strategy: the budget is not used at all.
  const strategy = dig(object.value, ['spec', 'updateStrategy', 'type']);
  if (typeof strategy === 'string' && strategy !== 'RollingUpdate') {
    lines.push(
      `Not used while \`updateStrategy.type\` is \`${escapeCode(strategy)}\`: the controller does no rolling update.`,
    );
  }
  if (name === 'maxSurge' && templateUsesHostPort(object.value)) {
    const budget = rolloutBudget(rolling ?? {}, nodes?.count ?? 1);
    if (budget && budget.maxSurge > 0) {
      lines.push(
        '⚠ This template sets a `hostPort`: surge pods cannot start next to the old pod, so this rollout would never finish.',
      );
    }
  }
  return lines.join('\n\n');
}

/** On `tolerations`: whether this template gets the network-unavailable toleration too. */
function hostNetworkMarkdown(field: FieldInfo, object: ManifestObject): string | undefined {
  if (explainPath(field.path) !== 'spec.template.spec.tolerations') return undefined;
  return dig(object.value, ['spec', 'template', 'spec', 'hostNetwork']) === true
    ? `This template sets \`hostNetwork: true\`, so its pods also get \`${TAINT_NETWORK_UNAVAILABLE}:NoSchedule\`.`
    : `This template does not set \`hostNetwork: true\`, so its pods do not tolerate \`${TAINT_NETWORK_UNAVAILABLE}\`.`;
}

function rollingUpdateOf(value: unknown): { maxUnavailable?: string | number; maxSurge?: string | number } | undefined {
  const ru = dig(value, ROLLING_UPDATE);
  if (!ru || typeof ru !== 'object') return undefined;
  const out: { maxUnavailable?: string | number; maxSurge?: string | number } = {};
  for (const key of ['maxUnavailable', 'maxSurge'] as const) {
    const v = (ru as Record<string, unknown>)[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v;
  }
  return out;
}

function templateUsesHostPort(value: unknown): boolean {
  const spec = dig(value, ['spec', 'template', 'spec']);
  if (!spec || typeof spec !== 'object') return false;
  for (const list of ['containers', 'initContainers'] as const) {
    const containers = (spec as Record<string, unknown>)[list];
    if (!Array.isArray(containers)) continue;
    for (const c of containers) {
      const ports = c && typeof c === 'object' ? (c as Record<string, unknown>)['ports'] : undefined;
      if (!Array.isArray(ports)) continue;
      if (
        ports.some(
          (port) => port && typeof port === 'object' && Number((port as Record<string, unknown>)['hostPort']) > 0,
        )
      ) {
        return true;
      }
    }
  }
  return false;
}

function dig(value: unknown, path: ReadonlyArray<string>): unknown {
  let cur = value;
  for (const step of path) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur;
}

function showValue(value: string): string {
  return value === '' ? '`""`' : `\`${escapeCode(value)}\``;
}

function escapeCode(text: string): string {
  // Inside a code span markdown is inert; a backtick or a line break would end it.
  return plainText(text.replace(/`/g, "'"));
}

// Descriptions are plain prose from the API; keep `<quantity>` and `*` from turning into HTML
// or emphasis. Backticks stay: the descriptions use them for field names.
function escapeMarkdown(text: string): string {
  return text.replace(/[\\*<>[\]]/g, (c) => `\\${c}`);
}

/** On `.Values.a.b` inside a template action: its value with the chart defaults, and where it is defined. */
function chartValueHover(model: DocumentModel, offset: number, chart: HelmChartView): Hover | null {
  if (!model.templates.some((t) => offset >= t.start && offset < t.end)) return null;
  const ref = valuesReferenceAt(model.text, offset);
  if (!ref) return null;
  const found = lookupValue(chart.values, ref.path);
  const head = `\`${ref.expression}\``;
  if (!found.definedIn) {
    return {
      contents: {
        kind: 'markdown',
        value: `${head}: not defined in the chart's values files, so unknown (no default)`,
      },
    };
  }
  const where = `${found.definedIn.file.split(/[\\/]/).pop()!.replace(/[`\\]/g, '')} line ${found.definedIn.line}`;
  let shown = stringify(found.value, { version: '1.1' }).trimEnd();
  if (shown.length > 1500) shown = `${shown.slice(0, 1500)}\n...`;
  const fence = shown.includes('```') ? '~~~~' : '```';
  return {
    contents: {
      kind: 'markdown',
      value: `${head} with chart defaults (defined in ${where}):\n\n${fence}yaml\n${shown}\n${fence}`,
    },
  };
}
