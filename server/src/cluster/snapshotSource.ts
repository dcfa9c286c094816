// A cluster read from snapshot files (`kubectl get nodes -o yaml > nodes.yaml`). Re-reads the
// files on every load(); watching them for changes is the editor's job (it owns file events).
import { basename } from 'node:path';
import type { ClusterState } from '../placement/types';
import { loadSnapshotFiles, SnapshotError, type SnapshotLimits } from './snapshot';
import {
  errorSnapshot,
  NO_CHANGES,
  okSnapshot,
  type ClusterSnapshot,
  type ClusterSource,
  type Disposable,
} from './source';

export interface SnapshotSourceOptions {
  nodesFile: string;
  podsFile?: string;
  limits?: SnapshotLimits;
  /** Overrides the default "snapshot <file name>". */
  label?: string;
  id?: string;
}

export class SnapshotFileSource implements ClusterSource {
  readonly id: string;
  readonly label: string;
  private lastGood: ClusterState | undefined;

  constructor(private readonly options: SnapshotSourceOptions) {
    this.id = options.id ?? `snapshot:${options.nodesFile}${options.podsFile ? `+${options.podsFile}` : ''}`;
    this.label = options.label ?? `snapshot ${basename(options.nodesFile)}`;
  }

  async load(): Promise<ClusterSnapshot> {
    try {
      const files: Parameters<typeof loadSnapshotFiles>[0] = { nodesFile: this.options.nodesFile };
      if (this.options.podsFile !== undefined) files.podsFile = this.options.podsFile;
      if (this.options.limits) files.limits = this.options.limits;
      const state = await loadSnapshotFiles(files);
      this.lastGood = state;
      return okSnapshot(this.label, state);
    } catch (e) {
      // A half-saved file must not blank the placement view: keep serving the last good read.
      const message = e instanceof SnapshotError ? e.message : `${this.options.nodesFile}: ${(e as Error).message}`;
      return errorSnapshot(this.label, message, this.lastGood);
    }
  }

  onDidChange(): Disposable {
    return NO_CHANGES;
  }

  dispose(): void {
    this.lastGood = undefined;
  }
}
