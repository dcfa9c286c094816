// The postMessage traffic between the placement panel host (client/src/placementPanel.ts) and
// the webview script (client/webview/main.ts). Types only plus two guards: both sides treat the
// other as untrusted input and check shapes before acting.
import type { ClusterNodesTable, PlacementResponse } from '../../protocol';

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** host → webview */
export type HostMessage =
  /** A placement to render (also re-sent after the webview reloads). */
  | { type: 'update'; response: PlacementResponse; nodes?: ClusterNodesTable }
  /** The request failed (server not running, timeout): keep the rows, show the message. */
  | { type: 'failed'; message: string };

/** webview → host */
export type WebviewMessage =
  /** The script is loaded and listening; the host answers with the last `update`. */
  | { type: 'ready' }
  /** Show this range of the previewed manifest in its editor. */
  | { type: 'reveal'; range: LspRange }
  /** The DaemonSet picker chose the file's DaemonSet number `index`. */
  | { type: 'select'; index: number };

/** What the webview keeps with getState/setState; the host's serializer receives it after a reload. */
export interface PanelState {
  uri?: string;
  selected?: number;
  filter?: string;
  groupBy?: string;
}

function isPosition(p: unknown): p is LspPosition {
  if (typeof p !== 'object' || p === null) return false;
  const { line, character } = p as Record<string, unknown>;
  return Number.isInteger(line) && (line as number) >= 0 && Number.isInteger(character) && (character as number) >= 0;
}

export function isRange(r: unknown): r is LspRange {
  if (typeof r !== 'object' || r === null) return false;
  const { start, end } = r as Record<string, unknown>;
  return isPosition(start) && isPosition(end);
}

export function isWebviewMessage(m: unknown): m is WebviewMessage {
  if (typeof m !== 'object' || m === null) return false;
  const msg = m as Record<string, unknown>;
  switch (msg.type) {
    case 'ready':
      return true;
    case 'reveal':
      return isRange(msg.range);
    case 'select':
      return Number.isInteger(msg.index) && (msg.index as number) >= 0;
    default:
      return false;
  }
}

function isNodesTable(t: unknown): t is ClusterNodesTable {
  if (typeof t !== 'object' || t === null) return false;
  const { key, names, labels } = t as Record<string, unknown>;
  return (
    typeof key === 'string' &&
    Array.isArray(names) &&
    Array.isArray(labels) &&
    names.length === labels.length &&
    labels.every((l) => typeof l === 'object' && l !== null)
  );
}

export function isHostMessage(m: unknown): m is HostMessage {
  if (typeof m !== 'object' || m === null) return false;
  const msg = m as Record<string, unknown>;
  if (msg.type === 'update')
    return (
      typeof msg.response === 'object' && msg.response !== null && (msg.nodes === undefined || isNodesTable(msg.nodes))
    );
  if (msg.type === 'failed') return typeof msg.message === 'string';
  return false;
}

export function isPanelState(s: unknown): s is PanelState {
  if (typeof s !== 'object' || s === null) return false;
  const st = s as Record<string, unknown>;
  return (
    (st.uri === undefined || typeof st.uri === 'string') &&
    (st.selected === undefined || Number.isInteger(st.selected)) &&
    (st.filter === undefined || typeof st.filter === 'string') &&
    (st.groupBy === undefined || typeof st.groupBy === 'string')
  );
}
