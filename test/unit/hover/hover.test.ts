import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/features/hover';
import { defaultContext, FeatureContext } from '../../../server/src/features/context';
import { parseDocumentModel } from '../../../server/src/model';
import { DAEMON_POD_TOLERATIONS } from '../../../server/src/placement';
import { caret, yaml } from '../../support/caret';

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app: agent
    spec:
      restartPolicy: Always
      tolerations:
        - key: dedicated
          operator: Exists
      containers:
        - name: agent
          image: busybox
          args: ["--verbose"]
          resources:
            limits:
              cpu: 100m
`;

/** Put the `$0` caret into `text` where `before$0after` matches the text with the caret removed. */
function withCaret(text: string, pattern: string): string {
  const plain = pattern.replace('$0', '');
  const at = text.indexOf(plain);
  assert.ok(at >= 0, `${plain} not in the text`);
  return text.slice(0, at) + pattern + text.slice(at + plain.length);
}

function markdownAt(textWithCaret: string, ctx: FeatureContext = defaultContext()): string | null {
  const { text, offset } = caret(textWithCaret);
  const result = hover(parseDocumentModel(text), offset, ctx);
  if (!result) return null;
  const contents = result.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

test('a key shows what kubectl explain shows: path, GVK, field and type, description', () => {
  const md = markdownAt(withCaret(DS, 'ima$0ge: busybox'))!;
  assert.match(md, /\*\*`spec\.template\.spec\.containers\[\]\.image`\*\*/);
  assert.match(md, /GROUP: `apps` · KIND: `DaemonSet` · VERSION: `v1`/);
  assert.match(md, /FIELD: \*\*image\*\* `<string>`/);
  assert.doesNotMatch(md, /-required-/);
  assert.match(md, /DESCRIPTION:\n\nContainer image name\./);
});

test('a required object field is marked and lists its fields', () => {
  const md = markdownAt(withCaret(DS, '  sel$0ector:'))!;
  assert.match(md, /FIELD: \*\*selector\*\* `<LabelSelector>` \*\*-required-\*\*/);
  assert.match(md, /FIELDS: `matchExpressions` · `matchLabels`/);
  // The DaemonSet fact: must match the template labels, immutable after creation.
  assert.match(md, /\*\*DaemonSet:\*\* Must select the pod template's labels/);
  assert.match(md, /cannot be changed after the DaemonSet is created/);
  assert.match(md, /ValidateDaemonSetUpdate/);
  const containers = markdownAt(withCaret(DS, 'contain$0ers:'))!;
  assert.match(containers, /FIELD: \*\*containers\*\* `<\[\]Container>` \*\*-required-\*\*/);
  assert.match(containers, /FIELDS: .*\*\*`name`\*\*/);
});

test('an enum key lists the values and the default', () => {
  const md = markdownAt(withCaret(DS, 'ty$0pe: RollingUpdate'))!;
  assert.match(md, /\*\*`spec\.updateStrategy\.type`\*\*/);
  assert.match(md, /ENUM: `OnDelete` · `RollingUpdate`/);
  assert.match(md, /DEFAULT: `RollingUpdate`/);
  assert.match(md, /`OnDelete`: a node gets the new template only when its old pod is deleted/);
});

test('an enum value says what that value means', () => {
  const md = markdownAt(withCaret(DS, 'type: Rolling$0Update'))!;
  assert.match(md, /\*\*`spec\.updateStrategy\.type`\*\*: `RollingUpdate`/);
  assert.match(md, /replaces the daemon pods itself, node by node/);
  assert.match(md, /ENUM: `OnDelete` · \*\*`RollingUpdate`\*\*/);

  const onDelete = markdownAt(withCaret(DS.replace('type: RollingUpdate', 'type: OnDelete'), 'type: OnDel$0ete'))!;
  assert.match(onDelete, /does not touch running pods/);

  const op = markdownAt(withCaret(DS, 'operator: Exi$0sts'))!;
  assert.match(op, /\*\*`spec\.template\.spec\.tolerations\[\]\.operator`\*\*: `Exists`/);
  assert.match(op, /Any value of the taint key matches/);

  const bad = markdownAt(withCaret(DS.replace('type: RollingUpdate', 'type: Sometimes'), 'type: Some$0times'))!;
  assert.match(bad, /`Sometimes` is not an allowed value/);
});

test('restartPolicy: only Always is allowed in a DaemonSet', () => {
  const key = markdownAt(withCaret(DS, 'restart$0Policy: Always'))!;
  assert.match(key, /A DaemonSet accepts only `Always` here/);
  assert.match(key, /ValidateDaemonSetSpec/);
  const value = markdownAt(
    withCaret(DS.replace('restartPolicy: Always', 'restartPolicy: Never'), 'restartPolicy: Nev$0er'),
  )!;
  assert.match(value, /Rejected in a DaemonSet/);
});

test('tolerations name the ones the controller adds', () => {
  const md = markdownAt(withCaret(DS, 'toler$0ations:'))!;
  // The hover names every toleration the engine adds (one list: placement/tolerations.ts).
  for (const { toleration, onlyWithHostNetwork } of DAEMON_POD_TOLERATIONS) {
    const t = `${toleration.key}:${toleration.effect}`;
    assert.ok(md.includes(`\`${t}\`${onlyWithHostNetwork ? ' (only with `hostNetwork: true`)' : ''}`), t);
  }
  assert.match(md, /`node\.kubernetes\.io\/network-unavailable:NoSchedule` \(only with `hostNetwork: true`\)/);
  assert.match(md, /AddOrUpdateDaemonPodTolerations/);
  assert.match(md, /This template does not set `hostNetwork: true`/);
  const hostNet = DS.replace('      restartPolicy: Always', '      restartPolicy: Always\n      hostNetwork: true');
  assert.match(
    markdownAt(withCaret(hostNet, 'toler$0ations:'))!,
    /also get `node\.kubernetes\.io\/network-unavailable:NoSchedule`/,
  );
});

test('maxUnavailable: 10% is explained in nodes, rounded up', () => {
  for (const pattern of ['maxUnav$0ailable: 10%', 'maxUnavailable: 1$00%']) {
    const md = markdownAt(withCaret(DS, pattern))!;
    assert.match(md, /FIELD: \*\*maxUnavailable\*\* `<IntOrString>`/);
    assert.match(md, /DEFAULT: `1`/);
    assert.match(
      md,
      /`10%` of the N nodes that should run the pod, rounded up, may be without an available daemon pod at once — e\.g\. 1 of 1, 1 of 10, 3 of 25, 10 of 100 nodes\./,
    );
    assert.match(md, /rounded \*\*up\*\*/);
  }
});

test('with a cluster snapshot the percentage is counted over its nodes', () => {
  const nodes = Array.from({ length: 37 }, (_, i) => ({ metadata: { name: `n${i}` } }));
  const ctx: FeatureContext = {
    ...defaultContext(),
    cluster: { source: 'example cluster', readAt: 'now', state: { nodes } },
  };
  const md = markdownAt(withCaret(DS, 'maxUnav$0ailable: 10%'), ctx)!;
  assert.match(md, /4 of 37 nodes if every node of example cluster runs it/);
});

test('maxSurge: unset means 0; with a hostPort a surge can never finish', () => {
  const unset = withCaret(DS, 'rolling$0Update:');
  assert.match(markdownAt(unset)!, /FIELD: \*\*rollingUpdate\*\* `<RollingUpdateDaemonSet>`/);

  const surge = DS.replace('maxUnavailable: 10%', 'maxUnavailable: 0\n      maxSurge: 25%').replace(
    '          image: busybox',
    '          image: busybox\n          ports:\n            - containerPort: 9100\n              hostPort: 9100',
  );
  const md = markdownAt(withCaret(surge, 'max$0Surge: 25%'))!;
  assert.match(md, /`25%` of the N nodes that should run the pod, rounded up, may run a new pod next to the old one/);
  assert.match(md, /This template sets a `hostPort`: surge pods cannot start next to the old pod/);
  const port = markdownAt(withCaret(surge, 'host$0Port: 9100'))!;
  assert.match(port, /a surge pod can never start/);

  const onDelete = DS.replace('type: RollingUpdate', 'type: OnDelete');
  assert.match(
    markdownAt(withCaret(onDelete, 'maxUnav$0ailable'))!,
    /Not used while `updateStrategy\.type` is `OnDelete`/,
  );
  assert.doesNotMatch(markdownAt(withCaret(DS, 'maxUnav$0ailable'))!, /Not used while/);

  const zero = markdownAt(withCaret(DS.replace('maxUnavailable: 10%', 'maxUnavailable: 0'), 'maxUnav$0ailable: 0'))!;
  assert.match(zero, /if both come out 0 the controller uses 1 unavailable node/);
});

test('apiVersion and kind show the resource', () => {
  for (const pattern of ['ki$0nd: DaemonSet', 'kind: Daemon$0Set', 'apiVer$0sion: apps/v1']) {
    const md = markdownAt(withCaret(DS, pattern))!;
    assert.match(md, /^\*\*DaemonSet\*\* `apps\/v1`/);
    assert.match(md, /DESCRIPTION:\n\nDaemonSet represents the configuration of a daemon set\./);
    assert.match(md, /`spec` `<DaemonSetSpec>`/);
  }
  const old = markdownAt(withCaret(DS.replace('apps/v1', 'extensions/v1beta1'), 'apiVer$0sion'))!;
  assert.match(old, /`apiVersion: extensions\/v1beta1` is not served/);
});

test('map entries and quantities document their map field', () => {
  const md = markdownAt(withCaret(DS, 'c$0pu: 100m'))!;
  assert.match(md, /\*\*`spec\.template\.spec\.containers\[\]\.resources\.limits`\*\*/);
  assert.match(md, /FIELD: \*\*limits\*\* `<map\[string\]Quantity>`/);
  assert.match(md, /Entry `cpu` of this map: a `<Quantity>` value/);
  const label = markdownAt(withCaret(DS, '      app$0: agent'))!;
  assert.match(label, /FIELD: \*\*matchLabels\*\* `<map\[string\]string>`/);
});

test('a scalar in a list is documented by the list field', () => {
  const md = markdownAt(withCaret(DS, '"--verb$0ose"'))!;
  assert.match(md, /FIELD: \*\*args\*\* `<\[\]string>`/);
});

test('the hover range covers the key under the caret', () => {
  const { text, offset } = caret(withCaret(DS, 'ima$0ge: busybox'));
  const result = hover(parseDocumentModel(text), offset, defaultContext())!;
  const line = text.split('\n').findIndex((l) => l.includes('image: busybox'));
  assert.deepEqual(result.range, { start: { line, character: 10 }, end: { line, character: 15 } });
});

test('a field inside a kind: List item', () => {
  const list = yaml`
    apiVersion: v1
    kind: List
    items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        data: {minReadySeconds: "3"}
      - apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: in-list}
        spec:
          minReadySeconds: 5
  `;
  const md = markdownAt(withCaret(list, 'minReady$0Seconds: 5'))!;
  assert.match(md, /\*\*`spec\.minReadySeconds`\*\*/);
  assert.match(md, /FIELD: \*\*minReadySeconds\*\* `<integer>`/);
  assert.match(md, /DEFAULT: `0`/);
  assert.match(md, /counts as available only after it has been ready this long/);
  // The ConfigMap item next to it is not a DaemonSet.
  assert.equal(markdownAt(withCaret(list, 'data: {minReady$0Seconds')), null);
});

test('no hover outside DaemonSets, on unknown fields, or on whitespace', () => {
  const deployment = DS.replace('kind: DaemonSet', 'kind: Deployment');
  assert.equal(markdownAt(withCaret(deployment, 'ima$0ge: busybox')), null);
  assert.equal(markdownAt(withCaret(DS.replace('image: busybox', 'imagex: busybox'), 'ima$0gex')), null);
  assert.equal(markdownAt('$0\n' + DS), null);
  const twoDocs = `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\n${DS}`;
  assert.equal(markdownAt(withCaret(twoDocs, 'na$0me: s')), null);
  assert.ok(markdownAt(withCaret(twoDocs, 'na$0me: agent')));
});

test('descriptions are escaped so markup in them stays text', () => {
  const spread = DS.replace(
    '      restartPolicy: Always',
    '      restartPolicy: Always\n      topologySpreadConstraints:\n        - whenUnsatisfiable: DoNotSchedule',
  );
  const md = markdownAt(withCaret(spread, 'whenUnsat$0isfiable'))!;
  assert.match(md, /won't make it \\\*more\\\* imbalanced/);
});
