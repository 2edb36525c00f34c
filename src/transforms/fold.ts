/**
 * Blocks a transform decides not to emit as resources of their own: folded
 * into another block (RDS cluster instances into the PolarDB cluster, S3
 * lifecycle configurations into the OSS bucket), or kept for a person when
 * the translation turns out to be impossible for this block only (an alarm
 * on a metric CloudMonitor does not have).
 *
 * By the time a transform runs, the rule engine has already renamed the
 * block to its alicloud type. The comment-out stage prints the block as it
 * stands, so both functions first put the AWS block back as written: the
 * commented-out text must be what the user wrote, not half a translation.
 */

import { replaceChild } from "../hcl/edit.js";
import type { ManualRule } from "../mapping/rule.js";
import type { TransformContext } from "./context.js";

/** Put the AWS block back into its file exactly as it was written. */
function restoreOriginal(ctx: TransformContext): void {
  const { top, plan } = ctx;
  if (top.block === plan.original) return;
  plan.original.blockType.lead = top.block.blockType.lead;
  if (replaceChild(top.unit.tree, top.block, plan.original)) top.block = plan.original;
}

/** The block becomes part of `target` (an address such as `alicloud_polardb_cluster.main`); it is commented out with the reason. */
export function foldInto(ctx: TransformContext, target: string, reason: string): void {
  restoreOriginal(ctx);
  ctx.plan.absorbedInto = { target, reason };
}

/**
 * The rule has a target, but this block cannot use it: it becomes manual
 * (commented out, references turned into input variables, a to-do in the
 * report), as if its rule had no target.
 */
export function keepAsManual(ctx: TransformContext, manual: ManualRule): void {
  restoreOriginal(ctx);
  const rule = { ...ctx.plan.rule!, manual };
  delete rule.to;
  delete rule.transform;
  ctx.plan.rule = rule;
  ctx.plan.target = null;
  ctx.plan.emitted = [];
  ctx.plan.item.targets = [];
  ctx.plan.item.changes = ctx.plan.item.changes.filter((c) => c.argument === "(block)");
}
