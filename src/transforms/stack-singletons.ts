/**
 * Containers Alibaba Cloud needs once per application where AWS has none:
 * an SLS project holds every log store, a Tablestore instance holds every
 * table. The first block of a folder that needs one emits it right after
 * itself (so it joins the stack's resource group and default tags like any
 * emitted resource); later blocks of the folder reuse it.
 */

import type { BlockSpec } from "../hcl/format.js";
import type { StackContext, TransformContext } from "./context.js";

const emitted = new WeakMap<StackContext, Map<string, string>>();

/** Base for generated names: the folder's own name, or "stack" for the root folder. */
export function stackBaseName(stack: StackContext): string {
  const dir = stack.dir.dir;
  const base = dir === "" ? "stack" : dir.split("/").pop()!;
  return base.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "stack";
}

/** `alicloud_log_project.this`, `data.alicloud_caller_identity.current`. */
function addressOfSpec(spec: BlockSpec): string {
  const [type, name] = spec.labels;
  return spec.type === "data" ? `data.${type}.${name}` : `${type}.${name}`;
}

/**
 * The address of the folder's one block for `key` (by default its type),
 * emitted after the current block the first time it is asked for.
 * `onFirst` runs only then (for the report).
 */
export function stackSingleton(ctx: TransformContext, spec: BlockSpec, onFirst?: () => void, key = spec.labels[0]!): string {
  const byKey = emitted.get(ctx.stack) ?? new Map<string, string>();
  emitted.set(ctx.stack, byKey);
  const existing = byKey.get(key);
  if (existing) return existing;
  ctx.emitAfter([spec]);
  const address = addressOfSpec(spec);
  byKey.set(key, address);
  onFirst?.();
  return address;
}
