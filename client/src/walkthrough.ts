// The walkthrough's example DaemonSet (command daemonset.openExample), relative to the extension
// root; shipped in the .vsix (.vscodeignore lists it; test/unit/protocol/packageJson.test.ts checks).
export const EXAMPLE_DAEMONSET = ['examples', 'workspace', 'log-collector.yaml'] as const;
