// The bench's extension-host side (bench/e2e.bench.ts loads it once per fresh window): opens
// $DAEMONSET_E2E_BENCH_FILE, a DaemonSet outside the (YAML-free) workspace so that opening it is
// what activates the extension, and records how long activation and the first diagnostics took.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { extensionId, waitForDiagnostics } from './editor';

export async function run(): Promise<void> {
  const file = process.env.DAEMONSET_E2E_BENCH_FILE;
  const out = process.env.DAEMONSET_E2E_OUT;
  if (!file || !out) throw new Error('DAEMONSET_E2E_BENCH_FILE and DAEMONSET_E2E_OUT must be set');
  const ext = vscode.extensions.getExtension(extensionId);
  if (!ext) throw new Error(`${extensionId} is not installed in this window`);
  if (ext.isActive) throw new Error(`${extensionId} was active before a DaemonSet was opened`);
  const uri = vscode.Uri.file(file);
  const t0 = performance.now();
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  // Opening a YAML file fires onLanguage:yaml; activate() returns that same activation's promise.
  await ext.activate();
  const activationMs = performance.now() - t0;
  let firstDiagnosticsMs: number | null = null;
  try {
    await waitForDiagnostics(uri, (ds) => ds.some((d) => d.source === 'daemonset'), 'a daemonset diagnostic', 30_000);
    firstDiagnosticsMs = performance.now() - t0;
  } catch (e) {
    console.error(`[e2e] bench: ${e instanceof Error ? e.message : String(e)}`);
  }
  fs.appendFileSync(path.join(out, 'data.jsonl'), JSON.stringify({ activationMs, firstDiagnosticsMs }) + '\n');
  console.log(
    `[e2e] bench sample: activation ${activationMs.toFixed(0)} ms, first diagnostics ${firstDiagnosticsMs?.toFixed(0) ?? 'none'} ms`,
  );
}
