// Real `kubectl get ds` and `kubectl rollout status` against the loopback API server, compared
// with what we print for the same objects. kubectl computes rollout status itself (from the
// DaemonSet it lists), and with --server-print=false it computes AGE itself too, so both are
// independent checks of our transcriptions; the server-printed table checks the columns and
// their layout.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  formatGetDs,
  formatTable,
  age,
  humanDuration,
  readDaemonSet,
  rolloutStatus,
} from '../../../server/src/placement/liveStatus';
import { FakeApiServer } from '../../support/fakeApiServer';
import { makeDaemonSet } from '../../support/liveObjects';

const dir = mkdtempSync(join(tmpdir(), 'ds-kubectl-live-'));
let server: FakeApiServer;
let kubeconfig: string;
const env = { PATH: process.env.PATH ?? '', HOME: dir };

function kubectl(args: string[]): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'kubectl',
      [...args, '--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache')],
      { timeout: 30_000, env },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as NodeJS.ErrnoException).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const HOUR = 3_600_000;
// Ages far from any HumanDuration boundary, so the seconds between our clock and kubectl's do not matter.
const AGES = {
  'ds-minutes': 95 * 60_000 + 30_000,
  'ds-hours': 5 * HOUR + 20 * 60_000 + 30_000,
  'ds-day': 30 * HOUR + 30 * 60_000,
  'ds-days': (3 * 24 + 4) * HOUR + 30 * 60_000,
  'ds-weeks': 20 * 24 * HOUR + 30 * 60_000,
  'ds-years': (3 * 365 + 40) * 24 * HOUR + 5 * HOUR,
};

// The four cases of upstream's TestDaemonSetStatusViewerStatus, and more.
const ROLLOUT = [
  {
    name: 'r-test1',
    generation: 0,
    status: { observedGeneration: 1, updatedNumberScheduled: 0, desiredNumberScheduled: 1, numberAvailable: 0 },
  },
  {
    name: 'r-test2',
    generation: 1,
    status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 1 },
  },
  {
    name: 'r-test3',
    generation: 1,
    status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
  },
  {
    name: 'r-test4',
    generation: 2,
    status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 },
  },
  { name: 'r-empty', generation: 1, status: { observedGeneration: 1 } },
  {
    name: 'r-midway',
    generation: 7,
    status: { observedGeneration: 7, updatedNumberScheduled: 4, desiredNumberScheduled: 9, numberAvailable: 8 },
  },
];

let started = 0;
before(async () => {
  started = Date.now();
  const objects = [
    makeDaemonSet('ops', 'kube-proxy', {
      created: new Date(started - AGES['ds-days']).toISOString(),
      nodeSelector: { 'kubernetes.io/os': 'linux', 'a.example.com/pool': 'x' },
      status: {
        desiredNumberScheduled: 7,
        currentNumberScheduled: 6,
        numberReady: 5,
        updatedNumberScheduled: 4,
        numberAvailable: 5,
      },
    }),
    ...Object.entries(AGES).map(([name, ms]) =>
      makeDaemonSet('ages', name, { created: new Date(started - ms).toISOString() }),
    ),
    ...ROLLOUT.map((r) => ({ ...makeDaemonSet('roll', r.name, { generation: r.generation }), status: r.status })),
    makeDaemonSet('roll', 'r-ondelete', { strategy: 'OnDelete' }),
  ];
  server = await FakeApiServer.start({ daemonSets: objects });
  server.humanDuration = humanDuration; // the API server's translateTimestampSince
  kubeconfig = server.writeKubeconfig(join(dir, 'config'), { context: 'kind-fake' });
});

after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('kubectl get ds prints what we print (columns, numbers from .status, layout)', async (t) => {
  const run = await kubectl(['get', 'ds', 'kube-proxy', '-n', 'ops']);
  if (run.code === 'ENOENT') return t.skip('kubectl is not on PATH: the agreement check needs a real client');
  assert.equal(run.code, 0, run.stderr);
  const ds = readDaemonSet(server.get('daemonsets', 'ops', 'kube-proxy'));
  assert.ok(ds);
  assert.equal(run.stdout, formatGetDs(ds, Date.now()));
  assert.match(run.stdout, /^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\n/);
});

test('kubectl computes AGE as we do (client-side printing)', async (t) => {
  const run = await kubectl(['get', 'ds', '-n', 'ages', '--server-print=false']);
  if (run.code === 'ENOENT') return t.skip('kubectl is not on PATH: the agreement check needs a real client');
  assert.equal(run.code, 0, run.stderr);
  const now = Date.now();
  const rows = Object.keys(AGES)
    .sort()
    .map((name) => [name, age(server.get('daemonsets', 'ages', name)!.metadata.creationTimestamp, now)]);
  assert.equal(run.stdout, formatTable([['NAME', 'AGE'], ...rows]));
  assert.deepEqual(
    rows.map(([, a]) => a),
    ['30h', '3d4h', '5h20m', '95m', '20d', '3y40d'],
    'ds-day, ds-days, ds-hours, ds-minutes, ds-weeks, ds-years',
  );
});

test('kubectl rollout status --watch=false prints our message, case by case', async (t) => {
  for (const r of ROLLOUT) {
    const run = await kubectl(['rollout', 'status', `ds/${r.name}`, '-n', 'roll', '--watch=false']);
    if (run.code === 'ENOENT') return t.skip('kubectl is not on PATH: the agreement check needs a real client');
    assert.equal(run.code, 0, `${r.name}: ${run.stderr}`);
    const ours = rolloutStatus(readDaemonSet(server.get('daemonsets', 'roll', r.name))!);
    assert.equal(run.stdout, ours.message, r.name);
  }
  const onDelete = await kubectl(['rollout', 'status', 'ds/r-ondelete', '-n', 'roll', '--watch=false']);
  assert.notEqual(onDelete.code, 0);
  const ours = rolloutStatus(readDaemonSet(server.get('daemonsets', 'roll', 'r-ondelete'))!);
  assert.equal(onDelete.stderr.trim(), `error: ${ours.error}`);
});
