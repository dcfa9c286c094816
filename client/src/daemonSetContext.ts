// Keeps the `daemonset.activeHasDaemonSet` context key (protocol HAS_DAEMONSET_CONTEXT): true
// while the active editor's document holds a DaemonSet. The server says how many each document
// holds (DocumentDaemonSetsNotification, sent only when the count changes); this class only
// remembers the counts and says when the key's value changes. No vscode import: unit-tested.
import type { DocumentDaemonSetsParams } from '../../protocol';

export class DaemonSetContext {
  private readonly counts = new Map<string, number>();
  private active: string | undefined;
  private value: boolean | undefined;

  /** `set` writes the context key; it is called once per change of the value, and once at the start. */
  constructor(private readonly set: (value: boolean) => void) {}

  /** The server's count for a document (its uri as the server knows it). */
  update(p: DocumentDaemonSetsParams): void {
    if (typeof p?.uri !== 'string' || typeof p.count !== 'number') return;
    this.counts.set(p.uri, p.count);
    if (p.uri === this.active) this.apply();
  }

  /** The active editor changed: its document's uri as the server knows it, or undefined (no text editor). */
  activate(uri: string | undefined): void {
    this.active = uri;
    this.apply();
  }

  /** The document closed. */
  forget(uri: string): void {
    this.counts.delete(uri);
    if (uri === this.active) this.apply();
  }

  has(uri: string | undefined): boolean {
    return uri !== undefined && (this.counts.get(uri) ?? 0) > 0;
  }

  private apply(): void {
    const next = this.has(this.active);
    if (next === this.value) return;
    this.value = next;
    this.set(next);
  }
}
