/**
 * The rule engine: applies a rule's data (renames, value maps, drops,
 * nested blocks, injected arguments) to one block, in place, through the
 * HCL edit API. Every argument ends up translated, kept, or reported.
 */

import { attributesOf, blocksOf, type Attribute, type Block, type Expr, type ObjectExpr } from "../hcl/cst.js";
import { blockLabels, findReferences, getAttribute, quote, removeAttribute, removeBlock, renameAttribute, renameBlock, replaceAttributeValue, replaceExpr, setAttribute } from "../hcl/edit.js";
import { exprSource, objectKeyName, staticValue } from "../hcl/value.js";
import type { Change } from "../report/model.js";
import type { CompactBlock } from "../schema/compact.js";
import type { MappingTable } from "./load.js";
import { argumentRule, blockRule, type ArgumentRule, type BlockRule, type Rule } from "./rule.js";
import { lookupValue } from "./values.js";

export const META_ARGUMENTS = new Set(["count", "for_each", "depends_on", "provider"]);

export interface EngineContext {
  table: MappingTable;
  change: (c: Change) => void;
  /** Position of a node for change records. */
  rangeOf: (b: Attribute | Block) => Change["range"];
  /** The rule also names a transform (which then rebuilds nested content of flattened blocks). */
  ruleHasTransform?: boolean;
  /** Named value transforms (value_transform:). */
  valueTransforms: Record<string, (value: string | number | boolean) => { value?: string | number | boolean; note?: string }>;
}

/** Apply the data part of a rule to a top-level block: type, arguments, nested blocks, tag name, injected arguments. */
export function applyRule(block: Block, rule: Rule, target: CompactBlock, engine: EngineContext): void {
  const ctx: EngineContext = { ...engine, ruleHasTransform: rule.transform !== undefined };
  const labels = blockLabels(block);
  const keyword = rule.to_kind && rule.to_kind !== rule.kind ? rule.to_kind : undefined;
  if (keyword) renameBlock(block, keyword, [rule.to!, labels[1] ?? ""]);
  else renameBlock(block, undefined, [rule.to!, ...labels.slice(1)]);
  const renames = applyBody(block, rule.arguments ?? {}, rule.blocks ?? {}, target, "", ctx);
  renameIgnoreChanges(block, renames);
  if (rule.tag_name) copyNameTag(block, rule.tag_name, ctx);
  for (const [name, template] of Object.entries(rule.set ?? {})) {
    // `{name}` stands for the block's own name: `subscription_name: '"{name}"'`.
    const expr = template.replace(/\{name\}/g, labels[1] ?? "");
    if (!getAttribute(block, name)) {
      setAttribute(block, name, expr);
      ctx.change({ argument: name, kind: "note", to: expr, severity: "info", reason: `Set by aws2ali: ${rule.to} needs ${name}, which AWS does not have.` });
    }
  }
}

/** Returns the argument renames made at this level (for lifecycle.ignore_changes). */
function applyBody(owner: Block, args: Record<string, ArgumentRule | string>, blocks: Record<string, BlockRule | string>, target: CompactBlock, path: string, ctx: EngineContext): Map<string, string> {
  const renames = new Map<string, string>();
  for (const attr of attributesOf(owner.body)) {
    const original = attr.name.text;
    const renamed = applyArgument(owner, attr, argumentRule(args[original]), target, path, ctx);
    if (renamed && renamed !== original) renames.set(original, renamed);
  }
  for (const nested of blocksOf(owner.body)) applyNestedBlock(owner, nested, blocks, target, path, ctx);
  return renames;
}

function applyArgument(owner: Block, attr: Attribute, rule: ArgumentRule | undefined, target: CompactBlock, path: string, ctx: EngineContext): string | undefined {
  const name = attr.name.text;
  const where = path + name;
  if (META_ARGUMENTS.has(name) && path === "") return undefined;
  if (rule?.drop) {
    removeAttribute(owner, name, `aws2ali: ${name} removed (see aws2ali-report.md)`);
    ctx.change({ argument: where, kind: "dropped", severity: rule.severity ?? "warning", reason: rule.reason!, ...(rule.action ? { action: rule.action } : {}), range: ctx.rangeOf(attr) });
    return undefined;
  }
  if (!rule) {
    const t = target.attrs[name];
    if ((t && t.m !== "c") || target.blocks?.[name]) return name;
    removeAttribute(owner, name, `aws2ali: ${name} removed (see aws2ali-report.md)`);
    ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: `No mapping rule covers '${name}', and the target has no argument of that name.`, action: "Check the AWS behaviour it configured and set the Alibaba Cloud equivalent by hand, or add the argument to the mapping rule.", range: ctx.rangeOf(attr) });
    return undefined;
  }
  mapValue(attr, rule, where, ctx);
  if (rule.ref_attribute) readAttributeInstead(attr, "arn", rule.ref_attribute);
  const to = rule.to ?? name;
  if (to !== name) {
    renameAttribute(owner, name, to);
    ctx.change({ argument: where, kind: "renamed", to, severity: "info", reason: `Alibaba Cloud calls it ${to}.` });
  }
  return to;
}

/**
 * Map a value through `values`, `value_map` or `value_transform`: a literal,
 * or each literal element of a list. Computed values are left for the user,
 * with a note (variables are mapped where their value is set).
 */
export function mapValue(attr: Attribute, rule: ArgumentRule, where: string, ctx: EngineContext): void {
  if (!rule.values && !rule.value_map && !rule.value_transform) return;
  if (rule.value_transform === "first-element") return firstElement(attr, where, ctx);
  if (attr.expr.type === "Tuple") return mapElements(attr, rule, where, ctx);
  const value = staticValue(attr.expr);
  if (value === undefined || value === null || typeof value === "object") {
    if (isPlainVariable(attr.expr)) return;
    ctx.change({ argument: where, kind: "note", severity: "warning", reason: `The value ${brief(exprSource(attr.expr))} is computed, so aws2ali cannot map it${rule.value_map ? ` through ${rule.value_map}` : ""}.`, action: "Make sure it yields an Alibaba Cloud value.", range: ctx.rangeOf(attr) });
    return;
  }
  const mapped = mapOne(value, rule, where, ctx, attr);
  if (mapped !== undefined) replaceAttributeValue(attr, mapped);
}

/** The mapped literal as HCL text, or undefined when it stays as it is (a finding says why, where needed). */
function mapOne(value: string | number | boolean, rule: ArgumentRule, where: string, ctx: EngineContext, attr: Attribute): string | undefined {
  const mapped = lookupMapped(rule, value, ctx);
  if (mapped.value === undefined) {
    const missing = rule.value_transform && !ctx.valueTransforms[rule.value_transform];
    ctx.change({ argument: where, kind: "note", severity: "warning", reason: missing ? `aws2ali cannot map ${brief(JSON.stringify(value))} yet (no '${rule.value_transform}' value transform).` : `No Alibaba Cloud equivalent is known for ${brief(JSON.stringify(value))}${mapped.note ? `: ${mapped.note}` : ""}.`, action: "Choose the Alibaba Cloud value by hand.", range: ctx.rangeOf(attr) });
    return undefined;
  }
  if (mapped.value === value) return undefined;
  ctx.change({ argument: where, kind: "value-mapped", to: JSON.stringify(mapped.value), severity: "info", reason: `${JSON.stringify(value)} → ${JSON.stringify(mapped.value)}${mapped.note ? ` (${mapped.note})` : ""}.` });
  return typeof mapped.value === "string" ? quote(mapped.value) : String(mapped.value);
}

/** `["m5.large", var.extra]`: each literal element is mapped in place. */
function mapElements(attr: Attribute, rule: ArgumentRule, where: string, ctx: EngineContext): void {
  if (attr.expr.type !== "Tuple") return;
  for (const el of [...attr.expr.elements]) {
    const v = staticValue(el);
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") continue;
    const mapped = mapOne(v, rule, where, ctx, attr);
    if (mapped !== undefined) replaceExpr(attr, el, mapped);
  }
}

/** A list where Alibaba takes one value: its first element, with a finding when others are lost. */
function firstElement(attr: Attribute, where: string, ctx: EngineContext): void {
  const e = attr.expr;
  if (e.type === "Tuple") {
    if (e.elements.length === 0) return;
    if (e.elements.length > 1) ctx.change({ argument: where, kind: "note", severity: "warning", reason: `Alibaba Cloud takes one value here; aws2ali kept the first of ${e.elements.length}.`, action: "Check that the others are not needed (e.g. attach them separately).", range: ctx.rangeOf(attr) });
    replaceAttributeValue(attr, exprSource(e.elements[0]!));
    return;
  }
  // After a splat, `[0]` would index every element: the parentheses end the splat first.
  const src = exprSource(e);
  replaceAttributeValue(attr, /\[\*\]|\.\*/.test(src) ? `(${src})[0]` : `${src}[0]`);
  ctx.change({ argument: where, kind: "note", severity: "info", reason: "Alibaba Cloud takes one value here; aws2ali uses the first element of the list." });
}

/** An expression short enough for a one-line finding: `jsonencode({…`. */
export function brief(source: string): string {
  const first = source.split(/\r?\n/)[0]!;
  return first.length > 60 ? first.slice(0, 57) + "…" : first === source ? first : first + "…";
}

/** `aws_kms_key.k.arn` → `aws_kms_key.k.id` inside one value (the references stage then renames the type). */
function readAttributeInstead(attr: Attribute, from: string, to: string): void {
  for (const ref of findReferences(attr.expr)) {
    const step = ref.steps.find((s, k) => k > 0 && s.kind === "attr" && s.name === from);
    if (step?.kind === "attr" && step.node.type === "GetAttr") step.node.name.text = to;
  }
}

function isPlainVariable(e: Expr): boolean {
  return e.type === "GetAttr" && e.target.type === "Variable" && e.target.name.text === "var";
}

export function lookupMapped(rule: ArgumentRule, value: string | number | boolean, ctx: EngineContext): { value?: string | number | boolean; note?: string } {
  const key = String(value);
  if (rule.values) return key in rule.values ? { value: rule.values[key]! } : {};
  if (rule.value_map) {
    const map = ctx.table.values.get(rule.value_map);
    return map ? lookupValue(map, key) : {};
  }
  const fn = ctx.valueTransforms[rule.value_transform!];
  return fn ? fn(value) : {};
}

function applyNestedBlock(owner: Block, nested: Block, blocks: Record<string, BlockRule | string>, target: CompactBlock, path: string, ctx: EngineContext): void {
  const keyword = nested.blockType.text;
  if (keyword === "lifecycle" && path === "") return;
  const isDynamic = keyword === "dynamic";
  const name = isDynamic ? (blockLabels(nested)[0] ?? "") : keyword;
  const where = `${path}${name}`;
  const rule = blockRule(blocks[name]);
  if (rule?.drop || (!rule && !target.blocks?.[name])) {
    removeBlock(owner, nested);
    const reason = rule?.reason ?? `No mapping rule covers the '${name}' block, and the target has no block of that name.`;
    const action = rule?.action ?? "Configure the equivalent by hand, or add the block to the mapping rule.";
    ctx.change({ argument: where, kind: "dropped", severity: rule?.severity ?? (name === "timeouts" ? "info" : "warning"), reason, action, range: ctx.rangeOf(nested) });
    return;
  }
  if (rule?.flatten) {
    flattenInto(owner, nested, rule, target, where, ctx);
    return;
  }
  const to = rule?.to ?? name;
  const nestedSchema = target.blocks?.[to];
  if (!nestedSchema) return;
  if (to !== name) {
    if (isDynamic) renameBlock(nested, undefined, [to]);
    else renameBlock(nested, to);
    ctx.change({ argument: where, kind: "renamed", to, severity: "info", reason: `Alibaba Cloud calls the block ${to}.` });
  }
  const body = isDynamic ? blocksOf(nested.body).find((b) => b.blockType.text === "content") : nested;
  if (body) applyBody(body, rule?.arguments ?? {}, rule?.blocks ?? {}, nestedSchema, `${where}.`, ctx);
  if (isDynamic && to !== name) keepIterator(nested, name);
}

/** `dynamic "ingress"` names its iterator after the block: keep `ingress.value` working after a rename. */
function keepIterator(dyn: Block, name: string): void {
  if (!getAttribute(dyn, "iterator")) setAttribute(dyn, "iterator", name);
}

/** Hoist a nested block's arguments into its parent: `versioning_configuration { status = "Enabled" }` → `status = "Enabled"`. */
function flattenInto(owner: Block, nested: Block, rule: BlockRule, target: CompactBlock, where: string, ctx: EngineContext): void {
  if (nested.blockType.text === "dynamic") {
    ctx.change({ argument: where, kind: "note", severity: "warning", reason: "A dynamic block cannot be flattened into arguments.", action: "Write the arguments by hand." });
    return;
  }
  const args = rule.arguments ?? {};
  for (const attr of attributesOf(nested.body)) {
    const r = argumentRule(args[attr.name.text]);
    const name = attr.name.text;
    if (r?.drop) {
      ctx.change({ argument: `${where}.${name}`, kind: "dropped", severity: r.severity ?? "warning", reason: r.reason!, ...(r.action ? { action: r.action } : {}), range: ctx.rangeOf(attr) });
      continue;
    }
    const to = r?.to ?? name;
    if (!r && !target.attrs[to]) {
      ctx.change({ argument: `${where}.${name}`, kind: "dropped", severity: "warning", reason: `No mapping rule covers '${name}'.`, action: "Set the Alibaba Cloud equivalent by hand.", range: ctx.rangeOf(attr) });
      continue;
    }
    if (getAttribute(owner, to)) ctx.change({ argument: `${where}.${name}`, kind: "note", severity: "warning", reason: `Several '${nested.blockType.text}' blocks set ${to}; Alibaba Cloud takes one value, so the last one was kept.`, action: "Check which value is right.", range: ctx.rangeOf(attr) });
    const added = setAttribute(owner, to, exprSource(attr.expr));
    if (r) mapValue(added, r, `${where}.${name}`, ctx);
    if (r?.ref_attribute) readAttributeInstead(added, "arn", r.ref_attribute);
  }
  // `rule { apply_server_side_encryption_by_default { sse_algorithm } }`: flattened blocks can nest.
  // A rule with a transform rebuilds what lies inside flattened blocks itself, from the original.
  for (const inner of ctx.ruleHasTransform ? [] : blocksOf(nested.body)) {
    const name = inner.blockType.text === "dynamic" ? (blockLabels(inner)[0] ?? "") : inner.blockType.text;
    const ir = blockRule(rule.blocks?.[name]);
    if (ir?.flatten) flattenInto(owner, inner, ir, target, `${where}.${name}`, ctx);
    else if (ir?.drop) ctx.change({ argument: `${where}.${name}`, kind: "dropped", severity: ir.severity ?? "warning", reason: ir.reason!, ...(ir.action ? { action: ir.action } : {}), range: ctx.rangeOf(inner) });
    // Other blocks inside a flattened block are rebuilt by the rule's transform from the original.
  }
  removeBlock(owner, nested);
}

/** `lifecycle { ignore_changes = [desired_size] }` follows argument renames. */
function renameIgnoreChanges(block: Block, renames: Map<string, string>): void {
  const lifecycle = blocksOf(block.body).find((b) => b.blockType.text === "lifecycle");
  const ignore = lifecycle && getAttribute(lifecycle, "ignore_changes");
  if (!ignore) return;
  for (const ref of findReferences(ignore.expr)) {
    const to = renames.get(ref.root);
    if (to && to !== ref.root && ref.rootNode.type === "Variable") ref.rootNode.name.text = to;
  }
}

/** A literal `Name` tag becomes the target's name argument (vpc_name, vswitch_name, …). */
function copyNameTag(block: Block, argument: string, ctx: EngineContext): void {
  if (getAttribute(block, argument)) return;
  const tags = getAttribute(block, "tags");
  if (!tags) return;
  const item = findObjectItem(tags.expr, "Name");
  if (!item) return;
  setAttribute(block, argument, exprSource(item));
  ctx.change({ argument: "tags.Name", kind: "moved", to: argument, severity: "info", reason: `The Name tag also names the resource (${argument}), as the AWS console shows it.` });
}

function findObjectItem(e: Expr, key: string): Expr | undefined {
  if (e.type === "Object") return objectValue(e, key);
  if (e.type === "Call" && e.name === "merge") {
    for (let i = e.args.length - 1; i >= 0; i--) {
      const v = findObjectItem(e.args[i]!, key);
      if (v) return v;
    }
  }
  return undefined;
}

function objectValue(o: ObjectExpr, key: string): Expr | undefined {
  const item = o.items.find((it) => objectKeyName(it.key) === key);
  return item?.value;
}
