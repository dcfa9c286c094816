// The placement panel's HTML: a strict Content-Security-Policy (no inline script or style, no
// eval), the bundled script and stylesheet, and an empty #app the script fills. Pure (no vscode
// import) so the browser tests render the very same page.
import { randomBytes } from 'node:crypto';

export interface WebviewHtmlInput {
  /** webview.cspSource: the origin asWebviewUri resources are served from. */
  cspSource: string;
  nonce: string;
  /** asWebviewUri(dist/webview.js) */
  scriptUri: string;
  /** asWebviewUri(dist/webview.css) */
  styleUri: string;
}

/** A fresh nonce per page load: 128 random bits, base64 (a valid CSP nonce). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The policy: nothing by default; scripts only with the nonce; styles and images only from the extension. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderHtml({ cspSource, nonce, scriptUri, styleUri }: WebviewHtmlInput): string {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('nonce must be base64');
  // VS Code 1.100 gives "'self' https://*.vscode-cdn.net": quoted keywords are fine; what could end
  // the directive (; , newline) or the attribute (") is refused.
  if (/[;"\r\n,]/.test(cspSource)) throw new Error(`unexpected character in cspSource ${cspSource}`);
  const csp = contentSecurityPolicy(cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${attr(styleUri)}">
<title>DaemonSet placement</title>
</head>
<body>
<main id="app" aria-busy="true"><p>Loading the placement preview…</p></main>
<script nonce="${nonce}" src="${attr(scriptUri)}"></script>
</body>
</html>
`;
}
