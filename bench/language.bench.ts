// Language-server benchmark: the real bundled server over LSP stdio, as an editor drives it.
// Prints a markdown table. Targets (issue 2): completion/hover p95 < 10 ms (small) / < 30 ms
// (large); diagnostics after a one-line edit of the large file < 50 ms; server RSS < 120 MB.
import * as fs from 'node:fs';
import { startServer, TestServer } from '../test/support/lspClient';

function daemonSet(i: number): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent-${i}
  namespace: monitoring
  labels:
    app.kubernetes.io/name: agent-${i}
    app.kubernetes.io/part-of: observability
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: agent-${i}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: agent-${i}
    spec:
      serviceAccountName: agent
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      priorityClassName: system-node-critical
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
        - operator: Exists
          effect: NoExecute
      containers:
        - name: agent
          image: registry.example.com/agent:1.${i}.0
          imagePullPolicy: IfNotPresent
          args:
            - --path.rootfs=/host
            - --web.listen-address=:9100
          ports:
            - name: metrics
              containerPort: 9100
              hostPort: 9100
              protocol: TCP
          env:
            - name: NODE_NAME
              valueFrom:
                fieldRef:
                  fieldPath: spec.nodeName
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              cpu: 200m
              memory: 128Mi
          livenessProbe:
            httpGet:
              path: /healthz
              port: 9100
            periodSeconds: 10
          volumeMounts:
            - name: root
              mountPath: /host
              readOnly: true
              mountPropagation: HostToContainer
          securityContext:
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            runAsUser: 65534
      volumes:
        - name: root
          hostPath:
            path: /
`;
}

function stats(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

const ms = (t: bigint) => Number(t) / 1e6;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  return [ms(process.hrtime.bigint() - t0), r];
}

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle) + delta;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - before.lastIndexOf('\n') - 1 };
}

async function measure(server: TestServer, label: string, text: string): Promise<string[]> {
  const diag = (uri: string) =>
    server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{
      items: unknown[];
    }>;
  const uri = server.open(`${label}.yaml`, text);
  const [openMs] = await timed(() => diag(uri));
  // The last document: the cursor is deep in the file.
  const lastStart = text.lastIndexOf('apiVersion: apps/v1');
  const tail = text.slice(lastStart);
  const offsetLines = text.slice(0, lastStart).split('\n').length - 1;
  const completionPos = (() => {
    const p = positionOf(tail, '    updateStrategy:');
    return { line: p.line + offsetLines, character: 2 };
  })();
  const hoverPos = (() => {
    const p = positionOf(tail, 'imagePullPolicy', 3);
    return { line: p.line + offsetLines, character: p.character };
  })();
  // Steady state, as in an editor session: the first requests also compile the code paths.
  for (let i = 0; i < 10; i++) {
    await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: completionPos });
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverPos });
  }
  const completion: number[] = [];
  const hover: number[] = [];
  for (let i = 0; i < 30; i++) {
    completion.push(
      (
        await timed(() =>
          server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: completionPos }),
        )
      )[0],
    );
    hover.push(
      (
        await timed(() =>
          server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverPos }),
        )
      )[0],
    );
  }
  const edits: number[] = [];
  let current = text;
  for (let v = 2; v < 12; v++) {
    current = current.replace(/cpu: 50m|cpu: 51m/, v % 2 ? 'cpu: 50m' : 'cpu: 51m');
    server.change(uri, current, v);
    edits.push((await timed(() => diag(uri)))[0]);
  }
  const c = stats(completion);
  const h = stats(hover);
  const e = stats(edits);
  const lines = text.split('\n').length;
  return [
    `| ${label} (${lines} lines) | open → diagnostics | ${openMs.toFixed(1)} ms | |`,
    `| ${label} | completion (30) | median ${c.median.toFixed(2)} ms | p95 ${c.p95.toFixed(2)} ms |`,
    `| ${label} | hover (30) | median ${h.median.toFixed(2)} ms | p95 ${h.p95.toFixed(2)} ms |`,
    `| ${label} | diagnostics after a one-line edit (10) | median ${e.median.toFixed(2)} ms | p95 ${e.p95.toFixed(2)} ms |`,
  ];
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const rows = ['| file | measure | value | |', '| --- | --- | --- | --- |'];
    rows.push(...(await measure(server, 'small', daemonSet(0))));
    rows.push(...(await measure(server, 'large', Array.from({ length: 200 }, (_, i) => daemonSet(i)).join('---\n'))));
    const status = fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    rows.push(`| server | peak RSS (VmHWM) | ${hwm ? (Number(hwm) / 1024).toFixed(1) : '?'} MB | |`);
    console.log(rows.join('\n'));
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
