// One Kubernetes watch request (`GET …?watch=1`), read as newline-delimited JSON events.
// Written on node:http(s) rather than the client library's Watch because that one has no
// timeout before the response headers arrive (its AbortSignal.timeout is overwritten), so a
// server that accepts the connection and then stalls would hang us forever. Credentials,
// CA and client certificates still come from the library (applyToHTTPSOptions).
import * as http from 'node:http';
import * as https from 'node:https';
import { ClusterCallError, describeClusterError, formatMs, statusMessage, withTimeout } from './apiError';
import type { KubeConfig } from './kubeconfig';

export type WatchEnd =
  /** The server ended the stream cleanly (its timeoutSeconds ran out): resume from the last version. */
  | { kind: 'closed' }
  /** 410 Gone: the version we asked for is compacted away; only a fresh list helps. */
  | { kind: 'expired'; message: string }
  /** The connection broke, went silent or carried garbage: re-list. */
  | { kind: 'dropped'; message: string }
  /** The server refused the watch (401, 403, 5xx, timeout before headers). */
  | { kind: 'failed'; message: string };

export interface WatchRequest {
  path: string;
  query: Record<string, string>;
  /** Limit for the response headers to arrive. */
  timeoutMs: number;
  /** The stream is declared dead if no byte arrives for this long. */
  idleMs: number;
  onEvent(type: string, object: unknown): void;
  onEnd(end: WatchEnd): void;
  /** Puts credentials into the request options (default: the kubeconfig's, within timeoutMs). */
  applyCredentials?(opts: https.RequestOptions): Promise<void>;
  /** Longest event line accepted (default MAX_LINE_CHARS). */
  maxLineChars?: number;
}

export interface WatchHandle {
  /** Stops the watch; onEnd is not called afterwards. */
  abort(): void;
}

/**
 * Longest watch event line accepted. An object in etcd is at most ~1.5 MiB (the API server's
 * request limit is 3 MiB); a line beyond 4 Mi characters is not a Kubernetes watch event.
 */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

export function openWatch(kc: KubeConfig, server: string, req: WatchRequest): WatchHandle {
  let finished = false;
  let request: http.ClientRequest | undefined;
  let agent: http.Agent | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let headerTimer: NodeJS.Timeout | undefined;

  const cleanup = (): void => {
    clearTimeout(idleTimer);
    clearTimeout(headerTimer);
    request?.destroy();
    agent?.destroy();
  };
  const end = (e: WatchEnd): void => {
    if (finished) return;
    finished = true;
    cleanup();
    req.onEnd(e);
  };
  const what = 'watching nodes';

  const start = async (): Promise<void> => {
    const opts: https.RequestOptions = {};
    // An exec credential plugin runs here; it gets the same time limit as the request.
    if (req.applyCredentials) await req.applyCredentials(opts);
    else await withTimeout(req.timeoutMs, server, 'getting credentials', () => kc.applyToHTTPSOptions(opts));
    if (finished) return;
    agent = opts.agent instanceof http.Agent ? opts.agent : undefined;
    const url = new URL(server + req.path);
    for (const [k, v] of Object.entries(req.query)) url.searchParams.set(k, v);
    const mod = url.protocol === 'http:' ? http : https;
    // applyToHTTPSOptions writes a plain header object (Authorization for tokens and exec plugins).
    const headers: http.OutgoingHttpHeaders = {
      ...(opts.headers as http.OutgoingHttpHeaders | undefined),
      Accept: 'application/json',
    };
    const options: https.RequestOptions = { method: 'GET', headers };
    if (opts.agent) options.agent = opts.agent;
    if (opts.auth) options.auth = opts.auth;
    const r = mod.request(url, options);
    request = r;
    headerTimer = setTimeout(
      () => end({ kind: 'failed', message: `no answer from ${server} ${what} within ${formatMs(req.timeoutMs)}` }),
      req.timeoutMs,
    );
    r.on('error', (e) => end({ kind: 'dropped', message: describeClusterError(e, server, what) }));
    r.on('response', (res) => {
      clearTimeout(headerTimer);
      if (res.statusCode !== 200) {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (body.length < 65536) body += c;
        });
        res.on('error', () => undefined);
        res.on('end', () => {
          const code = res.statusCode ?? 0;
          const message = describeClusterError({ code, body }, server, what);
          end(code === 410 ? { kind: 'expired', message } : { kind: 'failed', message });
        });
        return;
      }
      // The line being received, in pieces: each chunk is scanned for '\n' once, and a line
      // arriving in many chunks is joined once (a growing string rescanned per chunk was
      // quadratic: 105 s of CPU for a 70 MB line).
      const pieces: string[] = [];
      let pending = 0;
      const maxLine = req.maxLineChars ?? MAX_LINE_CHARS;
      const armIdle = (): void => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(
          () => end({ kind: 'dropped', message: `the watch on ${server} went silent for ${formatMs(req.idleMs)}` }),
          req.idleMs,
        );
      };
      armIdle();
      res.setEncoding('utf8');
      const tooLong = (): void =>
        end({
          kind: 'dropped',
          message: `the server at ${server} sent a watch event line longer than ${formatChars(maxLine)} without a line break (an object in etcd is at most about 1.5 MiB): the stream was dropped`,
        });
      res.on('data', (chunk: string) => {
        if (finished) return;
        armIdle();
        let from = 0;
        let nl: number;
        while (!finished && (nl = chunk.indexOf('\n', from)) >= 0) {
          if (pending + (nl - from) > maxLine) return tooLong();
          pieces.push(chunk.slice(from, nl));
          const line = pieces.join('').trim();
          pieces.length = 0;
          pending = 0;
          from = nl + 1;
          if (line) handleLine(line);
        }
        if (finished || from >= chunk.length) return;
        pending += chunk.length - from;
        if (pending > maxLine) return tooLong();
        pieces.push(from === 0 ? chunk : chunk.slice(from));
      });
      res.on('aborted', () => end({ kind: 'dropped', message: `the watch connection to ${server} was cut` }));
      res.on('error', (e) => end({ kind: 'dropped', message: describeClusterError(e, server, what) }));
      res.on('end', () => {
        const rest = pieces.join('').trim();
        if (rest && !finished) handleLine(rest);
        // A stream cut mid-response also ends; `complete` tells a clean end from a cut.
        if (res.complete) end({ kind: 'closed' });
        else end({ kind: 'dropped', message: `the watch connection to ${server} was cut` });
      });
      res.on('close', () => end({ kind: 'dropped', message: `the watch connection to ${server} was cut` }));
    });
    r.end();
  };

  const handleLine = (line: string): void => {
    let event: { type?: unknown; object?: unknown };
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      end({ kind: 'dropped', message: `the server at ${server} sent a watch event that is not JSON` });
      return;
    }
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') {
      end({ kind: 'dropped', message: `the server at ${server} sent a watch event without a type` });
      return;
    }
    if (event.type === 'ERROR') {
      const status = event.object as { code?: unknown } | undefined;
      const message = `watch error from ${server}: ${statusMessage(event.object) ?? 'no message'}`;
      end(status?.code === 410 ? { kind: 'expired', message } : { kind: 'dropped', message });
      return;
    }
    req.onEvent(event.type, event.object);
  };

  start().catch((e: unknown) => {
    const message = e instanceof ClusterCallError ? e.message : describeClusterError(e, server, what);
    end({ kind: 'failed', message });
  });

  return {
    abort(): void {
      finished = true;
      cleanup();
    },
  };
}

function formatChars(n: number): string {
  return n >= 1048576 ? `${+(n / 1048576).toFixed(1)} Mi characters` : `${n} characters`;
}
