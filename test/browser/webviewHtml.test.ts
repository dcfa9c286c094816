// The panel's HTML (client/src/webviewHtml.ts): strict CSP, nonce, escaped URIs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentSecurityPolicy, newNonce, renderHtml } from '../../client/src/webviewHtml';

describe('webview HTML', () => {
  const input = {
    cspSource: 'https://*.vscode-cdn.net',
    nonce: 'bm9uY2U0dGVzdA==',
    scriptUri: 'https://x.vscode-cdn.net/dist/webview.js?a=1&b="2"',
    styleUri: 'https://x.vscode-cdn.net/dist/webview.css',
  };

  test('the policy allows nothing but nonce scripts and extension styles, images and fonts', () => {
    assert.equal(
      contentSecurityPolicy(input.cspSource, input.nonce),
      "default-src 'none'; style-src https://*.vscode-cdn.net 'nonce-bm9uY2U0dGVzdA=='; script-src 'nonce-bm9uY2U0dGVzdA=='; img-src https://*.vscode-cdn.net data:; font-src https://*.vscode-cdn.net",
    );
    const html = renderHtml(input);
    assert.doesNotMatch(html, /unsafe-(inline|eval)/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
    assert.match(
      html,
      /<script nonce="bm9uY2U0dGVzdA==" src="https:\/\/x\.vscode-cdn\.net\/dist\/webview\.js\?a=1&amp;b=&quot;2&quot;"><\/script>/,
    );
    assert.match(
      html,
      /<link rel="stylesheet" nonce="bm9uY2U0dGVzdA==" href="https:\/\/x\.vscode-cdn\.net\/dist\/webview\.css">/,
    );
    assert.doesNotMatch(html, /<script(?![^>]*nonce=)/);
    assert.doesNotMatch(html, /style=/);
  });

  test('nonces are fresh, 128-bit base64', () => {
    const a = newNonce();
    assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
    assert.notEqual(a, newNonce());
  });

  test("VS Code 1.100's cspSource (with a quoted 'self') is accepted", () => {
    const html = renderHtml({ ...input, cspSource: "'self' https://*.vscode-cdn.net" });
    assert.match(html, /style-src 'self' https:\/\/\*\.vscode-cdn\.net 'nonce-/);
  });

  test('a nonce or cspSource that could break out of the policy is refused', () => {
    assert.throws(() => renderHtml({ ...input, nonce: "x' 'unsafe-inline" }));
    assert.throws(() => renderHtml({ ...input, cspSource: 'https://a; script-src *' }));
  });
});
