// Turns whatever a call to an API server threw (the client library's ApiException, node-fetch
// and socket errors, TLS failures, our own timeouts, unparsable bodies) into one line a user
// can act on. Nothing here throws.
import { STATUS_CODES } from 'node:http';

/** Thrown by our own wrappers; `kind` lets callers branch without parsing text. */
export class ClusterCallError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'garbage' | 'status' | 'network' | 'tls' | 'auth' | 'other',
    readonly code?: number,
  ) {
    super(message);
    this.name = 'ClusterCallError';
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the cluster running and the address right?)',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve (DNS lookup failed)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'the connection was closed',
};

/** The message of a Kubernetes `Status` body, if the body is one. */
export function statusMessage(body: unknown): string | undefined {
  let v = body;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string') {
    return (v as { message: string }).message;
  }
  return undefined;
}

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  // node-fetch's FetchError and AggregateError keep the socket error one level down.
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string') return c;
    cur = (cur as { cause?: unknown; erroredSysCall?: unknown }).cause ?? (cur as { errors?: unknown[] }).errors?.[0];
  }
  return undefined;
}

/** One line: "401 Unauthorized from https://…: the credentials were rejected". */
export function describeClusterError(e: unknown, server: string, what: string): string {
  if (e instanceof ClusterCallError) return e.message;
  const err = e as { code?: unknown; body?: unknown; message?: unknown; name?: unknown } | undefined;
  if (err && typeof err.code === 'number') {
    const code = err.code;
    const reason = STATUS_CODES[code] ?? 'error';
    const detail = statusMessage(err.body);
    if (code === 401)
      return `401 Unauthorized ${what} at ${server}: the credentials were rejected (expired or wrong token?)${detail ? `: ${detail}` : ''}`;
    if (code === 403)
      return `403 Forbidden ${what} at ${server}${detail ? `: ${detail}` : ': the user may not do this'}`;
    return `${code} ${reason} ${what} at ${server}${detail ? `: ${detail}` : ''}`;
  }
  const code = errorCode(e);
  const message = typeof err?.message === 'string' ? err.message : String(e);
  if (code && TLS_CODES.has(code)) {
    return `TLS error talking to ${server}: ${code} (check certificate-authority / insecure-skip-tls-verify in the kubeconfig)`;
  }
  if (code && NETWORK_WORDS[code]) return `cannot reach ${server}: ${NETWORK_WORDS[code]}`;
  if (err?.name === 'SyntaxError' || /not supported by ObjectSerializer|Unexpected token|JSON/.test(message)) {
    return `the server at ${server} sent an answer that is not Kubernetes API JSON ${what}`;
  }
  if (err?.name === 'AbortError') return `no answer from ${server} ${what} (aborted)`;
  return `${what} at ${server} failed: ${message.split('\n')[0]}`;
}

/**
 * Runs `work` with an AbortSignal that fires after `ms`, and also stops waiting after `ms`
 * even if `work` ignores the signal (an exec credential plugin that hangs, for instance).
 */
export async function withTimeout<T>(
  ms: number,
  server: string,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ClusterCallError(`no answer from ${server} ${what} within ${formatMs(ms)}`, 'timeout'));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
