// `daemonset` command line: the same engines as the editor, so the checks also run in CI.
//   daemonset lint <files…> [--format json]
//   daemonset placement <manifest> [--nodes <file>] [--pods <file>] [--context <name>] [--format json]
//   daemonset status <manifest> [--context <name>] [--format json]
// A subcommand is one entry of COMMANDS: its usage line, its summary and its runner.
import type { CliIo } from './io';
import { runLint } from './lint';
import { terminalSafeIo } from './terminal';
import { runPlacement } from './placement';
import { runRollout } from './rollout';
import { runStatus } from './status';

export type { CliIo };

interface Command {
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  lint: {
    usage: 'daemonset lint <files…> [--format text|json|sarif|github] [--max-warnings N] [--config FILE]',
    summary:
      'Report what the API server would reject and the node-agent best practices (exit 1 on errors or too many warnings, 2 when it cannot run).',
    run: runLint,
  },
  placement: {
    usage:
      'daemonset placement <manifest> [--nodes <file>] [--pods <file>] [--context <name>] [--kubeconfig <file>] [--format text|json]',
    summary: "Predict, node by node, where the DaemonSet's pods would run (default: the bundled example cluster).",
    run: runPlacement,
  },
  rollout: {
    usage:
      'daemonset rollout <files…> [--nodes <file>] [--pods <file>] [--context <name>] [--kubeconfig <file>] [--format text|json]',
    summary: 'How a template change rolls out: maxUnavailable/maxSurge in nodes, batches, blocked nodes, an estimate.',
    run: runRollout,
  },
  status: {
    usage: 'daemonset status <manifest> [--context <name>] [--kubeconfig <file>] [--format text|json]',
    summary:
      "The same DaemonSet in the cluster: kubectl get ds, rollout status, pods and drift per node (default: the example cluster's live state).",
    run: runStatus,
  },
};

const USAGE = `Usage:\n${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}\n      ${c.summary}\n`)
  .join('')}`;

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafeIo(rawIo);
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  const found = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!found) {
    io.stderr(`daemonset: unknown command '${command}'\n${USAGE}`);
    return 2;
  }
  return found.run(rest, io);
}

/**
 * Runs the command line on this process's arguments and sets its exit code. bin/daemonset.js calls
 * it; so does `node dist/cli.js`. (Not keyed on the script's name: an npm-installed bin is a link
 * called `daemonset`, or a `daemonset.cmd` shim on Windows.)
 */
export function runFromProcess(): void {
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      io.stderr(`daemonset: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runFromProcess();
