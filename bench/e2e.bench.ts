// End-to-end benchmark in a real VS Code (code-server, Node extension host): for each of N fresh
// windows, the time from opening a DaemonSet until the extension is active (its activate(), which
// starts the language server, resolved), and until the editor holds its first diagnostics.
// The workspace holds no YAML, so opening the file is what activates the extension.
// Prints a markdown table. Runs: E2E_BENCH_RUNS (default 5). Needs code-server (setup-e2e.sh,
// run here when missing) and a build in dist/ (`npm run build`).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeServer,
  launchBrowser,
  makeProfile,
  repoRoot,
  startCodeServer,
  stopCodeServersOnSignals,
  tempDir,
} from '../test/e2e/codeServer';
import { runSuiteInWindow } from '../test/e2e/runCodeServer';

interface Sample {
  activationMs: number;
  firstDiagnosticsMs: number | null;
}

function stats(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
}

async function main(): Promise<void> {
  stopCodeServersOnSignals();
  const runs = Number(process.env.E2E_BENCH_RUNS || 5);
  execFileSync('bash', [path.join(repoRoot, 'scripts', 'setup-e2e.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const suite = path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'bench.js');
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      path.join(repoRoot, 'test', 'e2e', 'tsconfig.json'),
    ],
    { stdio: 'inherit' },
  );
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'client.js')))
    throw new Error('dist/client.js is missing: run `npm run build`');

  const tmp = tempDir('daemonset-e2e-bench-');
  const workspace = path.join(tmp, 'empty-workspace');
  fs.mkdirSync(workspace);
  const file = path.join(tmp, 'files', 'mistakes.yaml');
  fs.mkdirSync(path.dirname(file));
  fs.copyFileSync(path.join(repoRoot, 'examples', 'workspace', 'mistakes.yaml'), file);
  const outDir = path.join(tmp, 'out');
  fs.mkdirSync(outDir);
  const profile = makeProfile(path.join(tmp, 'profile'));
  let cs: CodeServer | undefined;
  const samples: Sample[] = [];
  try {
    cs = await startCodeServer({ profile, env: { DAEMONSET_E2E_OUT: outDir, DAEMONSET_E2E_BENCH_FILE: file } });
    const browser = await launchBrowser();
    try {
      for (let i = 0; i < runs; i++) {
        fs.rmSync(path.join(outDir, 'data.jsonl'), { force: true });
        const { exitCode, page, log } = await runSuiteInWindow(cs, browser, workspace, {
          suite,
          timeoutMs: 120_000,
          name: 'e2e-bench',
          quiet: true,
        });
        await page.context().close();
        const data = path.join(outDir, 'data.jsonl');
        if (exitCode !== 0 || !fs.existsSync(data))
          throw new Error(
            `bench window ${i + 1} failed (exit ${exitCode}):\n${log.filter((l) => l.includes('[e2e]') || l.includes('rror')).join('\n')}`,
          );
        samples.push(JSON.parse(fs.readFileSync(data, 'utf8').trim().split('\n').pop()!) as Sample);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await cs?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const fmt = (n: number) => `${n.toFixed(0)} ms`;
  const row = (what: string, xs: number[]) => {
    if (xs.length === 0) return `| ${what} | no diagnostics within 30 s | | | 0 |`;
    const s = stats(xs);
    return `| ${what} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} | ${xs.length} |`;
  };
  const diag = samples.map((s) => s.firstDiagnosticsMs).filter((x): x is number => x !== null);
  console.log('code-server 4.100.3 (VS Code 1.100), unpacked development build, a fresh window per run.');
  console.log('');
  console.log('| from opening a DaemonSet to | median | min | max | runs |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(
    row(
      'extension active (activate() resolved, language server started)',
      samples.map((s) => s.activationMs),
    ),
  );
  console.log(row('first diagnostics in the editor', diag));
}

main().catch((e) => {
  console.error(`e2e bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
