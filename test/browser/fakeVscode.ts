// A small stand-in for the `vscode` module, enough to drive client/src/placementPanel.ts in
// Node: editors, documents, events and one webview panel whose traffic is recorded.
import Module = require('node:module');

type Listener<T> = (e: T) => unknown;

export class Emitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (fn: Listener<T>, thisArg?: unknown, disposables?: Array<{ dispose(): void }>) => {
    const bound: Listener<T> = thisArg ? fn.bind(thisArg) : fn;
    this.listeners.push(bound);
    const d = {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== bound);
      },
    };
    disposables?.push(d);
    return d;
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  get size(): number {
    return this.listeners.length;
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static parse(s: string): Uri {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/)?(.*)$/i.exec(s);
    if (!m) throw new Error(`not a uri: ${s}`);
    return new Uri(m[1], m[2].startsWith('/') ? m[2] : `/${m[2]}`);
  }
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static joinPath(u: Uri, ...parts: string[]): Uri {
    return new Uri(u.scheme, [u.path, ...parts].join('/'));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(sl: number, sc: number, el: number, ec: number) {
    this.start = new Position(sl, sc);
    this.end = new Position(el, ec);
  }
}

export interface FakeDocument {
  uri: Uri;
  languageId: string;
  offsetAt(p: Position): number;
}

export interface FakeEditor {
  document: FakeDocument;
  selection: { active: Position };
  viewColumn: number;
}

export function doc(path: string, languageId = 'yaml'): FakeDocument {
  // Offsets are line * 1000 + character: easy to read back in assertions.
  return { uri: Uri.file(path), languageId, offsetAt: (p) => p.line * 1000 + p.character };
}

export function editor(document: FakeDocument, line = 0): FakeEditor {
  return { document, selection: { active: new Position(line, 0) }, viewColumn: 1 };
}

export class FakePanel {
  readonly posted: unknown[] = [];
  readonly messages = new Emitter<unknown>();
  readonly disposeEvent = new Emitter<void>();
  readonly viewState = new Emitter<unknown>();
  visible = true;
  title = '';
  disposed = false;
  reveals = 0;
  readonly webview = {
    html: '',
    options: {} as unknown,
    cspSource: 'https://test.vscode-cdn.net',
    asWebviewUri: (u: Uri) => u,
    postMessage: (m: unknown) => {
      this.posted.push(m);
      return Promise.resolve(true);
    },
    onDidReceiveMessage: this.messages.event,
  };
  readonly onDidDispose = this.disposeEvent.event;
  readonly onDidChangeViewState = this.viewState.event;
  constructor(
    readonly viewType: string,
    readonly createOptions: unknown,
  ) {}
  reveal(): void {
    this.reveals++;
  }
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeEvent.fire();
  }
  /** The webview script posting to the host. */
  receive(m: unknown): void {
    this.messages.fire(m);
  }
}

export const events = {
  activeEditor: new Emitter<FakeEditor | undefined>(),
  selection: new Emitter<{ textEditor: FakeEditor; selections: Array<{ active: Position }> }>(),
  change: new Emitter<{ document: FakeDocument; contentChanges: unknown[] }>(),
};

export const fake = {
  panels: [] as FakePanel[],
  serializer: undefined as undefined | { deserializeWebviewPanel(panel: FakePanel, state: unknown): Promise<void> },
  opened: [] as string[],
  errors: [] as string[],
};

export const vscode = {
  Uri,
  Range,
  Position,
  ViewColumn: { One: 1, Two: 2, Beside: -2 },
  TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
  window: {
    activeTextEditor: undefined as FakeEditor | undefined,
    visibleTextEditors: [] as FakeEditor[],
    onDidChangeActiveTextEditor: events.activeEditor.event,
    onDidChangeTextEditorSelection: events.selection.event,
    createWebviewPanel(viewType: string, _title: string, _column: unknown, options: unknown) {
      const p = new FakePanel(viewType, options);
      fake.panels.push(p);
      return p;
    },
    registerWebviewPanelSerializer(_viewType: string, s: typeof fake.serializer) {
      fake.serializer = s;
      return {
        dispose: () => {
          fake.serializer = undefined;
        },
      };
    },
    showErrorMessage(m: string) {
      fake.errors.push(m);
      return Promise.resolve(undefined);
    },
  },
  workspace: {
    onDidChangeTextDocument: events.change.event,
    openTextDocument(uri: Uri) {
      fake.opened.push(uri.toString());
      return Promise.resolve(doc(uri.path));
    },
  },
};

/** Make `require('vscode')` return the fake (the real one exists only inside VS Code). */
export function installFakeVscode(): void {
  const mod = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = mod._load;
  mod._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') return vscode;
    return original.call(this, request, parent, isMain);
  };
}

/** Switch the active editor as VS Code does: set it, then fire the event. */
export function activate(e: FakeEditor | undefined): void {
  vscode.window.activeTextEditor = e;
  vscode.window.visibleTextEditors = e ? [e] : [];
  events.activeEditor.fire(e);
}

export function moveCursor(e: FakeEditor, line: number): void {
  e.selection = { active: new Position(line, 0) };
  events.selection.fire({ textEditor: e, selections: [e.selection] });
}
