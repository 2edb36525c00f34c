/**
 * Stage 5, transform: apply each plan's rule to its block (the data part
 * through the rule engine, then the rule's named transform), translate the
 * provider and terraform blocks, and finally comment out what stays manual.
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { commentOutBlock, insertBlocks, replaceChild } from "../hcl/edit.js";
import type { BlockSpec } from "../hcl/format.js";
import { applyRule, type EngineContext } from "../mapping/engine.js";
import type { TopBlock } from "../model/model.js";
import type { Change } from "../report/model.js";
import type { Plan, RunContext, StackContext, TransformContext } from "../transforms/context.js";
import { TRANSFORMS } from "../transforms/index.js";
import { VALUE_TRANSFORMS } from "../transforms/values.js";

export function engineContext(run: RunContext, top: TopBlock, change: (c: Change) => void): EngineContext {
  return {
    table: run.table,
    change,
    rangeOf: (b) => {
      const first = b.type === "Attribute" ? b.name : b.blockType;
      return first.pos >= 0 ? top.unit.source.range(first.pos, first.pos + first.text.length) : undefined;
    },
    valueTransforms: VALUE_TRANSFORMS,
  };
}

export function transformContext(run: RunContext, stack: StackContext, plan: Plan): TransformContext {
  const change = (c: Change): void => {
    plan.item.changes.push(c);
  };
  return {
    run,
    stack,
    plan,
    top: plan.top,
    block: plan.top.block,
    rule: plan.rule!,
    change,
    emitAfter: (specs: BlockSpec[]): Block[] => {
      const anchor = lastEmittedAfter(plan);
      const blocks = insertBlocks(plan.top.unit.tree, anchor, "after", specs);
      plan.emitted = [...(plan.emitted ?? []), ...blocks];
      for (const s of specs) plan.item.targets.push(s.type === "data" ? `data.${s.labels.join(".")}` : s.type === "resource" ? s.labels.join(".") : `${s.type}.${s.labels.join(".")}`);
      return blocks;
    },
    planOf: (address: string) => plansByAddress(run).get(`${stack.dir.dir}\u0000${address}`),
  };
}

const addressIndexes = new WeakMap<object, Map<string, Plan>>();

/** Plans by folder and address, built once per run. */
function plansByAddress(run: RunContext): Map<string, Plan> {
  let index = addressIndexes.get(run.plans);
  if (!index) {
    index = new Map();
    for (const p of run.plans.values()) index.set(`${p.top.unit.dir}\u0000${p.top.address}`, p);
    addressIndexes.set(run.plans, index);
  }
  return index;
}

/** New blocks go after the block and after anything already emitted for it, in order. */
function lastEmittedAfter(plan: Plan): Block {
  const e = plan.emitted;
  return e && e.length > 0 ? e[e.length - 1]! : plan.top.block;
}

export function transformStage(run: RunContext): void {
  for (const plan of run.plans.values()) {
    if (!plan.rule || plan.ignored || plan.absorbedInto) continue;
    const stack = run.stacks.get(plan.top.unit.dir)!;
    const ctx = transformContext(run, stack, plan);
    if (!plan.rule.to) {
      // A manual rule may still name a transform that folds the block into another one.
      if (plan.rule.transform && TRANSFORMS[plan.rule.transform]) guarded(plan, () => TRANSFORMS[plan.rule!.transform!]!(ctx));
      continue;
    }
    const kind = plan.rule.to_kind ?? plan.rule.kind;
    const target = kind === "data" ? run.schema.data_sources[plan.rule.to] : run.schema.resources[plan.rule.to];
    if (!target) {
      plan.item.changes.push({ argument: "(block)", kind: "note", severity: "warning", reason: `The rule names ${plan.rule.to}, which this provider schema does not have.`, action: "Fix the mapping rule or use a provider schema that has the type." });
      continue;
    }
    plan.item.targets.push(plan.target!.names.join("."));
    const rule = plan.rule;
    guarded(plan, () => {
      applyRule(plan.top.block, rule, target, engineContext(run, plan.top, ctx.change));
      if (rule.transform) runNamedTransform(rule.transform, ctx);
    });
  }
}

function guarded(plan: Plan, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    failPlan(plan, e as Error);
  }
}

/**
 * A bug in one rule or transform must not stop the run: the block goes
 * back to its original text, commented out as manual, and the report asks
 * for a bug report.
 */
function failPlan(plan: Plan, e: Error): void {
  const body = plan.top.unit.tree.body;
  for (const b of plan.emitted ?? []) {
    const k = body.parts.indexOf(b);
    if (k >= 0) body.parts.splice(k, 1);
  }
  plan.emitted = [];
  restoreOriginal(plan);
  plan.item.targets = [];
  plan.failed = `aws2ali failed while translating ${plan.top.address} (${e.message}). This is a bug in aws2ali; please report it with this block.`;
}

function runNamedTransform(name: string, ctx: TransformContext): void {
  const fn = TRANSFORMS[name];
  if (!fn) {
    ctx.change({ argument: "(block)", kind: "note", severity: "warning", reason: `The rule asks for the '${name}' transform, which aws2ali does not have yet; only the rule's data part was applied.`, action: "Review this block by hand." });
    return;
  }
  fn(ctx);
}

/** Put the block back as it was written, so what gets commented out is the user's own text. */
export function restoreOriginal(plan: Plan): void {
  if (plan.top.block === plan.original) return;
  const body = plan.top.unit.tree.body;
  if (!body.parts.includes(plan.top.block)) return;
  plan.original.blockType.lead = plan.top.block.blockType.lead;
  replaceChild(body, plan.top.block, plan.original);
  plan.top.block = plan.original;
}

/**
 * Blocks with no translation are kept, commented out under a marker that
 * says why; their references were already turned into input variables.
 */
export function commentOutStage(run: RunContext): void {
  for (const call of run.moduleCalls) {
    if (!call.manual || !call.item.manual) continue;
    commentOut(call.top, [`aws2ali: manual — ${call.top.address} calls an AWS module with no Alibaba Cloud translation.`, `Why: ${call.item.manual.reason}`, `To do: ${call.item.manual.action}`]);
  }
  for (const plan of run.plans.values()) {
    const { rule, item, top } = plan;
    if (plan.ignored) {
      item.manual = { reason: "Ignored: a # aws2ali:ignore comment opts this block out of the migration; it is kept verbatim.", action: "Translate it by hand, or remove the comment to let aws2ali translate it.", effortHours: 1 };
      continue;
    }
    if (plan.absorbedInto) {
      item.targets = [plan.absorbedInto.target];
      restoreOriginal(plan);
      commentOut(plan.top, [`aws2ali: ${top.address} is not emitted as a resource: ${plan.absorbedInto.reason}`]);
      continue;
    }
    if (rule?.to && !plan.failed) continue;
    const reason = plan.failed ?? rule?.manual?.reason ?? `aws2ali has no mapping rule for ${top.type} yet.`;
    const action = rule?.manual?.action ?? `Translate it by hand (see the Alibaba Cloud provider docs), or add mappings/${top.kind === "data" ? "data." : ""}${top.type}.yaml.`;
    item.manual = { reason, action, ...(rule?.manual?.alternative ? { alternative: rule.manual.alternative } : {}), effortHours: rule?.manual?.effort_hours ?? 2 };
    commentOut(top, [`aws2ali: manual — ${top.address} has no Alibaba Cloud translation.`, `Why: ${reason}`, `To do: ${action}`]);
  }
}

function commentOut(top: TopBlock, marker: string[]): void {
  if (!blocksOf(top.unit.tree.body).includes(top.block)) return;
  commentOutBlock(top.unit.tree, top.block, marker.flatMap((m) => wrap(m, 100)));
}

/** Marker lines stay readable: wrap long reasons at word boundaries. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = "  " + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
