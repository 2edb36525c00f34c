/**
 * Stage 6, references: every reference to a translated AWS block is
 * rewritten wherever it appears (templates, splats, for expressions,
 * depends_on, outputs, module arguments); a reference to something with no
 * translation becomes an input variable, so the output stays valid
 * Terraform and no live `aws_` reference is left.
 */

import { blocksOf, type Block, type Expr, type Node } from "../hcl/cst.js";
import { blockLabels, findReferences, getAttribute, removeAttribute, replaceAttributeValue, replaceExpr, type Reference, type TraversalStep } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import { attributeRule } from "../mapping/rule.js";
import type { Plan, RunContext, StackContext } from "../transforms/context.js";
import type { ModuleCall } from "../transforms/module-call.js";

interface Resolved {
  plan: Plan;
  /** How many leading names (root included) the address takes: 2 for `aws_x.n`, 3 for `data.aws_x.n`. */
  consumed: number;
}

/** Plans that end up commented out: their own bodies need no rewriting. */
export function isCommentedOut(plan: Plan): boolean {
  return !plan.rule?.to || plan.absorbedInto !== undefined || plan.failed !== undefined;
}

export function referencesStage(run: RunContext): void {
  for (const stack of run.stacks.values()) {
    const index = new Map<string, Plan>();
    // Ignored blocks keep their AWS address, so references to them stay as written.
    for (const plan of run.plans.values()) if (plan.top.unit.dir === stack.dir.dir && !plan.ignored) index.set(plan.top.address, plan);
    const modules = new Map(run.moduleCalls.filter((m) => m.top.unit.dir === stack.dir.dir).map((m) => [m.top.name, m]));
    if (index.size === 0 && modules.size === 0) continue;
    const skip = new Set<Block>([...index.values()].filter(isCommentedOut).map((p) => p.top.block));
    for (const m of modules.values()) if (m.manual) skip.add(m.top.block);
    for (const unit of stack.dir.units) {
      if (unit.isTfvars) continue;
      for (const block of blocksOf(unit.tree.body)) {
        if (skip.has(block)) continue;
        dropDependsOnManual(block, index);
        rewriteProviderMeta(block);
        rewriteIn(block, index, stack, run);
        if (modules.size > 0) rewriteModuleOutputs(block, modules, stack);
      }
    }
  }
}

function resolve(ref: Reference, index: Map<string, Plan>): Resolved | undefined {
  const [s0, s1] = ref.steps;
  if (ref.root === "data") {
    if (s0?.kind !== "attr" || s1?.kind !== "attr") return undefined;
    const plan = index.get(`data.${s0.name}.${s1.name}`);
    return plan ? { plan, consumed: 3 } : undefined;
  }
  if (s0?.kind !== "attr") return undefined;
  const plan = index.get(`${ref.root}.${s0.name}`);
  return plan ? { plan, consumed: 2 } : undefined;
}

function rewriteIn(root: Block, index: Map<string, Plan>, stack: StackContext, run: RunContext): void {
  for (const ref of findReferences(root)) {
    const r = resolve(ref, index);
    if (!r) continue;
    if (isCommentedOut(r.plan)) toVariable(root, ref, r, stack, run, r.plan.absorbedInto ? "was folded into another resource" : "has no Alibaba Cloud translation");
    else rewriteTranslated(root, ref, r, stack, run);
  }
}

/** `provider = aws.dr` → `alicloud.dr`; `providers = { aws = aws.dr }` → `{ alicloud = alicloud.dr }`. */
function rewriteProviderMeta(block: Block): void {
  const keyword = block.blockType.text;
  if ((keyword === "resource" || keyword === "data") && !(blockLabels(block)[0] ?? "").startsWith("alicloud_")) return;
  const provider = getAttribute(block, "provider");
  if (provider) for (const ref of findReferences(provider.expr)) if (ref.root === "aws" && ref.rootNode.type === "Variable") ref.rootNode.name.text = "alicloud";
  const providers = keyword === "module" ? getAttribute(block, "providers") : undefined;
  if (providers?.expr.type === "Object") {
    for (const item of providers.expr.items) {
      for (const ref of findReferences(item.key)) if (ref.root === "aws" && ref.rootNode.type === "Variable") ref.rootNode.name.text = "alicloud";
      for (const ref of findReferences(item.value)) if (ref.root === "aws" && ref.rootNode.type === "Variable") ref.rootNode.name.text = "alicloud";
    }
  }
}

/** The node that ends after the address (`aws_x.n`), and the step after it, if any. */
function split(ref: Reference, consumed: number): { prefixNode: Expr; rest: TraversalStep[] } {
  const prefixNode = ref.steps[consumed - 2]!.node;
  return { prefixNode, rest: ref.steps.slice(consumed - 1) };
}

function rewriteTranslated(root: Block, ref: Reference, r: Resolved, stack: StackContext, run: RunContext): void {
  const { plan } = r;
  const { prefixNode, rest } = split(ref, r.consumed);
  const names = plan.target!.names;
  replaceExpr(root, prefixNode, names.join("."));
  // `aws_x.n[count.index].name`: the attribute comes after the instance key.
  const at = rest.findIndex((s) => s.kind === "attr");
  const attrStep = rest[at];
  if (attrStep?.kind !== "attr" || rest.slice(0, at).some((s) => s.kind === "attr")) return;
  const attr = attrStep.name;
  const rule = attributeRule(plan.rule?.attributes?.[attr]);
  const targetType = plan.rule!.to!;
  const kind = plan.rule!.to_kind ?? plan.rule!.kind;
  const schemaBlock = kind === "data" ? run.schema.data_sources[targetType] : run.schema.resources[targetType];
  if (rule?.drop || (!rule && attr !== "id" && !schemaBlock?.attrs[attr])) {
    const reason = rule?.reason ?? `${targetType} has no attribute '${attr}'.`;
    toVariableAt(root, attrStep.node, `${plan.top.address}.${attr}`, stack, reason);
    plan.item.changes.push({ argument: `(reference) ${attr}`, kind: "note", severity: "warning", reason: `References to ${plan.top.address}.${attr} became var.${variableName(`${plan.top.address}.${attr}`)}: ${reason}`, action: rule?.action ?? "Set the variable, or point the references at the Alibaba Cloud attribute that fits." });
    return;
  }
  if (!rule) return;
  let node: Expr = attrStep.node;
  const to = rule.to ?? attr;
  if (rule.template && attrStep.node.type === "GetAttr") {
    const self = exprSource(attrStep.node.target);
    replaceExpr(root, attrStep.node, rule.template.replace(/\{self\}/g, self));
    return;
  }
  if (rule.on) {
    const on = rule.on.replace(/\{name\}/g, plan.top.name);
    node = replaceExpr(root, node, `${on}.${to}`);
  } else if (to !== attr && attrStep.node.type === "GetAttr") {
    node = replaceExpr(root, node, `${exprSource(attrStep.node.target)}.${to}`);
  }
  if (rule.element) addElement(root, node, rest[at + 1], rule.element);
}

/** `zones[0]` → `zones[0].id`; a bare `zones` → `zones[*].id`. */
function addElement(root: Node, attrNode: Expr, next: TraversalStep | undefined, element: string): void {
  if (next && (next.kind === "index" || next.kind === "splat" || next.kind === "legacy-index")) {
    replaceExpr(root, next.node, `${exprSource(next.node)}.${element}`);
  } else {
    replaceExpr(root, attrNode, `${exprSource(attrNode)}[*].${element}`);
  }
}

export function variableName(address: string): string {
  return "aws2ali_" + address.replace(/^data\./, "data_").replace(/[^A-Za-z0-9_]/g, "_");
}

function toVariable(root: Block, ref: Reference, r: Resolved, stack: StackContext, run: RunContext, why: string): void {
  const { prefixNode, rest } = split(ref, r.consumed);
  const attrStep = rest[0]?.kind === "attr" ? rest[0] : undefined;
  const address = attrStep ? `${r.plan.top.address}.${attrStep.name}` : r.plan.top.address;
  toVariableAt(root, attrStep?.node ?? prefixNode, address, stack, `${r.plan.top.address} ${why}.`);
  void run;
}

function toVariableAt(root: Block, node: Expr, address: string, stack: StackContext, reason: string): void {
  const name = variableName(address);
  replaceExpr(root, node, `var.${name}`);
  if (!stack.inputs.has(name)) stack.inputs.set(name, { description: `Stands for ${address} of the AWS configuration. ${reason} Set it to the Alibaba Cloud value (see aws2ali-report.md).` });
}

/** `depends_on` cannot hold a variable: drop elements that point at blocks with no translation. */
function dropDependsOnManual(block: Block, index: Map<string, Plan>): void {
  const lists: Block[] = [block, ...blocksOf(block.body)];
  for (const b of lists) {
    const dep = getAttribute(b, "depends_on");
    if (!dep || dep.expr.type !== "Tuple") continue;
    const keep = dep.expr.elements.filter((e) => {
      const ref = findReferences(e)[0];
      const r = ref && resolve(ref, index);
      return !(r && isCommentedOut(r.plan));
    });
    if (keep.length === dep.expr.elements.length) continue;
    if (keep.length === 0) removeAttribute(b, "depends_on");
    else replaceAttributeValue(dep, `[${keep.map(exprSource).join(", ")}]`);
  }
}

/** `module.vpc.private_subnets`: renamed after the Alibaba module's outputs, or an input variable when the call stays manual. */
function rewriteModuleOutputs(root: Block, modules: Map<string, ModuleCall>, stack: StackContext): void {
  for (const ref of findReferences(root)) {
    const [s0, s1] = ref.steps;
    if (ref.root !== "module" || s0?.kind !== "attr") continue;
    const call = modules.get(s0.name);
    if (!call) continue;
    const output = s1?.kind === "attr" ? s1 : undefined;
    const address = output ? `module.${s0.name}.${output.name}` : `module.${s0.name}`;
    if (call.manual) {
      toVariableAt(root, (output ?? s0).node, address, stack, `module.${s0.name} (${call.rule?.module ?? "a registry module"}) was not translated.`);
      continue;
    }
    if (!output) continue;
    const rule = attributeRule(call.rule?.outputs?.[output.name]);
    if (rule?.drop) {
      toVariableAt(root, output.node, address, stack, rule.reason ?? "The Alibaba module has no such output.");
      call.item.changes.push({ argument: `(output) ${output.name}`, kind: "note", severity: "warning", reason: `References to ${address} became var.${variableName(address)}: ${rule.reason ?? ""}`, action: rule.action ?? "Set the variable." });
    } else if (rule?.template) {
      replaceExpr(root, output.node, rule.template.replace(/\{self\}/g, `module.${s0.name}`));
    } else if (rule?.to && rule.to !== output.name && output.node.type === "GetAttr") {
      replaceExpr(root, output.node, `${exprSource(output.node.target)}.${rule.to}`);
    }
  }
}
