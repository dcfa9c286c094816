// The bundled example cluster (examples/cluster/), the default source so placement works with
// no cluster at all. The caller passes the extension or package root: this module does not
// guess where it was installed.
import { join } from 'node:path';
import type { ClusterState } from '../placement/types';
import { loadSnapshotFiles } from './snapshot';
import { SnapshotFileSource } from './snapshotSource';
import { FileLiveProvider } from './liveProvider';

export const EXAMPLE_CLUSTER_LABEL = 'example cluster';
export const EXAMPLE_CLUSTER_ID = 'example';

export function exampleClusterFiles(packageRoot: string): { nodesFile: string; podsFile: string } {
  const dir = join(packageRoot, 'examples', 'cluster');
  return { nodesFile: join(dir, 'nodes.yaml'), podsFile: join(dir, 'pods.yaml') };
}

export function loadExampleCluster(packageRoot: string): Promise<ClusterState> {
  return loadSnapshotFiles(exampleClusterFiles(packageRoot));
}

export class ExampleClusterSource extends SnapshotFileSource {
  /** The live state of the example DaemonSets (examples/cluster/live.yaml), so the demo shows it offline. */
  readonly live: FileLiveProvider;

  constructor(packageRoot: string) {
    super({ ...exampleClusterFiles(packageRoot), label: EXAMPLE_CLUSTER_LABEL, id: EXAMPLE_CLUSTER_ID });
    this.live = new FileLiveProvider(exampleLiveFile(packageRoot), EXAMPLE_CLUSTER_LABEL);
  }

  override dispose(): void {
    this.live.dispose();
    super.dispose();
  }
}

export function exampleLiveFile(packageRoot: string): string {
  return join(packageRoot, 'examples', 'cluster', 'live.yaml');
}
