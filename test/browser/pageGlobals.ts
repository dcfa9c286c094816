// The few page globals that callbacks handed to page.evaluate use. The test program is compiled
// without the DOM lib (it is a Node program), so each test file declares `window` and `document`
// with these shapes at module scope instead of adding DOM types to every server file.
import type { PlacementResponse } from '../../protocol';

export interface PageElement {
  textContent: string | null;
  value?: string;
  scrollTop: number;
  scrollHeight: number;
  dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
}

export interface PageEvent {
  violatedDirective: string;
  blockedURI: string;
  detail?: { ms: number };
}

export interface PageDocument {
  body: PageElement;
  activeElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  addEventListener(type: string, listener: (event: PageEvent) => void, capture?: boolean): void;
  removeEventListener(type: string, listener: (event: PageEvent) => void, capture?: boolean): void;
}

export interface PageWindow {
  __posted: Array<Record<string, unknown>>;
  __violations: string[];
  __state: unknown;
  __pwned?: unknown;
  __makeResponse?: (n: number) => PlacementResponse;
  __compactMessage?: (full: PlacementResponse, key: string, withTable: boolean) => unknown;
  __bench?: (message: unknown) => Promise<{ handler: number; painted: number }>;
  acquireVsCodeApi?: () => unknown;
  postMessage(message: unknown, targetOrigin: string): void;
}
