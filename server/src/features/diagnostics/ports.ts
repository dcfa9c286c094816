// Container ports: validateContainerPorts, plus the pod-wide checkHostPortConflicts and
// validatePodHostNetworkDeps (pkg/apis/core/validation/validation.go).
import type { FieldPath } from '../../model';
import { duplicate, invalid, required } from './fieldErrors';
import { isValidPortName, isValidPortNum } from './nameSyntax';
import { arr, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD } from './paths';

/** validateContainerPorts */
export function checkPorts(r: Reporter, ports: unknown[], path: FieldPath): void {
  const names = new Set<string>();
  ports.forEach((raw, i) => {
    const p = obj(raw);
    if (!p) return;
    const at = [...path, i];
    const name = str(p['name']);
    if (name) {
      const errs = isValidPortName(name);
      // validateContainerPorts: one Invalid per IsValidPortName message.
      for (const msg of errs) r.error('invalidPortName', [...at, 'name'], invalid(name, msg));
      if (errs.length === 0) {
        if (names.has(name)) r.error('duplicatePortName', [...at, 'name'], duplicate(name));
        else names.add(name);
      }
    }
    // validateContainerPorts: containerPort 0 is not set (Required); hostPort 0 means no host port.
    if (p['containerPort'] === 0) r.error('requiredField', [...at, 'containerPort'], required());
    for (const field of ['containerPort', 'hostPort']) {
      const n = int(p[field]);
      if (n === undefined || n === 0) continue;
      const errs = isValidPortNum(n);
      for (const msg of errs) r.error('invalidPort', [...at, field], invalid(n, msg));
    }
  });
}

/** checkHostPortConflicts (per list; init containers one by one) and validatePodHostNetworkDeps. */
export function checkHostPorts(r: Reporter, ds: Obj): void {
  const pod = obj(obj(obj(ds['spec'])?.['template'])?.['spec']);
  if (!pod) return;
  const seen = new Map<string, FieldPath>();
  arr(pod['containers']).forEach((c, ci) =>
    hostPortsOf(c).forEach(({ key, index }) => {
      const at = [...POD, 'containers', ci, 'ports', index, 'hostPort'];
      if (seen.has(key))
        r.error('duplicateHostPort', at, duplicate(key), { crossField: true, involves: [seen.get(key)!] });
      else seen.set(key, at);
    }),
  );
  arr(pod['initContainers']).forEach((c, ci) => {
    const own = new Set<string>();
    hostPortsOf(c).forEach(({ key, index }) => {
      if (own.has(key))
        r.error('duplicateHostPort', [...POD, 'initContainers', ci, 'ports', index, 'hostPort'], duplicate(key));
      own.add(key);
    });
  });
  if (pod['hostNetwork'] !== true) return;
  arr(pod['containers']).forEach((raw, ci) => {
    arr(obj(raw)?.['ports']).forEach((rawPort, pi) => {
      const p = obj(rawPort);
      const hostPort = int(p?.['hostPort']);
      const containerPort = int(p?.['containerPort']);
      // For a template, an unset hostPort is defaulted to containerPort when the pod is created.
      if (hostPort !== undefined && hostPort !== 0 && containerPort !== undefined && hostPort !== containerPort) {
        r.error(
          'hostPortMismatch',
          [...POD, 'containers', ci, 'ports', pi, 'hostPort'],
          invalid(hostPort, 'must match `containerPort` when `hostNetwork` is true'),
          {
            involves: [[...POD, 'hostNetwork']],
          },
        );
      }
    });
  });
}

function hostPortsOf(raw: unknown): Array<{ key: string; index: number }> {
  const out: Array<{ key: string; index: number }> = [];
  arr(obj(raw)?.['ports']).forEach((rawPort, index) => {
    const p = obj(rawPort);
    const hostPort = int(p?.['hostPort']);
    if (!p || !hostPort) return;
    out.push({ key: `${str(p['protocol']) || 'TCP'}/${str(p['hostIP']) ?? ''}/${hostPort}`, index });
  });
  return out;
}
