// The placement preview panel (host side): one webview beside the editor that follows the active
// DaemonSet manifest and asks the server (through `fetch`) where its pods would run. The webview
// script lives in client/webview/; the two talk through client/webview/messages.ts.
import * as vscode from 'vscode';
import type { ClusterNodesTable, PlacementParams, PlacementResponse } from '../../protocol';
import { isPanelState, isWebviewMessage, type HostMessage, type LspRange, type PanelState } from '../webview/messages';
import { daemonSetAtLine } from '../webview/model';
import { newNonce, renderHtml } from './webviewHtml';

export interface PlacementPanelDeps {
  extensionUri: vscode.Uri;
  /** The PlacementRequest (protocol/messages.ts); `uri` is the manifest, params pick the DaemonSet. */
  fetch(uri: vscode.Uri, params: Omit<PlacementParams, 'uri'>): Promise<PlacementResponse>;
  /** Show a manifest range; defaults to revealInEditor. */
  reveal?(uri: vscode.Uri, range: vscode.Range): unknown;
}

/** Typing waits this long before asking again; a slower server never blocks the editor. */
const EDIT_DEBOUNCE_MS = 250;
const CURSOR_DEBOUNCE_MS = 100;
const TITLE = 'DaemonSet placement';

function isManifest(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
  return doc.languageId === 'yaml' || doc.languageId === 'helm' || /\.ya?ml$/i.test(doc.uri.path);
}

function sameUri(a: vscode.Uri | undefined, b: vscode.Uri | undefined): boolean {
  return a !== undefined && b !== undefined && a.toString() === b.toString();
}

function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Opens `uri` in the column where it is already shown (else the first) and selects `range`. */
export async function revealInEditor(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
    selection: range,
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export class PlacementPanel implements vscode.Disposable {
  static readonly viewType = 'daemonset.placementPreview';
  private static current: PlacementPanel | undefined;

  /** Opens the panel beside the active editor, or brings the open one forward. */
  static createOrShow(deps: PlacementPanelDeps): PlacementPanel {
    const existing = PlacementPanel.current;
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      existing.followActiveEditor();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PlacementPanel.viewType,
      TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...PlacementPanel.webviewOptions(deps.extensionUri), retainContextWhenHidden: false },
    );
    return new PlacementPanel(panel, deps, undefined);
  }

  /** Restores the panel after a window reload; call during activation. */
  static registerSerializer(deps: PlacementPanelDeps): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PlacementPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        PlacementPanel.current?.dispose();
        panel.webview.options = PlacementPanel.webviewOptions(deps.extensionUri);
        const restored = isPanelState(state) ? state : undefined;
        if (restored?.uri) {
          // The language server only knows open documents: open (not show) the restored one.
          try {
            await vscode.workspace.openTextDocument(vscode.Uri.parse(restored.uri, true));
          } catch {
            // Deleted or unreadable: the panel follows the active editor instead.
          }
        }
        new PlacementPanel(panel, deps, restored);
      },
    });
  }

  /** The cluster changed: ask again for the open panel, if any. */
  static refresh(): void {
    PlacementPanel.current?.refresh();
  }

  static get instance(): PlacementPanel | undefined {
    return PlacementPanel.current;
  }

  private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    // The elements are bundled into dist/webview.js: dist is the only resource root.
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
  }

  private readonly disposables: vscode.Disposable[] = [];
  /** The manifest being previewed. */
  private target: vscode.Uri | undefined;
  private last: PlacementResponse | undefined;
  /** DaemonSet chosen in the picker; wins over the cursor until the cursor enters another one. */
  private pinned: number | undefined;
  /** DaemonSet the cursor was last in, so only moving into another one refetches. */
  private cursorIndex = -1;
  /** Every request gets the next number; a response older than the one shown is dropped. */
  private seq = 0;
  private applied = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  /** Something changed while the panel was hidden (and its webview unloaded). */
  private dirty = false;
  private disposed = false;
  /** Requests not answered yet (the first one is sent before the webview is ready). */
  private inFlight = 0;
  /** The cluster's per-node static data, as the server sent it once for its snapshot. */
  private nodes: ClusterNodesTable | undefined;
  /** Key of the nodes table the webview holds ('' after it (re)loads). */
  private postedNodesKey = '';
  private nodesSeq = 0;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: PlacementPanelDeps,
    state: PanelState | undefined,
  ) {
    PlacementPanel.current = this;
    if (state?.uri) this.target = vscode.Uri.parse(state.uri, true);
    if (state?.selected !== undefined && state.selected >= 0) this.pinned = state.selected;
    panel.webview.html = this.html();

    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.onDidChangeViewState(
      () => {
        // retainContextWhenHidden is false: hiding unloads the webview; it says `ready` when back.
        if (!panel.visible) this.ready = false;
      },
      null,
      this.disposables,
    );
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m), null, this.disposables);
    vscode.window.onDidChangeActiveTextEditor(() => this.followActiveEditor(), null, this.disposables);
    vscode.workspace.onDidChangeTextDocument(
      (e) => {
        if (e.contentChanges.length && sameUri(e.document.uri, this.target)) this.schedule(EDIT_DEBOUNCE_MS);
      },
      null,
      this.disposables,
    );
    vscode.window.onDidChangeTextEditorSelection((e) => this.onCursor(e), null, this.disposables);
    if (!this.target) this.followActiveEditor();
  }

  /** Shows one DaemonSet of a file (a CodeLens click); kept until the cursor picks another. */
  showDaemonSet(uri: vscode.Uri, index: number): void {
    this.pinned = index;
    this.request(uri, { index }, false);
  }

  /** Ask again for the current manifest (the cluster changed). */
  refresh(): void {
    this.schedule(0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (PlacementPanel.current === this) PlacementPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()!.dispose();
  }

  private html(): string {
    const web = this.panel.webview;
    const dist = vscode.Uri.joinPath(this.deps.extensionUri, 'dist');
    return renderHtml({
      cspSource: web.cspSource,
      nonce: newNonce(),
      scriptUri: web.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: web.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    });
  }

  private followActiveEditor(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isManifest(editor.document)) return;
    if (sameUri(editor.document.uri, this.target)) return;
    // Another YAML file: preview it only if it holds a DaemonSet (keep the current one otherwise).
    const doc = editor.document;
    this.request(doc.uri, { offset: doc.offsetAt(editor.selection.active) }, this.target !== undefined);
  }

  private onCursor(e: vscode.TextEditorSelectionChangeEvent): void {
    const last = this.last;
    if (!last || !sameUri(e.textEditor.document.uri, this.target) || !Array.isArray(last.daemonSets)) return;
    const index = daemonSetAtLine(last.daemonSets, e.selections[0].active.line);
    if (index === this.cursorIndex) return;
    this.cursorIndex = index;
    if (index === last.selected) return;
    this.pinned = undefined;
    this.schedule(CURSOR_DEBOUNCE_MS);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.target) this.request(this.target, this.paramsFor(this.target), false);
    }, delay);
  }

  private paramsFor(uri: vscode.Uri): Omit<PlacementParams, 'uri'> {
    if (this.pinned !== undefined) return { index: this.pinned };
    const active = vscode.window.activeTextEditor;
    const editor =
      active && sameUri(active.document.uri, uri)
        ? active
        : vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, uri));
    if (editor) return { offset: editor.document.offsetAt(editor.selection.active) };
    const selected = this.last?.selected;
    return selected !== undefined && selected >= 0 ? { index: selected } : {};
  }

  private request(uri: vscode.Uri, params: Omit<PlacementParams, 'uri'>, onlyIfDaemonSets: boolean): void {
    if (!this.panel.visible) {
      // Nobody sees it; ask when the webview is back.
      this.dirty = true;
      return;
    }
    const seq = ++this.seq;
    this.inFlight++;
    // The compact answer: verdicts only, the nodes table only when the snapshot changed.
    this.deps
      .fetch(uri, { ...params, nodesKey: this.nodes?.key ?? '' })
      .finally(() => this.inFlight--)
      .then(
        (response) => {
          if (this.disposed) return;
          // A late answer to an older request must not replace a newer snapshot's table.
          if (response.nodes && seq >= this.nodesSeq) {
            this.nodes = response.nodes;
            this.nodesSeq = seq;
          }
          if (seq < this.applied) return;
          const switching = !sameUri(uri, this.target);
          if (switching && onlyIfDaemonSets && !(Array.isArray(response.daemonSets) && response.daemonSets.length))
            return;
          this.applied = seq;
          if (switching) this.pinned = undefined;
          this.target = uri;
          this.last = response;
          this.dirty = false;
          const active = vscode.window.activeTextEditor;
          if (active && sameUri(active.document.uri, uri) && Array.isArray(response.daemonSets)) {
            this.cursorIndex = daemonSetAtLine(response.daemonSets, active.selection.active.line);
          }
          const ds = response.daemonSets?.find((d) => d.index === response.selected);
          this.panel.title = ds ? `Placement: ${ds.name}` : TITLE;
          this.postUpdate(response);
        },
        (err: unknown) => {
          if (this.disposed || seq < this.applied) return;
          this.post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
        },
      );
  }

  /** An update, with the nodes table when the webview does not hold the one it refers to. */
  private postUpdate(response: PlacementResponse): void {
    if (!this.ready) return;
    const { nodes: _sent, ...rest } = response;
    const message: HostMessage = { type: 'update', response: rest };
    if (rest.nodesKey && rest.nodesKey !== this.postedNodesKey && this.nodes?.key === rest.nodesKey) {
      message.nodes = this.nodes;
      this.postedNodesKey = rest.nodesKey;
    }
    this.post(message);
  }

  private post(message: HostMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private onMessage(m: unknown): void {
    if (!isWebviewMessage(m)) return;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.postedNodesKey = '';
        if (this.last) this.postUpdate(this.last);
        if (this.dirty || (!this.last && this.inFlight === 0)) {
          this.dirty = false;
          // The previewed manifest first, then the active editor's: its later response wins if it adopts.
          if (this.target) this.request(this.target, this.paramsFor(this.target), false);
          this.followActiveEditor();
        }
        break;
      case 'reveal': {
        if (!this.target) return;
        const reveal = this.deps.reveal ?? revealInEditor;
        Promise.resolve(reveal(this.target, toRange(m.range))).catch((err: unknown) => {
          void vscode.window.showErrorMessage(
            `Cannot show the manifest: ${err instanceof Error ? err.message : String(err)}`,
          );
        });
        break;
      }
      case 'select':
        this.pinned = m.index;
        this.schedule(0);
        break;
    }
  }
}
