// `daemonset` command line: the same engines as the editor, so the checks also run in CI.
//   daemonset lint <files…> [--format json]
//   daemonset placement <manifest> [--nodes <file>] [--pods <file>] [--context <name>] [--format json]
import { runLint } from './lint';
import { runPlacement } from './placement';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

const USAGE = `Usage:
  daemonset lint <files…> [--format text|json]
      Report what the API server would reject in DaemonSet manifests (exit 1 on errors).
  daemonset placement <manifest> [--nodes <file>] [--pods <file>] [--context <name>] [--kubeconfig <file>] [--format text|json]
      Predict, node by node, where the DaemonSet's pods would run (default: the bundled example cluster).
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return runLint(rest, io);
    case 'placement':
      return runPlacement(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`daemonset: unknown command '${command}'\n${USAGE}`);
      return 2;
  }
}

if (require.main === module || process.argv[1]?.endsWith('daemonset.js')) {
  const io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() };
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
