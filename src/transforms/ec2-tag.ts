/**
 * aws_ec2_tag adds one tag to a resource; the alicloud provider has no such
 * resource, so the tag joins the tags map of the translated resource it
 * names (and this block is folded into it). Kubernetes discovery tags are
 * not needed on Alibaba Cloud (ACK is given its vSwitches); tags on
 * resources outside this configuration, on one instance of a repeated
 * resource, or on a type without tags stay manual.
 */

import { findReferences, getAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import { repetition } from "./aws-graph.js";
import { literal } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { foldInto } from "./fold.js";
import { hclKey } from "./retarget.js";

const K8S_KEYS = /^(kubernetes\.io\/|k8s\.io\/|karpenter\.sh\/|eks:)/;

export function ec2Tag(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const key = getAttribute(o, "key");
  const value = getAttribute(o, "value");
  const rid = getAttribute(o, "resource_id");
  if (!key || !value || !rid) return;
  const k = literal(key.expr);
  if (typeof k === "string" && K8S_KEYS.test(k)) {
    ctx.plan.item.changes.push({ argument: "(block)", kind: "dropped", severity: "info", reason: `${k} is a Kubernetes discovery tag; ACK does not use tags to find vSwitches or load balancer subnets.` });
    foldInto(ctx, "(none)", `the tag ${k} is a Kubernetes (EKS) discovery tag; ACK is given its vSwitches and load balancers explicitly and needs no such tags.`);
    return;
  }
  const why = (reason: string): void => ctx.change({ argument: "resource_id", kind: "note", severity: "warning", reason, action: "Add the tag to the resource's tags where it is defined, or tag it with the Tag API (aliyun tag TagResources)." });
  if (repetition(o).length > 0) return why("The tag is repeated (count / for_each) over several resources; aws2ali merges single tags only.");
  const refs = findReferences(rid.expr);
  const ref = refs.length === 1 && refs[0]!.node === rid.expr ? refs[0]! : undefined;
  const s0 = ref?.steps[0];
  const s1 = ref?.steps[1];
  if (!ref || !ref.root.startsWith("aws_") || s0?.kind !== "attr" || s1?.kind !== "attr" || s1.name !== "id" || ref.steps.length !== 2) {
    return why(`The tagged resource ${exprSource(rid.expr)} is not a resource of this configuration named by its id (or is one instance of a repeated resource).`);
  }
  const target = ctx.planOf(`${ref.root}.${s0.name}`);
  const type = target?.rule?.to;
  const kind = target?.rule?.to_kind ?? target?.rule?.kind;
  const schema = type && kind === "resource" ? ctx.run.schema.resources[type] : undefined;
  if (!target || !target.target || target.absorbedInto || target.ignored || !schema) return why(`${exprSource(rid.expr)} is not translated to an Alibaba Cloud resource in this configuration.`);
  const tags = schema.attrs.tags;
  if (!tags || tags.m === "c" || !tags.t.startsWith("map")) return why(`${type} takes no tags.`);
  if (repetition(target.original).length > 0) return why(`${target.top.address} is repeated; the tag would reach every instance.`);
  const entry = `${typeof k === "string" ? hclKey(k) : `(${exprSource(key.expr)})`} = ${exprSource(value.expr)}`;
  const block = target.top.block;
  const existing = getAttribute(block, "tags");
  let expr = `{ ${entry} }`;
  if (existing) {
    const src = exprSource(existing.expr);
    expr = existing.expr.type === "Object" && !src.includes("\n") ? `${src.replace(/\s*\}$/, "")}, ${entry} }` : `merge(${src}, { ${entry} })`;
    if (existing.expr.type === "Object" && existing.expr.items.length === 0) expr = `{ ${entry} }`;
  }
  setAttribute(block, "tags", expr);
  const address = target.target.names.join(".");
  foldInto(ctx, address, `the tag ${typeof k === "string" ? k : exprSource(key.expr)} = ${exprSource(value.expr)} is part of ${address}'s tags (Alibaba Cloud has no single-tag resource).`);
  ctx.plan.item.changes.push({ argument: "(block)", kind: "moved", to: `${address}.tags`, severity: "info", reason: "Alibaba Cloud has no resource for one tag: it was merged into the tags of the resource it tagged." });
  target.item.changes.push({ argument: "tags", kind: "note", severity: "info", reason: `The tag ${typeof k === "string" ? k : exprSource(key.expr)} of ${ctx.top.address} was merged into the tags.` });
}
