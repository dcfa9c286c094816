// Which open documents hold a DaemonSet, told to the client when that changes: the client keeps
// the `daemonset.activeHasDaemonSet` context key from it (preview button, menus). The count is
// read from a model parsed anyway (the diagnostics pull's, or the kustomization's merged
// preview), so a keystroke costs no parse of its own and, unless the count changes, no message.
import type { DocumentDaemonSetsParams } from '../../../protocol';

export class DaemonSetPresence {
  private readonly sent = new Map<string, number>();

  constructor(private readonly send: (params: DocumentDaemonSetsParams) => void) {}

  /** Records `count` for `uri`; sends it when it differs from what the client was last told. */
  note(uri: string, count: number): void {
    if (this.sent.get(uri) === count) return;
    this.sent.set(uri, count);
    this.send({ uri, count });
  }

  /** The document closed: a reopened one is told again. */
  forget(uri: string): void {
    this.sent.delete(uri);
  }
}
