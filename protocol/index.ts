// What the client and the server share: message names and their types, command ids, the
// settings type. Imports nothing outside this folder but vscode-languageserver-protocol types
// (test/unit/invariants.test.ts checks it), so either side can import it without the other.
export * from './commands';
export * from './live';
export * from './messages';
export * from './placement';
export * from './rollout';
export * from './settings';
