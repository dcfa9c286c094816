// Text-level quirks between the bytes of a file and the YAML parser, each with its own message
// (issue 10): they used to surface as "binary", "not YAML" or a key named "\ufeffapiVersion".
// Every rewrite here keeps the text's length, so offsets into it stay offsets into the file.

export interface TextNotice {
  start: number;
  end: number;
  /** A READER_PROBLEM_CODES key (documentModel.ts). */
  code: 'BOM_IN_DOCUMENT' | 'LONE_CR' | 'REPLACEMENT_CHAR' | 'INVALID_UTF8';
  message: string;
}

// A byte order mark right after a `---`/`...` marker line starts a document (files saved with a
// BOM, then concatenated). libyaml skips a BOM at column 0 (scannerc.go,
// yaml_parser_scan_to_next_token: "Allow the BOM"), and kubectl decodes each document on its
// own, where it is the stream's first character: both ignore it. The `yaml` package takes it
// for part of the first key.
const BOM_AFTER_MARKER = /^(---|\.\.\.)([ \t]*(?:#[^\r\n]*)?)(\r?\n)\ufeff/gm;

/**
 * The text the YAML parser is given, and what was noticed on the way. Same length as `text`:
 * a lone CR becomes LF (libyaml's is_break counts CR as a line break, the `yaml` package does
 * not); a BOM after a document marker moves into the marker line as a space.
 */
export function prepareText(text: string): { text: string; notices: TextNotice[] } {
  const notices: TextNotice[] = [];
  let out = text;
  if (out.includes('\ufeff')) {
    out = out.replace(BOM_AFTER_MARKER, (m: string, marker: string, rest: string, nl: string, offset: number) => {
      const at = offset + m.length - 1;
      notices.push({
        start: at,
        end: at + 1,
        code: 'BOM_IN_DOCUMENT',
        message: 'A byte order mark (U+FEFF) starts this document; it is ignored, as kubectl ignores it',
      });
      return `${marker} ${rest}${nl}`;
    });
  }
  const cr = loneCr(out);
  if (cr >= 0) {
    out = out.replace(/\r(?!\n)/g, '\n');
    notices.push({
      start: cr,
      end: cr + 1,
      code: 'LONE_CR',
      message:
        'Lines end with a lone CR (classic Mac line breaks): YAML reads them as line breaks, but kubectl splits a file into documents only at LF line breaks; save the file with LF or CRLF',
    });
  }
  const fffd = out.indexOf('\ufffd');
  if (fffd >= 0) {
    notices.push({
      start: fffd,
      end: fffd + 1,
      code: 'REPLACEMENT_CHAR',
      message:
        'U+FFFD (the replacement character) here: if the file is not valid UTF-8, kubectl refuses it ("invalid leading UTF-8 octet"); save it as UTF-8',
    });
  }
  return { text: out, notices };
}

function loneCr(text: string): number {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return i;
  }
  return -1;
}

/**
 * Decodes file bytes as UTF-8. Invalid sequences become U+FFFD (so the rest can be checked);
 * `invalidAt` is the offset in the decoded text of the first one, `byte` its first byte.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; invalidAt?: number; byte?: number } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text };
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, bad).toString('utf8');
  return { text, invalidAt: before.length, byte: bytes[bad]! };
}

/** Index of the first byte that starts an invalid UTF-8 sequence, or -1 (RFC 3629). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      min = 0x10000;
    } else return i;
    if (i + len > n) return i;
    let cp = c & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const x = b[i + k]!;
      if ((x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}
