// All CLI output goes through terminalSafeIo: names, labels, keys and values from manifests,
// snapshot files and clusters may hold ESC sequences (colours, cursor moves, window titles, OSC 8
// links), C1 controls, CR or bidirectional overrides; they are written visibly (`\u001b`), never
// raw. Line breaks and TABs stay. The escapes are JSON's own, so `--format json` stays valid
// JSON (JSON.stringify leaves C1 and U+2028/9 raw; here they become \u escapes).
import { terminalText } from '../text/escape';

export interface OutputIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

export function terminalSafeIo<T extends OutputIo>(io: T): T {
  return {
    ...io,
    stdout: (s: string) => io.stdout(terminalText(s)),
    stderr: (s: string) => io.stderr(terminalText(s)),
  };
}
