// Runs the extension-host suite in desktop VS Code with @vscode/test-electron: it downloads a
// VS Code build (into .vscode-test/) unless VSCODE_EXECUTABLE names an installed one, then
// starts it with the repository as the extension under development and a scratch copy of
// examples/workspace as the folder. For machines that can download VS Code and show a window
// (or run under xvfb-run); CI here uses runCodeServer.ts, which runs the same suite.
//
//   npm run build && npx tsc -p tsconfig.json && npx tsc -p test/e2e/tsconfig.json
//   node out/test/e2e/runDesktop.js            # or: xvfb-run -a node out/test/e2e/runDesktop.js
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyFolder, repoRoot, tempDir } from './codeServer';

async function main(): Promise<void> {
  const tmp = tempDir('daemonset-desktop-');
  const workspace = copyFolder(path.join(repoRoot, 'examples', 'workspace'), path.join(tmp, 'workspace'));
  const outDir = path.join(tmp, 'out');
  fs.mkdirSync(outDir);
  try {
    const code = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { DAEMONSET_E2E_OUT: outDir },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
      ],
    });
    process.exitCode = code;
  } catch (e) {
    process.stderr.write(`runDesktop: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
