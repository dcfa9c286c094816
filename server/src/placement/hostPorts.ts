// Host ports, as the scheduler's NodePorts filter sees them.
// Mirrors schedutil.GetHostPorts (containers, plus sidecar init containers, with hostPort > 0),
// the API's SetDefaults_Pod (with hostNetwork a port's hostPort defaults to its containerPort)
// and framework.HostPortInfo.CheckConflict (empty hostIP means 0.0.0.0, empty protocol TCP;
// 0.0.0.0 collides with every address, a specific address with itself and 0.0.0.0).

import type { FieldPath, PodSpec } from './types';
import { asArray, asRecord, asString } from './shape';

export const BIND_ALL = '0.0.0.0';

export interface HostPortClaim {
  port: number;
  protocol: string;
  /** Sanitized: "0.0.0.0" when the manifest leaves it empty. */
  hostIP: string;
  /** The ports entry, relative to the pod spec's base path. */
  path: FieldPath;
  /** The manifest field that sets the port: containerPort when hostNetwork defaulted it. */
  field: 'hostPort' | 'containerPort';
}

/** The host ports a pod holds while it runs. */
export function podHostPorts(podSpec: PodSpec | undefined, basePath: FieldPath = []): HostPortClaim[] {
  const spec = asRecord(podSpec);
  if (spec === undefined) return [];
  const hostNetwork = spec['hostNetwork'] === true;
  const claims: HostPortClaim[] = [];
  collect(spec['initContainers'], 'initContainers', true);
  collect(spec['containers'], 'containers', false);
  return claims;

  function collect(list: unknown, listName: string, sidecarsOnly: boolean): void {
    const containers = asArray(list);
    for (let c = 0; c < containers.length; c++) {
      const container = asRecord(containers[c]);
      if (container === undefined) continue;
      // Only init containers that run for the pod's whole life hold their ports.
      if (sidecarsOnly && container['restartPolicy'] !== 'Always') continue;
      const ports = asArray(container['ports']);
      for (let p = 0; p < ports.length; p++) {
        const entry = asRecord(ports[p]);
        if (entry === undefined) continue;
        let port = typeof entry['hostPort'] === 'number' ? entry['hostPort'] : 0;
        let field: HostPortClaim['field'] = 'hostPort';
        if (port === 0 && hostNetwork && typeof entry['containerPort'] === 'number') {
          port = entry['containerPort'];
          field = 'containerPort';
        }
        if (!(port > 0)) continue;
        const protocol = asString(entry['protocol']) || 'TCP';
        const hostIP = asString(entry['hostIP']) || BIND_ALL;
        claims.push({ port, protocol, hostIP, path: [...basePath, listName, c, 'ports', p], field });
      }
    }
  }
}

/**
 * The first wanted port that collides with a port the pod holds, scanning the pod in place
 * (no claim objects: this runs for every pod on every candidate node).
 */
export function firstConflictWithPod(wanted: readonly HostPortClaim[], podSpec: unknown): HostPortClaim | undefined {
  const spec = asRecord(podSpec);
  if (spec === undefined) return undefined;
  const hostNetwork = spec['hostNetwork'] === true;
  return (
    scanForConflict(wanted, spec['initContainers'], true, hostNetwork) ??
    scanForConflict(wanted, spec['containers'], false, hostNetwork)
  );
}

function scanForConflict(
  wanted: readonly HostPortClaim[],
  list: unknown,
  sidecarsOnly: boolean,
  hostNetwork: boolean,
): HostPortClaim | undefined {
  if (!Array.isArray(list)) return undefined;
  for (let c = 0; c < list.length; c++) {
    const container = asRecord(list[c]);
    if (container === undefined || (sidecarsOnly && container['restartPolicy'] !== 'Always')) continue;
    const ports = container['ports'];
    if (!Array.isArray(ports)) continue;
    for (let p = 0; p < ports.length; p++) {
      const entry = asRecord(ports[p]);
      if (entry === undefined) continue;
      let port = typeof entry['hostPort'] === 'number' ? entry['hostPort'] : 0;
      if (port === 0 && hostNetwork && typeof entry['containerPort'] === 'number') port = entry['containerPort'];
      if (!(port > 0)) continue;
      const protocol = asString(entry['protocol']) || 'TCP';
      const hostIP = asString(entry['hostIP']) || BIND_ALL;
      for (const w of wanted) {
        if (
          w.port === port &&
          w.protocol === protocol &&
          (w.hostIP === BIND_ALL || hostIP === BIND_ALL || hostIP === w.hostIP)
        )
          return w;
      }
    }
  }
  return undefined;
}

/** HostPortInfo.CheckConflict for one wanted port against one port already in use. */
export function hostPortsConflict(wanted: HostPortClaim, used: HostPortClaim): boolean {
  if (wanted.port !== used.port || wanted.protocol !== used.protocol) return false;
  if (wanted.hostIP === BIND_ALL) return true;
  return used.hostIP === BIND_ALL || used.hostIP === wanted.hostIP;
}

export function formatHostPort(claim: { port: number; protocol: string; hostIP?: string }): string {
  const ip = claim.hostIP !== undefined && claim.hostIP !== BIND_ALL ? `${claim.hostIP}:` : '';
  return `${ip}${claim.port}/${claim.protocol}`;
}
