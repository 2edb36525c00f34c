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

/**
 * The address (`alicloud_log_project.this`) of the folder's one block of
 * `spec`'s type, emitted after the current block the first time it is asked
 * for. `onFirst` runs only then (for the report).
 */
export function stackSingleton(ctx: TransformContext, spec: BlockSpec, onFirst?: () => void): string {
  const byType = emitted.get(ctx.stack) ?? new Map<string, string>();
  emitted.set(ctx.stack, byType);
  const type = spec.labels[0]!;
  const existing = byType.get(type);
  if (existing) return existing;
  ctx.emitAfter([spec]);
  const address = `${type}.${spec.labels[1]}`;
  byType.set(type, address);
  onFirst?.();
  return address;
}
