/**
 * Stage 2a, read: bytes to text. A file that is not UTF-8 text (a binary
 * blob with a .tf name, a Latin-1 file) gets a located error instead of
 * being parsed into nonsense.
 */

import { readFileSync } from "node:fs";
import type { Diagnostic } from "../hcl/diagnostics.js";
import { SourceMap } from "../hcl/source.js";

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function readSource(absPath: string, path: string): ReadResult {
  return decodeSource(readFileSync(absPath), path);
}

export function decodeSource(bytes: Uint8Array, path: string): ReadResult {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return failAt(bytes, nul, path, "read.binary-file", "Binary file", "This file contains NUL bytes, so it is not Terraform source. Rename it if it is not meant to be read as .tf, or restore the text file.");
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return failAt(bytes, firstInvalidUtf8(bytes), path, "read.invalid-utf8", "Invalid UTF-8", "Terraform files must be UTF-8. Re-save this file as UTF-8 (for example with iconv -f latin1 -t utf-8).");
  }
}

function failAt(bytes: Uint8Array, offset: number, path: string, code: string, summary: string, detail: string): ReadResult {
  // Locate the byte by decoding what comes before it, which is valid.
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const map = new SourceMap(before);
  const pos = map.pos(before.length);
  return { ok: false, diagnostic: { severity: "error", code, summary, detail, file: path, range: { start: pos, end: { ...pos, column: pos.column + 1, byte: pos.byte + 1 } } } };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
