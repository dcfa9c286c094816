// The VS Code command ids, defined once: the client registers them, the server's CodeLens names
// one, and package.json `contributes.commands` declares them (test/unit/protocol checks it).

/** Opens the placement preview panel; from a CodeLens with (document uri, DaemonSet index). */
export const SHOW_PREVIEW_COMMAND = 'daemonset.showPlacementPreview';
/** Opens the cluster source picker (the status bar item runs it). */
export const SELECT_SOURCE_COMMAND = 'daemonset.selectClusterSource';
/** Reads the current cluster source again. */
export const RELOAD_CLUSTER_COMMAND = 'daemonset.reloadCluster';

/** Opens the bundled example DaemonSet as an untitled YAML document (the walkthrough's first step). */
export const OPEN_EXAMPLE_COMMAND = 'daemonset.openExample';

export const COMMANDS = [
  SHOW_PREVIEW_COMMAND,
  SELECT_SOURCE_COMMAND,
  RELOAD_CLUSTER_COMMAND,
  OPEN_EXAMPLE_COMMAND,
] as const;

/**
 * The context key the client sets while the active editor's document holds a DaemonSet (the
 * server says so: DocumentDaemonSetsNotification); package.json `when` clauses use it so the
 * preview button and menu items show on DaemonSet files only.
 */
export const HAS_DAEMONSET_CONTEXT = 'daemonset.activeHasDaemonSet';
