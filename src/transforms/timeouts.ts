/**
 * Operation timeouts. Alibaba Cloud creates some products much more slowly
 * than AWS (an ACK cluster with its add-ons, a PolarDB cluster), so a few
 * transforms ask for longer timeouts than the AWS block had. The provider
 * takes them as a `timeouts { … }` block; a rule's `set:` can only add
 * arguments, so an argument written `timeouts = { … }` is turned into the
 * block here as well.
 */

import { attributesOf, blocksOf, type Block } from "../hcl/cst.js";
import { addBlock, quote, removeAttribute, removeBlock } from "../hcl/edit.js";
import { exprSource, objectKeyName } from "../hcl/value.js";

const OPERATIONS = ["create", "update", "delete", "read"] as const;

/** Seconds in a Go duration string ("90m", "1h30m"); undefined when it is not one. */
export function durationSeconds(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(text)) return undefined;
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  for (const m of text.matchAll(re)) total += Number(m[1]) * unit[m[2]!]!;
  return total;
}

/** The timeouts a block already has, as expressions by operation (from a block or an argument). */
function existingTimeouts(block: Block): Map<string, string> {
  const out = new Map<string, string>();
  const attr = attributesOf(block.body).find((a) => a.name.text === "timeouts");
  if (attr?.expr.type === "Object") {
    for (const item of attr.expr.items) {
      const key = objectKeyName(item.key);
      if (key) out.set(key, exprSource(item.value));
    }
  }
  if (attr) removeAttribute(block, "timeouts");
  for (const nested of blocksOf(block.body).filter((b) => b.blockType.text === "timeouts")) {
    for (const a of attributesOf(nested.body)) out.set(a.name.text, exprSource(a.expr));
    removeBlock(block, nested);
  }
  return out;
}

/** The duration of a plain quoted string such as `"60m"`; undefined for anything else. */
function literalDuration(expr: string): number | undefined {
  return /^"[0-9a-z.]*"$/.test(expr) ? durationSeconds(expr.slice(1, -1)) : undefined;
}

/**
 * Give the block a `timeouts` block with at least the wanted durations: a
 * value the AWS block already had is kept when it is longer (or not a
 * literal, which we cannot compare).
 */
export function ensureTimeouts(block: Block, wanted: Partial<Record<(typeof OPERATIONS)[number], string>>): void {
  const have = existingTimeouts(block);
  for (const [op, value] of Object.entries(wanted)) {
    const current = have.get(op);
    const cur = current === undefined ? undefined : literalDuration(current);
    if (current !== undefined && (cur === undefined || cur >= (durationSeconds(value) ?? 0))) continue;
    have.set(op, quote(value));
  }
  const items = [...have].sort(([a], [b]) => OPERATIONS.indexOf(a as never) - OPERATIONS.indexOf(b as never)).map(([attr, expr]) => ({ attr, expr }));
  addBlock(block, { type: "timeouts", labels: [], items });
}
