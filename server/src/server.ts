// Language server entry: thin wiring of LSP requests to the feature modules. Every handler reads
// the one parsed model of the document's current version and the last cluster snapshot; no
// handler does IO. A failing feature is logged and answers "nothing", never crashes the server.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  CodeLens,
  CompletionList,
  createConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  Hover,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clusterCodeActions } from './features/cluster/codeActions';
import { clusterHover } from './features/cluster/hover';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { complete } from './features/completion';
import type { FeatureContext, Settings } from './features/context';
import { hover } from './features/hover';
import { chartPlacementResponse, mergedPlacementResponse, placementResponse } from './features/placementAnswer';
import { usesChartDefaults } from './model/helm/chartRendering';
import { withRollout } from './features/rollout/answer';
import { rolloutHover } from './features/rollout/hover';
import type { DocumentModel } from './model';
import {
  ClusterChangedNotification,
  ClusterStatusRequest,
  DocumentDaemonSetsNotification,
  ListContextsRequest,
  type ListContextsParams,
  type ListContextsResult,
  PlacementParams,
  PlacementRequest,
  PlacementResponse,
  ReloadClusterRequest,
  SETTINGS_SECTION,
  TrustNotification,
  type TrustParams,
} from '../../protocol';
import { ClusterSession } from './session/clusterSession';
import { ChunkedDiagnostics } from './session/chunkedDiagnostics';
import { DaemonSetPresence } from './session/daemonSetPresence';
import { pullDiagnostics } from './session/diagnosticsPull';
import { HelmCharts } from './session/helmCharts';
import { KustomizeFiles } from './session/kustomizeFiles';
import { isKustomizationFile, KustomizePreviews } from './session/kustomizePreviews';
import { ModelCache } from './session/modelCache';
import { ClusterSettings, readSettings } from './session/settings';
import { createKubeconfigSource, listKubeconfigContexts } from './session/liveCluster';
import {
  applyLintConfig,
  CONFIG_FILE_NAME,
  EMPTY_CONFIG,
  isIgnoredPath,
  parseLintConfig,
  type LintConfig,
} from './lintConfig';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const models = new ModelCache();
const staticDiagnostics = new ChunkedDiagnostics();
const clusterFindings = new ChunkedDiagnostics();
/** Kustomization files around the open documents (read on open/change, never inside a request). */
const kustomizeFiles = new KustomizeFiles();
const kustomizeViews = new Map<string, string>();
/** Merged DaemonSets of the open kustomization files (built on open/change). */
const kustomizePreviews = new KustomizePreviews();
/** The charts (Chart.yaml and values files) around the open templates. */
const helmCharts = new HelmCharts();
/** Tells the client which documents hold a DaemonSet (its context key for menus). */
const presence = new DaemonSetPresence((p) => void connection.sendNotification(DocumentDaemonSetsNotification, p));
// The bundle lives in <package>/dist/server.js; the example cluster in <package>/examples/cluster.
const packageRoot = path.resolve(__dirname, '..');

let cluster: ClusterSession | undefined;
let hasConfiguration = false;
let trusted = true;
let workspaceRoot: string | undefined;
/** The client cannot pull diagnostics (textDocument/diagnostic): the server publishes them. */
let pushDiagnostics = false;
/** A client that cannot answer workspace/configuration: its settings from initializationOptions and didChangeConfiguration. */
let clientSettings: unknown;
const settingsByUri = new Map<string, Promise<Settings>>();
/** The workspace's .daemonset-lint.yaml, read at start and when it changes (never inside a request). */
let lintConfig: LintConfig = EMPTY_CONFIG;

connection.onInitialize((params) => {
  const caps = params.capabilities;
  hasConfiguration = !!caps.workspace?.configuration;
  pushDiagnostics = !caps.textDocument?.diagnostic;
  const init = (params.initializationOptions ?? {}) as { trusted?: boolean; settings?: unknown };
  trusted = init.trusted !== false;
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  if (folder?.startsWith('file:')) workspaceRoot = fileURLToPath(folder);
  cluster = new ClusterSession({
    packageRoot,
    workspaceRoot,
    kubeconfig: createKubeconfigSource,
  });
  cluster.onDidChange(onClusterChanged);
  // One path for the settings: a client that answers workspace/configuration is asked once,
  // after `initialized`; only a client that cannot be asked has its settings taken from here.
  clientSettings = init.settings;
  if (!hasConfiguration)
    void cluster.configure(readSettings(init.settings).cluster, trusted).catch(logError('cluster'));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '-', '/'], resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      codeLensProvider: { resolveProvider: false },
      ...(pushDiagnostics
        ? {}
        : {
            diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false, workDoneProgress: true },
          }),
    },
    serverInfo: { name: 'daemonset-language-server' },
  };
});

/** Reads <workspace>/.daemonset-lint.yaml; a missing file is the empty config, problems are logged. */
async function loadLintConfig(): Promise<void> {
  if (!workspaceRoot) return;
  const file = path.join(workspaceRoot, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    lintConfig = EMPTY_CONFIG;
    return;
  }
  const { config, problems } = parseLintConfig(text);
  for (const p of problems) connection.console.warn(`${CONFIG_FILE_NAME}: ${p}`);
  lintConfig = config;
}

connection.onInitialized(() => {
  void loadLintConfig().then(() => refreshDiagnostics(), logError('lint config'));
  if (hasConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    void refreshClusterSettings();
  }
});

connection.onDidChangeConfiguration((change) => {
  settingsByUri.clear();
  if (!hasConfiguration) {
    const section = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    clientSettings = section;
    void cluster?.configure(readSettings(section).cluster, trusted).catch(logError('cluster'));
  } else {
    void refreshClusterSettings();
  }
  // `daemonset.helm.valuesFiles` may have changed: read the charts of the open templates again.
  for (const d of documents.all()) refreshHelm(d.uri);
  refreshDiagnostics();
});

// client → server: workspace trust was granted (a kubeconfig may now be used).
connection.onNotification(TrustNotification, (p: TrustParams) => {
  trusted = p.trusted !== false;
  void refreshClusterSettings();
  for (const d of documents.all()) refreshHelm(d.uri);
});

// client → server: re-read the cluster source now (command "DaemonSet: Reload Cluster").
connection.onRequest(ReloadClusterRequest, async () => {
  await cluster?.reload();
  return cluster?.status;
});

/** Reads the kustomization files around a document; diagnostics are refreshed when its role changes. */
function refreshKustomize(uri: string): void {
  if (!uri.startsWith('file:')) return;
  void kustomizeFiles
    .refresh(fileURLToPath(uri))
    .then((view) => {
      const key = JSON.stringify(view ?? null);
      if (kustomizeViews.get(uri) === key) return;
      const known = kustomizeViews.has(uri);
      kustomizeViews.set(uri, key);
      if (known || view) refreshDiagnostics();
    })
    .catch(logError('kustomize'));
}

/** Builds the merged preview of an open kustomization file. */
function refreshPreview(uri: string): void {
  const doc = documents.get(uri);
  if (!doc || !uri.startsWith('file:') || !isKustomizationFile(fileURLToPath(uri))) return;
  void kustomizePreviews
    .refresh(fileURLToPath(uri), doc.version, doc.getText())
    .then(() => {
      noteDaemonSets(uri, doc.version);
      return connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    })
    .catch(logError('kustomize preview'));
}

/** Reads the chart around a template (its values files), outside requests. */
function refreshHelm(uri: string): void {
  const doc = documents.get(uri);
  if (!doc || !uri.startsWith('file:') || !doc.getText().includes('{{')) return;
  void settingsFor(uri)
    // Extra values files are read only in a trusted workspace (the setting may name any path).
    .then((s) => helmCharts.refresh(fileURLToPath(uri), trusted ? (s.helm?.valuesFiles ?? []) : []))
    .then((view) => {
      // The lens and the preview of a template use the chart defaults once they are read.
      if (view) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    })
    .catch(logError('helm chart'));
}

documents.onDidOpen((e) => {
  refreshKustomize(e.document.uri);
  refreshPreview(e.document.uri);
  refreshHelm(e.document.uri);
});
documents.onDidChangeContent((e) => {
  refreshKustomize(e.document.uri);
  refreshPreview(e.document.uri);
  refreshHelm(e.document.uri);
});

connection.onDidChangeWatchedFiles((p) => {
  const kustomizations = p.changes.filter(
    (c) => c.uri.startsWith('file:') && kustomizeFiles.invalidate(fileURLToPath(c.uri)),
  );
  if (kustomizations.length > 0) for (const d of documents.all()) refreshKustomize(d.uri);
  const charts = p.changes.filter((c) => c.uri.startsWith('file:') && helmCharts.invalidate(fileURLToPath(c.uri)));
  if (charts.length > 0) for (const d of documents.all()) refreshHelm(d.uri);
  // A resource or a patch may have changed: merge the open kustomizations again.
  if (p.changes.length > 0) for (const d of documents.all()) refreshPreview(d.uri);
  if (
    workspaceRoot &&
    p.changes.some(
      (c) => c.uri.startsWith('file:') && fileURLToPath(c.uri) === path.join(workspaceRoot!, CONFIG_FILE_NAME),
    )
  ) {
    void loadLintConfig().then(() => refreshDiagnostics(), logError('lint config'));
  }
  if (!cluster) return;
  if (p.changes.some((c) => c.uri.startsWith('file:') && cluster!.usesFile(fileURLToPath(c.uri)))) {
    void cluster.reload().catch(logError('cluster'));
  }
});

async function refreshClusterSettings(): Promise<void> {
  if (!cluster) return;
  let raw: unknown;
  if (hasConfiguration) {
    try {
      raw = await connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
    } catch (e) {
      logError('settings')(e);
    }
  }
  const s: ClusterSettings = readSettings(raw).cluster;
  await cluster.configure(s, trusted).catch(logError('cluster'));
}

function onClusterChanged(): void {
  refreshDiagnostics();
  void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  void connection.sendNotification(ClusterChangedNotification, cluster?.status);
}

function settingsFor(uri: string): Promise<Settings> {
  let s = settingsByUri.get(uri);
  if (!s) {
    s = hasConfiguration
      ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
          (raw) => readSettings(raw).settings,
          () => readSettings(undefined).settings,
        )
      : Promise.resolve(readSettings(clientSettings).settings);
    settingsByUri.set(uri, s);
  }
  return s;
}

function modelOf(uri: string): DocumentModel | undefined {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  return models.get(uri, doc.version, () => doc.getText());
}

async function contextFor(uri: string): Promise<FeatureContext> {
  const ctx: FeatureContext = { settings: await settingsFor(uri) };
  const view = cluster?.view;
  if (view) ctx.cluster = view;
  const session = cluster;
  if (session) ctx.live = (namespace, name, follow) => session.liveLookup(namespace, name, follow);
  const kustomize = uri.startsWith('file:') ? kustomizeFiles.viewOf(fileURLToPath(uri)) : undefined;
  if (kustomize) ctx.kustomize = kustomize;
  const helm = uri.startsWith('file:') ? helmCharts.viewOf(fileURLToPath(uri)) : undefined;
  if (helm) ctx.helm = helm;
  return ctx;
}

/** Runs a feature; a failure is logged and answered with `fallback`, never thrown. */
function guarded<T>(what: string, fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    logError(what)(e);
    return fallback;
  }
}

function logError(what: string): (e: unknown) => void {
  return (e) => connection.console.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}

connection.onCompletion(async (params): Promise<CompletionList> => {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const ctx = await contextFor(params.textDocument.uri);
  const model = modelOf(params.textDocument.uri);
  if (!model) return empty;
  return guarded('completion', empty, () => complete(model, model.lines.offsetAt(params.position), ctx));
});

connection.onHover(async (params): Promise<Hover | null> => {
  const ctx = await contextFor(params.textDocument.uri);
  const model = modelOf(params.textDocument.uri);
  if (!model) return null;
  const offset = model.lines.offsetAt(params.position);
  const docs = guarded('hover', null, () => hover(model, offset, ctx));
  const nodes = guarded('cluster hover', null, () => clusterHover(model, offset, ctx));
  const rollout = guarded('rollout hover', null, () => rolloutHover(model, offset, ctx));
  return mergeHovers(mergeHovers(docs, nodes), rollout);
});

connection.languages.diagnostics.on((params, token, progress) =>
  documentDiagnostics(
    params.textDocument.uri,
    () => (token.isCancellationRequested ? 'cancelled' : undefined),
    progress,
  ),
);

/**
 * The diagnostics of an open document (session/diagnosticsPull.ts: time-sliced, capped, filtered
 * by .daemonset-lint.yaml); stops when `cancelled` says so or the document changes.
 */
async function documentDiagnostics(
  uri: string,
  cancelled: () => string | undefined,
  progress?: WorkDoneProgressReporter,
): Promise<{ kind: typeof DocumentDiagnosticReportKind.Full; items: Diagnostic[] }> {
  const ctx = await contextFor(uri);
  const doc = documents.get(uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  if (ignored(uri)) {
    noteDaemonSets(uri, doc.version);
    return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  }
  const stale = () => cancelled() ?? (documents.get(uri)?.version !== doc.version ? 'the document changed' : undefined);
  const items = await pullDiagnostics(
    { uri, version: doc.version, text: () => doc.getText(), ctx, stale, progress },
    {
      models,
      staticDiagnostics,
      clusterFindings,
      logError,
      filter: (model, found) => applyLintConfig(model, found, lintConfig),
    },
  );
  noteDaemonSets(uri, doc.version);
  return { kind: DocumentDiagnosticReportKind.Full, items };
}

/**
 * After a document's diagnostics (or its kustomization preview) are computed: tell the client
 * how many DaemonSets it holds, from the model that computation parsed. Only when diagnostics
 * are off (nothing parsed) is the model parsed here.
 */
function noteDaemonSets(uri: string, version: number): void {
  const doc = documents.get(uri);
  if (!doc || doc.version !== version) return;
  guarded('daemonset presence', undefined, () => {
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    if (file && isKustomizationFile(file)) {
      const merged = kustomizePreviews.get(file, version);
      if (merged) presence.note(uri, merged.model.daemonSets.length);
      return;
    }
    const model = models.peek(uri, version) ?? modelOf(uri);
    if (model) presence.note(uri, model.daemonSets.length);
  });
}
// Clients without pull diagnostics (older Neovim, Helix, Zed versions; any generic client) get
// them published after each change: one computation per document at a time, for its latest version.
const pushQueued = new Set<string>();

function schedulePush(uri: string): void {
  if (!pushDiagnostics || pushQueued.has(uri)) return;
  pushQueued.add(uri);
  setImmediate(() => {
    pushQueued.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    void documentDiagnostics(uri, () => undefined).then(
      (report) => {
        // A newer version has its own push queued.
        if (documents.get(uri)?.version === doc.version)
          void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: report.items });
      },
      (e: unknown) => {
        // Stopped because the document changed: the push of the newer version is queued.
        if (!(e instanceof ResponseError && e.code === LSPErrorCodes.ServerCancelled)) logError('diagnostics')(e);
      },
    );
  });
}

/** Settings or the cluster changed: every open document's diagnostics may have too. */
function refreshDiagnostics(): void {
  if (pushDiagnostics) for (const doc of documents.all()) schedulePush(doc.uri);
  else connection.languages.diagnostics.refresh();
}

documents.onDidChangeContent((e) => schedulePush(e.document.uri));

/** A file under one of the config's ignorePaths (relative to the workspace root). */
function ignored(uri: string): boolean {
  if (!workspaceRoot || lintConfig.ignorePaths.length === 0 || !uri.startsWith('file:')) return false;
  return isIgnoredPath(path.relative(workspaceRoot, fileURLToPath(uri)), lintConfig);
}

connection.onCodeAction(async (params): Promise<CodeAction[]> => {
  const ctx = await contextFor(params.textDocument.uri);
  const model = modelOf(params.textDocument.uri);
  if (!model) return [];
  const { uri } = params.textDocument;
  return [
    ...guarded('code actions', [], () => codeActions(model, uri, params.range, params.context.diagnostics, ctx)),
    ...guarded('cluster code actions', [], () =>
      clusterCodeActions(model, uri, params.range, params.context.diagnostics, ctx),
    ),
  ];
});

connection.onCodeLens(async (params): Promise<CodeLens[]> => {
  const ctx = await contextFor(params.textDocument.uri);
  const model = modelOf(params.textDocument.uri);
  if (!model) return [];
  return guarded('code lens', [], () => codeLenses(model, params.textDocument.uri, ctx));
});

/** The schema docs and the cluster's answer for the same spot, as one hover. */
function mergeHovers(a: Hover | null, b: Hover | null): Hover | null {
  if (!a || !b) return a ?? b;
  const text = (h: Hover) =>
    typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents);
  return { contents: { kind: 'markdown', value: `${text(a)}\n\n---\n\n${text(b)}` }, range: a.range ?? b.range };
}

connection.onRequest(PlacementRequest, async (params: PlacementParams): Promise<PlacementResponse | null> => {
  const ctx = await contextFor(params.uri);
  const model = modelOf(params.uri);
  const status = cluster!.status;
  if (!model)
    return { uri: params.uri, daemonSets: [], selected: -1, cluster: status, message: 'The document is not open.' };
  const merged =
    params.uri.startsWith('file:') && isKustomizationFile(fileURLToPath(params.uri))
      ? kustomizePreviews.latest(fileURLToPath(params.uri))
      : undefined;
  if (merged) return guarded('placement', null, () => mergedPlacementResponse(merged, params, ctx, status));
  if (usesChartDefaults(model, ctx.helm)) {
    const chart = ctx.helm;
    return guarded('placement', null, () => chartPlacementResponse(model, chart, params, ctx, status));
  }
  return guarded('placement', null, () =>
    withRollout(placementResponse(model, params.uri, params, ctx, status), model, ctx),
  );
});

connection.onRequest(ClusterStatusRequest, () => cluster?.status ?? null);

connection.onRequest(ListContextsRequest, async (p: ListContextsParams | undefined): Promise<ListContextsResult> => {
  if (!trusted)
    return { contexts: [], current: undefined, error: 'Workspace not trusted: kubeconfig files are not read.' };
  return listKubeconfigContexts(p?.kubeconfig ?? '');
});

documents.onDidClose((e) => {
  if (pushDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  models.delete(e.document.uri);
  presence.forget(e.document.uri);
  settingsByUri.delete(e.document.uri);
  kustomizeViews.delete(e.document.uri);
  if (e.document.uri.startsWith('file:')) kustomizePreviews.delete(fileURLToPath(e.document.uri));
});

process.on('uncaughtException', logError('server'));
process.on('unhandledRejection', logError('server'));

documents.listen(connection);
connection.listen();
