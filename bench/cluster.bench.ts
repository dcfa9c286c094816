// Cluster-source benchmark: loading a generated 10,000-node snapshot (kubectl's YAML and JSON
// shapes) and listing the same nodes from the loopback fake API server in pages of 500.
// Each case runs in a fresh child process so peak RSS belongs to that case alone.
// Prints a markdown table. Run: `npm run bench`, or `node --expose-gc out/bench/cluster.bench.js`.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { KubeconfigSource } from '../server/src/cluster/kubeconfigSource';
import { loadSnapshotFiles } from '../server/src/cluster/snapshot';
import { FakeApiServer } from '../test/support/fakeApiServer';

const NODES = Number(process.env.BENCH_NODES ?? 10_000);
const RUNS = 3;

/** A node the size and shape a real cluster returns (labels, conditions, images, addresses). */
function realisticNode(i: number): Record<string, unknown> {
  const name = `ip-10-${(i >> 16) & 255}-${(i >> 8) & 255}-${i & 255}.eu-west-1.compute.internal`;
  const zone = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i % 3] as string;
  const cond = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: '2025-06-12T08:41:07Z',
    lastTransitionTime: '2025-03-04T09:13:10Z',
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': `10.0.${(i >> 8) & 255}.${i & 255}`,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: '2025-03-04T09:12:41Z',
      labels: {
        'beta.kubernetes.io/arch': i % 5 === 0 ? 'arm64' : 'amd64',
        'beta.kubernetes.io/instance-type': 'm6i.2xlarge',
        'beta.kubernetes.io/os': 'linux',
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        'eks.amazonaws.com/nodegroup': `ng-${i % 20}`,
        'kubernetes.io/arch': i % 5 === 0 ? 'arm64' : 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'm6i.2xlarge',
        'topology.kubernetes.io/region': 'eu-west-1',
        'topology.kubernetes.io/zone': zone,
      },
      name,
      resourceVersion: String(100000 + i),
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    },
    spec: {
      providerID: `aws:///${zone}/i-0${i.toString(16).padStart(16, '0')}`,
      ...(i % 50 === 0 ? { taints: [{ effect: 'NoSchedule', key: 'dedicated', value: 'gpu' }] } : {}),
    },
    status: {
      addresses: [
        { address: `10.0.${(i >> 8) & 255}.${i & 255}`, type: 'InternalIP' },
        { address: name, type: 'InternalDNS' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: {
        cpu: '7910m',
        'ephemeral-storage': '95491281146',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '31619252Ki',
        pods: '58',
      },
      capacity: {
        cpu: '8',
        'ephemeral-storage': '104845292Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '32636084Ki',
        pods: '58',
      },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: Array.from({ length: 6 }, (_, j) => ({
        names: [
          `602401143452.dkr.ecr.eu-west-1.amazonaws.com/image-${j}@sha256:${String(j).repeat(64).slice(0, 64)}`,
          `602401143452.dkr.ecr.eu-west-1.amazonaws.com/image-${j}:v1.${j}.0`,
        ],
        sizeBytes: 10_000_000 + j * 1_234_567,
      })),
      nodeInfo: {
        architecture: i % 5 === 0 ? 'arm64' : 'amd64',
        bootID: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.1.128-136.201.amzn2023.x86_64',
        kubeProxyVersion: 'v1.32.2-eks-bc803b4',
        kubeletVersion: 'v1.32.2-eks-bc803b4',
        machineID: `ec2${String(i).padStart(29, '0')}`,
        operatingSystem: 'linux',
        osImage: 'Amazon Linux 2023.6.20250303',
        systemUUID: `ec2${String(i).padStart(29, '0')}`,
      },
    },
  };
}

interface Measured {
  firstMs: number;
  /** CPU time of the median run: steadier than wall time on a shared machine. */
  cpuMs: number;
  medianMs: number;
  retainedMiB: number;
  peakRssMiB: number;
  nodes: number;
}

const mib = (b: number): number => b / 1048576;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function measure(load: () => Promise<number>): Promise<Measured> {
  gc();
  const base = process.memoryUsage().heapUsed;
  const times: number[] = [];
  const cpus: number[] = [];
  let nodes = 0;
  let retained = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    nodes = await load();
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpus.push((c.user + c.system) / 1000);
    if (r === 0) {
      gc();
      retained = process.memoryUsage().heapUsed - base;
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return {
    firstMs: times[0] ?? 0,
    medianMs: median,
    cpuMs: cpus[times.indexOf(median)] ?? 0,
    retainedMiB: mib(retained),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    nodes,
  };
}

/** Child mode: `cluster.bench.js --case <snapshot|live> <file>`; prints one JSON line. */
async function child(kind: string, file: string): Promise<void> {
  let keep: unknown;
  const m = await measure(async () => {
    if (kind === 'snapshot') {
      const state = await loadSnapshotFiles({ nodesFile: file });
      keep = state; // held so the retained-heap figure is the loaded state
      return state.nodes.length;
    }
    const source = await KubeconfigSource.create({ kubeconfig: file, pageSize: 500, timeoutMs: 60_000 });
    const snap = await source.load();
    source.dispose();
    if (snap.status.state !== 'ok') throw new Error(snap.status.message);
    keep = snap.state;
    return snap.state.nodes.length;
  });
  void keep;
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cluster-bench-'));
  const server = { current: undefined as FakeApiServer | undefined };
  try {
    const nodes = Array.from({ length: NODES }, (_, i) => realisticNode(i));
    const list = { apiVersion: 'v1', items: nodes, kind: 'List', metadata: { resourceVersion: '' } };
    const yamlFile = join(dir, 'nodes.yaml');
    const jsonFile = join(dir, 'nodes.json');
    writeFileSync(yamlFile, stringify(list, { indentSeq: false, lineWidth: 0, version: '1.1' }));
    writeFileSync(jsonFile, JSON.stringify(list, null, 4));
    server.current = await FakeApiServer.start({ nodes });
    const kubeconfig = server.current.writeKubeconfig(join(dir, 'kubeconfig'));

    const cases: Array<[string, string, string, string]> = [
      [
        `snapshot, \`kubectl get nodes -o yaml\` (${NODES} nodes)`,
        'snapshot',
        yamlFile,
        `${mib(statSync(yamlFile).size).toFixed(1)} MiB`,
      ],
      [
        `snapshot, \`kubectl get nodes -o json\` (${NODES} nodes)`,
        'snapshot',
        jsonFile,
        `${mib(statSync(jsonFile).size).toFixed(1)} MiB`,
      ],
      [`live list from the fake API server, pages of 500 (${NODES} nodes)`, 'live', kubeconfig, 'HTTPS loopback'],
    ];
    console.log('| case | input | first load | median of 3 (wall) | its CPU time | retained heap | peak RSS |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [label, kind, file, input] of cases) {
      // The child must not share this process's event loop: the live case's server runs here.
      const out = await new Promise<string>((resolve, reject) => {
        execFile(
          process.execPath,
          ['--expose-gc', __filename, '--case', kind, file],
          { maxBuffer: 1 << 20, timeout: 600_000 },
          (err, stdout, stderr) => (err ? reject(new Error(`${label}: ${stderr || err.message}`)) : resolve(stdout)),
        );
      });
      const m = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measured;
      if (m.nodes !== NODES) throw new Error(`${label}: loaded ${m.nodes} nodes, expected ${NODES}`);
      console.log(
        `| ${label} | ${input} | ${m.firstMs.toFixed(0)} ms | ${m.medianMs.toFixed(0)} ms | ${m.cpuMs.toFixed(0)} ms | ${m.retainedMiB.toFixed(1)} MiB | ${m.peakRssMiB.toFixed(0)} MiB |`,
      );
    }
    console.log();
    console.log(
      `Node ${process.version}; the first load includes importing @kubernetes/client-node (live case) and warming up; CPU time counts all threads of the loading process (the live case's server runs in the parent); retained heap = heap after the first load and a GC, minus before (the engine-ready ClusterState only: images, addresses and managedFields are dropped on load).`,
    );
  } finally {
    await server.current?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const caseIndex = process.argv.indexOf('--case');
if (caseIndex >= 0) {
  child(process.argv[caseIndex + 1] ?? '', process.argv[caseIndex + 2] ?? '').catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  });
} else {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
