// Helpers over the VS Code API: open a workspace file, wait for diagnostics (on the
// onDidChangeDiagnostics event, never on a timer), normalise API shapes.
import * as vscode from 'vscode';
import { assert } from './harness';

export const extensionId = 'daemonset-studio.daemonset-studio';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  assert(doc.languageId === 'yaml', `${name} opened as ${doc.languageId}, not yaml`);
  return vscode.window.showTextDocument(doc);
}

/** The position `offset` characters into the first occurrence of `needle` in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert(i >= 0, `"${needle}" is not in ${doc.uri.path}`);
  return doc.positionAt(i + offset);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function describe(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds
    .map(
      (d) =>
        `  ${vscode.DiagnosticSeverity[d.severity]} ${d.source ?? '-'}/${codeOf(d) ?? '-'} line ${d.range.start.line + 1}: ${d.message}`,
    )
    .join('\n');
}

/** Resolves with the document's diagnostics once `ok` holds for them, checking on every change. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (ds: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!ok(ds)) return false;
      cleanup();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `waited ${timeoutMs} ms for ${what} in ${uri.path}; diagnostics now:\n${describe(vscode.languages.getDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    function cleanup(): void {
      sub.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/** Resolves once `cond` holds, looking every 25 ms (for state that no event announces). */
export async function until(cond: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // No event tells that an extension finished activating, so this polls the real state.
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Puts an edited document back as it is on disk, so later tests see the example files. */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Resolves once the async `cond` holds, asking again every 200 ms (for results a provider refreshes). */
export async function untilAsync(cond: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Resolves once an open tab satisfies `ok`, checking on every tab change. */
export function waitForTab(ok: (t: vscode.Tab) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(ok);
  return new Promise((resolve, reject) => {
    const now = find();
    if (now) return resolve(now);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const t = find();
      if (!t) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(t);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
      reject(new Error(`waited ${timeoutMs} ms for ${what}; open tabs: ${tabs.join(', ')}`));
    }, timeoutMs);
  });
}
