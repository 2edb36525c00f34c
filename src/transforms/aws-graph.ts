/**
 * Reading the AWS configuration as written: which block an expression
 * points at, the blocks of a type in a stack, an argument's source. Split
 * transforms (NAT → SNAT entries, attachments → CEN propagation) follow
 * these links between the original AWS blocks.
 */

import { blocksOf, type Block, type Expr } from "../hcl/cst.js";
import { findReferences, getAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { Plan, TransformContext } from "./context.js";

/** The AWS resource addresses (`aws_nat_gateway.main`) an expression refers to. */
export function referencedAddresses(expr: Expr | undefined): string[] {
  if (!expr) return [];
  const out: string[] = [];
  for (const ref of findReferences(expr)) {
    const s0 = ref.steps[0];
    if (ref.root.startsWith("aws_") && s0?.kind === "attr") out.push(`${ref.root}.${s0.name}`);
  }
  return out;
}

export function refersTo(expr: Expr | undefined, address: string): boolean {
  return referencedAddresses(expr).includes(address);
}

/** Plans of one AWS type in the transform's stack, in source order. */
export function plansOfType(ctx: TransformContext, awsType: string): Plan[] {
  return plansIndex(ctx).get(`${ctx.stack.dir.dir}\u0000${awsType}`) ?? [];
}

/** Plans by folder and type, built once per run: transforms ask this question for every block. */
const indexes = new WeakMap<object, Map<string, Plan[]>>();
function plansIndex(ctx: TransformContext): Map<string, Plan[]> {
  let index = indexes.get(ctx.run.plans);
  if (!index) {
    index = new Map();
    for (const p of ctx.run.plans.values()) {
      const key = `${p.top.unit.dir}\u0000${p.top.type}`;
      const list = index.get(key);
      if (list) list.push(p);
      else index.set(key, [p]);
    }
    indexes.set(ctx.run.plans, index);
  }
  return index;
}

/** An argument of the original AWS block, as source text. */
export function originalSource(plan: Plan, name: string): string | undefined {
  const a = getAttribute(plan.original, name);
  return a ? exprSource(a.expr) : undefined;
}

export function originalExpr(plan: Plan, name: string): Expr | undefined {
  return getAttribute(plan.original, name)?.expr;
}

export function originalLiteral(plan: Plan, name: string): string | number | boolean | undefined {
  const a = getAttribute(plan.original, name);
  const v = a ? staticValue(a.expr) : undefined;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
}

export function nestedOriginals(plan: Plan, name: string): Block[] {
  return blocksOf(plan.original.body).filter((b) => b.blockType.text === name);
}

/** The address part of the first reference in an expression: `aws_subnet.public[0].id` → `aws_subnet.public`. */
export function firstAddress(expr: Expr | undefined): string | undefined {
  return referencedAddresses(expr)[0];
}

/** `count`/`for_each` of a block as source, to copy onto blocks split from it. */
export function repetition(block: Block): Array<{ attr: string; expr: string }> {
  const out: Array<{ attr: string; expr: string }> = [];
  for (const name of ["count", "for_each"]) {
    const a = getAttribute(block, name);
    if (a) out.push({ attr: name, expr: exprSource(a.expr) });
  }
  return out;
}

/** The expression that refers to one instance of a block: `alicloud_x.n`, `alicloud_x.n[count.index]`, `alicloud_x.n[each.key]`. */
export function instanceRef(address: string, block: Block): string {
  if (getAttribute(block, "count")) return `${address}[count.index]`;
  if (getAttribute(block, "for_each")) return `${address}[each.key]`;
  return address;
}
