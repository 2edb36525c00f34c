/**
 * References whose attribute path changes shape, which an `attributes:`
 * entry of a rule cannot say: `aws_eks_cluster.x.certificate_authority[0].data`
 * becomes `….certificate_authority.cluster_cert`, references to a folded RDS
 * cluster instance point at the PolarDB cluster. A transform rewrites them
 * in every block of its folder before the references stage renames the
 * addresses; what it leaves alone goes through the rule's attribute table.
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { findReferences, replaceExpr, type Reference, type TraversalStep } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import type { TransformContext } from "./context.js";

export interface PathRewrite {
  /** Attribute names after the address; "[]" matches any index (`[0]`, `.0`). */
  from: string[];
  /** The new reference, given the address as written (with its instance key, if any): `${addr}.certificate_authority.cluster_cert`. */
  to: (address: string) => string;
}

/** Index of the first step after `type.name` (and its instance key), or -1 when the reference is not to that address. */
function stepsAfterAddress(ref: Reference, address: string): number {
  const parts = address.split(".");
  const names = ref.root === parts[0] ? [ref.root] : [];
  if (names.length === 0) return -1;
  let k = 0;
  for (; names.length < parts.length; k++) {
    const s = ref.steps[k];
    if (s?.kind !== "attr") return -1;
    names.push(s.name);
  }
  if (names.join(".") !== address) return -1;
  const key = ref.steps[k];
  return key && key.kind !== "attr" ? k + 1 : k;
}

function matches(steps: TraversalStep[], from: string[]): boolean {
  if (steps.length < from.length) return false;
  return from.every((want, i) => {
    const s = steps[i]!;
    return want === "[]" ? s.kind === "index" || s.kind === "legacy-index" : s.kind === "attr" && s.name === want;
  });
}

/** Blocks that end up commented out keep the user's text: nothing is rewritten in them. */
function commentedOutBlocks(ctx: TransformContext): Set<Block> {
  const out = new Set<Block>();
  for (const p of ctx.run.plans.values()) if (!p.rule?.to || p.absorbedInto) out.add(p.top.block);
  return out;
}

/** Rewrite matching references to `address` in every block of the folder; returns how many were rewritten. */
export function rewriteReferencePaths(ctx: TransformContext, address: string, rewrites: PathRewrite[]): number {
  const skip = commentedOutBlocks(ctx);
  let count = 0;
  for (const unit of ctx.stack.dir.units) {
    if (unit.isTfvars) continue;
    for (const block of blocksOf(unit.tree.body)) {
      if (skip.has(block)) continue;
      for (const ref of findReferences(block)) {
        const start = stepsAfterAddress(ref, address);
        if (start < 0) continue;
        const rest = ref.steps.slice(start);
        const rewrite = rewrites.find((r) => matches(rest, r.from));
        if (!rewrite) continue;
        const addressNode = start === 0 ? ref.rootNode : ref.steps[start - 1]!.node;
        const last = rest[rewrite.from.length - 1];
        replaceExpr(block, last ? last.node : addressNode, rewrite.to(exprSource(addressNode)));
        count++;
      }
    }
  }
  return count;
}
