// Probes and lifecycle hooks: validateProbe, validateLivenessProbe, validateReadinessProbe,
// validateStartupProbe, validateHandler, validateLifecycle and the action validators
// (pkg/apis/core/validation/validation.go). Zero thresholds and timeouts are defaulted
// (SetDefaults_Probe), and an httpGet path defaults to "/".
import type { FieldPath } from '../../model';
import { forbidden, invalid, IS_NEGATIVE, required } from './fieldErrors';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './nameSyntax';
import { arr, has, int, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';

type ProbeKind = 'liveness' | 'readiness' | 'startup';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

export function checkProbe(r: Reporter, value: unknown, path: FieldPath, kind: ProbeKind, grace: number): void {
  const probe = obj(value);
  if (!probe) return;
  checkHandler(r, probe, path, PROBE_HANDLERS, grace);
  for (const field of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    const n = int(probe[field]);
    if (n !== undefined && n < 0) r.error('negativeValue', [...path, field], invalid(n, IS_NEGATIVE));
  }
  const tgps = int(probe['terminationGracePeriodSeconds']);
  if (tgps !== undefined && tgps <= 0)
    r.error('invalidProbe', [...path, 'terminationGracePeriodSeconds'], invalid(tgps, 'must be greater than 0'));
  if (kind === 'readiness' && has(probe, 'terminationGracePeriodSeconds')) {
    r.error(
      'invalidProbe',
      [...path, 'terminationGracePeriodSeconds'],
      invalid(probe['terminationGracePeriodSeconds'], 'must not be set for readinessProbes'),
    );
  }
  const success = int(probe['successThreshold']);
  // validateLivenessProbe / validateStartupProbe; 0 is defaulted to 1.
  if (kind !== 'readiness' && success !== undefined && success !== 0 && success !== 1) {
    r.error('probeSuccessThreshold', [...path, 'successThreshold'], invalid(success, 'must be 1'));
  }
}

export function checkLifecycle(r: Reporter, lifecycle: Obj | undefined, path: FieldPath, grace: number): void {
  if (!lifecycle) return;
  for (const hook of ['postStart', 'preStop']) {
    const h = obj(lifecycle[hook]);
    if (h) checkHandler(r, h, [...path, hook], LIFECYCLE_HANDLERS, grace);
  }
}

/** validateHandler: exactly one action. */
function checkHandler(r: Reporter, h: Obj, path: FieldPath, kinds: readonly string[], grace: number): void {
  const present = kinds.filter((k) => has(h, k));
  if (present.length === 0) {
    r.error('probeHandler', path, required('must specify a handler type'), { part: 'key', required: true });
    return;
  }
  for (const extra of present.slice(1))
    r.error('probeHandler', [...path, extra], forbidden('may not specify more than 1 handler type'), { part: 'key' });
  const kind = present[0]!;
  const action = obj(h[kind]);
  if (!action) return;
  const at = [...path, kind];
  switch (kind) {
    case 'exec':
      if (arr(action['command']).length === 0)
        r.error('requiredField', [...at, 'command'], required(), { required: true });
      break;
    case 'httpGet':
      checkPortNumOrName(r, action['port'] ?? 0, [...at, 'port'], !has(action, 'port'));
      arr(action['httpHeaders']).forEach((raw, i) => {
        const header = obj(raw);
        if (!header) return;
        const name = str(header['name']) ?? '';
        // validateHTTPGetAction reports on ".httpHeaders" (no index); the range is the name.
        for (const e of isHTTPHeaderName(name))
          r.error('invalidProbe', [...at, 'httpHeaders'], invalid(name, e), {
            at: [...at, 'httpHeaders', i, 'name'],
            part: has(header, 'name') ? 'value' : 'key',
          });
      });
      break;
    case 'tcpSocket':
      checkPortNumOrName(r, action['port'] ?? 0, [...at, 'port'], !has(action, 'port'));
      break;
    case 'grpc': {
      const port = int(action['port']) ?? 0;
      // validateGRPCAction: one Invalid per IsValidPortNum message.
      for (const msg of isValidPortNum(port))
        r.error('invalidPort', [...at, 'port'], invalid(port, msg), {
          part: has(action, 'port') ? 'value' : 'key',
        });
      break;
    }
    case 'sleep': {
      // validateSleepAction with PodLifecycleSleepActionAllowZero: the error is on `sleep`.
      const seconds = int(action['seconds']) ?? 0;
      if (seconds < 0 || seconds > grace) {
        r.error(
          'invalidProbe',
          at,
          invalid(seconds, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`),
          { at: [...at, 'seconds'] },
        );
      }
      break;
    }
  }
}

/** ValidatePortNumOrName: one Invalid per message; a missing port is 0. */
function checkPortNumOrName(r: Reporter, port: unknown, path: FieldPath, missing = false): void {
  if (typeof port === 'number' && Number.isInteger(port)) {
    for (const e of isValidPortNum(port))
      r.error('invalidPort', path, invalid(port, e), { part: missing ? 'key' : 'value' });
  } else if (typeof port === 'string') {
    for (const e of isValidPortName(port)) r.error('invalidPort', path, invalid(port, e));
  }
}
