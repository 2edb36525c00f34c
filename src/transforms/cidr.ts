/**
 * The prefix length of a subnet's cidr_block as far as the source says it
 * without running Terraform: a literal ("10.0.0.0/24"), a template whose
 * text ends in "/24", `cidrsubnet(base, newbits, n)` (base prefix plus
 * newbits), or a variable with a literal default. Used to warn about
 * vSwitches too small for Terway, which gives every pod a VPC address.
 */

import { isToken, type Expr } from "../hcl/cst.js";
import { getAttribute } from "../hcl/edit.js";
import { staticValue } from "../hcl/value.js";
import type { StackContext } from "./context.js";

function prefixOfText(text: string): number | undefined {
  const m = /\/(\d{1,2})$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function variableDefault(stack: StackContext, name: string): Expr | undefined {
  const v = stack.dir.blocks.find((b) => b.kind === "variable" && b.name === name);
  return v ? getAttribute(v.block, "default")?.expr : undefined;
}

export function cidrPrefixLength(expr: Expr, stack: StackContext): number | undefined {
  const value = staticValue(expr);
  if (typeof value === "string") return prefixOfText(value);
  if (expr.type === "Template") {
    const last = expr.items[expr.items.length - 1];
    return last && isToken(last) ? prefixOfText(last.text) : undefined;
  }
  if (expr.type === "Paren") return cidrPrefixLength(expr.expr, stack);
  if (expr.type === "Call" && expr.name === "cidrsubnet" && expr.args.length === 3) {
    const base = cidrPrefixLength(expr.args[0]!, stack);
    const bits = staticValue(expr.args[1]!);
    return base !== undefined && typeof bits === "number" ? base + bits : undefined;
  }
  if (expr.type === "GetAttr" && expr.target.type === "Variable" && expr.target.name.text === "var") {
    const def = variableDefault(stack, expr.name.text);
    return def ? cidrPrefixLength(def, stack) : undefined;
  }
  return undefined;
}
