// Sysctls: validateSysctls and ValidateHostSysctl (pkg/apis/core/validation), with the namespace
// of a sysctl as k8s.io/component-helpers/node/util/sysctl GetNamespace sees it: net.* is the
// network namespace, kernel.{msg,sem,shm}* and fs.mqueue.* the IPC namespace. A pod that shares the
// host's network (or IPC) namespace may not set that namespace's sysctls.
import { duplicate, invalid, required } from './fieldErrors';
import { arr, obj, str, type Obj } from '../../model/plainValues';
import type { ErrorSink } from './volumeSources';
import { POD } from './paths';

export const SYSCTL_MAX_LENGTH = 253;
/** sysctlContainSlashRegexp */
export const SYSCTL_FMT = '([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL = new RegExp(`^${SYSCTL_FMT}$`);

const IPC_SYSCTLS = new Set([
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.shm_rmid_forced',
]);

/** GetNamespace: which kernel namespace a sysctl belongs to ('' when none). */
export function sysctlNamespace(name: string): 'net' | 'ipc' | '' {
  // NormalizeName: when the first separator is '/', '.' and '/' swap (net/ipv4/conf/eno2.100/rp_filter).
  const first = name.search(/[./]/);
  const n = first < 0 || name[first] === '.' ? name : name.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));
  if (IPC_SYSCTLS.has(n)) return 'ipc';
  if (n.startsWith('net.')) return 'net';
  if (n.startsWith('fs.mqueue.')) return 'ipc';
  return '';
}

export function checkSysctls(r: ErrorSink, pod: Obj): void {
  const sc = obj(pod['securityContext']);
  const names = new Set<string>();
  arr(sc?.['sysctls']).forEach((raw, i) => {
    const s = obj(raw);
    if (!s) return;
    const at = [...POD, 'securityContext', 'sysctls', i, 'name'];
    const name = str(s['name']) ?? '';
    if (name === '') r.error('requiredField', at, required(), { part: 'key' });
    else if (name.length > SYSCTL_MAX_LENGTH || !SYSCTL.test(name)) {
      r.error(
        'invalidSysctl',
        at,
        invalid(name, `must have at most ${SYSCTL_MAX_LENGTH} characters and match regex ${SYSCTL_FMT}`),
      );
    } else if (names.has(name)) r.error('invalidSysctl', at, duplicate(name));
    const ns = sysctlNamespace(name);
    if (ns === 'net' && pod['hostNetwork'] === true)
      r.error('invalidSysctl', at, invalid(name, "may not be specified when 'hostNetwork' is true"));
    else if (ns === 'ipc' && pod['hostIPC'] === true)
      r.error('invalidSysctl', at, invalid(name, "may not be specified when 'hostIPC' is true"));
    names.add(name);
  });
}
