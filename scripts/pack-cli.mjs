// `npm run pack:cli`: the `daemonset` command line as its own npm package (cli/package.json),
// packed from the esbuild bundles into <out>/daemonset-studio-cli-<version>.tgz (default: the
// repository root; `--out DIR`). The package holds the CLI bundle (dist/cli.js), the Kubernetes
// client bundle for live clusters (dist/kube.cjs), the bin, the example cluster, README, LICENSE
// and NOTICE: no runtime dependencies (esbuild bundled them), nothing of the VS Code extension.
// It uses the dist/ that is there: `npm run pack:cli` builds it first (production), the install
// test packs what `npm run build` left. Prints the .tgz path.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg >= 0 ? process.argv[outArg + 1] : root);

for (const f of ['dist/cli.js', 'dist/kube.cjs']) {
  if (!existsSync(path.join(root, f))) {
    console.error(`pack-cli: ${f} is missing; run npm run build first`);
    process.exit(2);
  }
}
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const manifest = JSON.parse(readFileSync(path.join(root, 'cli', 'package.json'), 'utf8'));
manifest.version = version;

const stage = mkdtempSync(path.join(tmpdir(), 'daemonset-cli-'));
try {
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const f of ['bin/daemonset.js', 'dist/cli.js', 'dist/kube.cjs', 'examples/cluster', 'LICENSE', 'NOTICE']) {
    mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
    cpSync(path.join(root, f), path.join(stage, f), { recursive: true });
  }
  cpSync(path.join(root, 'docs', 'cli.md'), path.join(stage, 'README.md'));
  mkdirSync(out, { recursive: true });
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
    cwd: stage,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  const [{ filename }] = JSON.parse(json);
  console.log(path.join(out, filename));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
