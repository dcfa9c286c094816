// Writes docs/rules.md and docs/best-practices.md from the rules table (server/src/features/diagnostics/rules.ts
// and rulesCompared.ts). `npm run gen:rules`; `node scripts/gen-rules.mjs --check` exits 1 when a file is stale.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'gen-rules-'));
const outfile = path.join(dir, 'rulesDoc.cjs');
try {
  await esbuild.build({
    entryPoints: [path.join(root, 'server/src/features/diagnostics/rulesDoc.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  const { renderRulesMarkdown, renderBestPracticesMarkdown } = createRequire(import.meta.url)(outfile);
  for (const [name, text] of [
    ['rules.md', renderRulesMarkdown()],
    ['best-practices.md', renderBestPracticesMarkdown()],
  ]) {
    const target = path.join(root, 'docs', name);
    if (process.argv.includes('--check')) {
      const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
      if (current !== text) {
        console.error(`docs/${name} is out of date: run npm run gen:rules`);
        process.exitCode = 1;
      }
    } else {
      writeFileSync(target, text);
      console.log(`wrote docs/${name} (${text.length} bytes)`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
