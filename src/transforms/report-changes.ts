/**
 * A transform that redoes an argument the rule engine already handled (a
 * list the engine could not map value by value, an argument whose value
 * depends on other blocks) takes back the engine's report lines for it, so
 * the report says once, correctly, what happened.
 */

import type { TransformContext } from "./context.js";

/** Remove the changes recorded so far for `argument` (and, with `nested`, for arguments under it). */
export function retractChanges(ctx: TransformContext, argument: string, nested = false): void {
  const item = ctx.plan.item;
  item.changes = item.changes.filter((c) => !(c.argument === argument || (nested && c.argument.startsWith(`${argument}.`))));
}
