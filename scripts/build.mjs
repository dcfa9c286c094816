// Bundles the client, the language server, the CLI and the webview script with esbuild,
// so the packaged extension ships no node_modules.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// The Kubernetes client is 15 MB of bundled code that only live clusters need: it gets its own
// bundle (dist/kube.cjs), loaded by the dynamic import in server/src/cluster/kubeconfig.ts, so
// the language server starts and runs without parsing it.
const kubeClientApart = {
  name: 'kube-client-apart',
  setup(build) {
    build.onResolve({ filter: /^@kubernetes\/client-node$/ }, () => ({ path: './kube.cjs', external: true }));
  },
};

const builds = [
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
  },
  {
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    plugins: [kubeClientApart],
  },
  {
    entryPoints: ['server/src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    plugins: [kubeClientApart],
  },
  {
    entryPoints: ['@kubernetes/client-node'],
    outfile: 'dist/kube.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  },
];
if (existsSync('client/webview/main.ts')) {
  // The codicon font (@vscode/codicons, imported by main.ts) is copied beside the bundle as
  // dist/codicon.ttf; the CSP's font-src is the webview's own origin (client/src/webviewHtml.ts).
  builds.push({
    entryPoints: ['client/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.ttf': 'file' },
    assetNames: '[name]',
  });
}

if (watch) {
  for (const b of builds) (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
