/**
 * data "aws_iam_policy_document" → data "alicloud_ram_policy_document".
 * The statements are read as written (with the statements of the source
 * and override documents merged in by Sid, as the AWS data source merges
 * them — the Alibaba one cannot merge), translated with the rest of the
 * policy language (ram-policy.ts), and written back as the Alibaba
 * statement blocks: statement { effect, action, resource, principal
 * { entity, identifiers }, condition { operator, variable, values } }.
 * The Alibaba data source has no NotAction / NotResource: such statements
 * are reported and left out (a jsonencode policy can carry them).
 */

import { blocksOf, type Block, type Expr } from "../hcl/cst.js";
import { addBlock, blockLabels, findReferences, getAttribute, quote, removeBlock, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { Plan, TransformContext } from "./context.js";
import { policyEnv, readHcl, renderHcl, reportFindings } from "./iam-policy-forms.js";
import { Holes, isObject, Raw, statementLabel, translatePolicyDocument, type Finding, type PolicyObject, type PolicyValue } from "./ram-policy.js";

interface ReadStatement {
  value: PolicyValue;
  /** A `dynamic "statement"` block: its for_each and iterator, as written. */
  dynamic?: { forEach?: string; iterator?: string };
}

export function iamPolicyDocument(ctx: TransformContext): void {
  // The engine renamed the statement arguments one by one; this transform rebuilds every statement
  // and reports by statement (Sid or number), so the engine's per-argument records would repeat it.
  ctx.plan.item.changes = ctx.plan.item.changes.filter((c) => !/^statement(\.|$)/.test(c.argument));
  const holes = new Holes();
  const findings: Finding[] = [];
  const blocks = mergedStatements(ctx, ctx.plan, new Set([ctx.top.address]), findings);
  for (const b of blocksOf(ctx.block.body)) if (isStatement(b)) removeBlock(ctx.block, b);
  const read = blocks.map((b) => readStatement(b, holes, findings));
  const t = translatePolicyDocument({ Version: "1", Statement: read.map((r) => r.value) }, policyEnv(ctx, holes));
  findings.push(...t.findings);
  t.statements.forEach((st, k) => {
    const spec = st === undefined ? undefined : statementSpec(st, read[k]!, holes, statementLabel(read[k]!.value, k, holes), findings);
    if (spec) addBlock(ctx.block, spec);
  });
  if (!getAttribute(ctx.block, "version")) setAttribute(ctx.block, "version", '"1"');
  reportFindings(ctx.change, "statement", findings);
}

function isStatement(b: Block): boolean {
  const t = b.blockType.text;
  return t === "statement" || (t === "dynamic" && blockLabels(b)[0] === "statement");
}

function sidOf(b: Block): string | undefined {
  const body = b.blockType.text === "dynamic" ? blocksOf(b.body).find((c) => c.blockType.text === "content") : b;
  const sid = body ? getAttribute(body, "sid") : undefined;
  const v = sid ? staticValue(sid.expr) : undefined;
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** The document's statements as the AWS data source sees them: sources, then its own, then overrides, merged by Sid. */
function mergedStatements(ctx: TransformContext, plan: Plan, seen: Set<string>, findings: Finding[]): Block[] {
  const out: Block[] = [];
  const merge = (list: Block[]): void => {
    for (const st of list) {
      const sid = sidOf(st);
      const k = sid ? out.findIndex((o) => sidOf(o) === sid) : -1;
      if (k >= 0) out[k] = st;
      else out.push(st);
    }
  };
  for (const src of documentsIn(ctx, plan, ["source_policy_documents", "source_json"], seen, findings)) merge(mergedStatements(ctx, src, seen, findings));
  merge(blocksOf(plan.original.body).filter(isStatement));
  for (const src of documentsIn(ctx, plan, ["override_policy_documents", "override_json"], seen, findings)) merge(mergedStatements(ctx, src, seen, findings));
  return out;
}

/** The data.aws_iam_policy_document plans a merge argument names; other documents are reported. */
function documentsIn(ctx: TransformContext, plan: Plan, names: string[], seen: Set<string>, findings: Finding[]): Plan[] {
  const out: Plan[] = [];
  for (const name of names) {
    const a = getAttribute(plan.original, name);
    if (!a) continue;
    const elements: Expr[] = a.expr.type === "Tuple" ? a.expr.elements : [a.expr];
    for (const e of elements) {
      const ref = findReferences(e)[0];
      const s0 = ref?.steps[0];
      const s1 = ref?.steps[1];
      const address = ref?.root === "data" && s0?.kind === "attr" && s0.name === "aws_iam_policy_document" && s1?.kind === "attr" ? `data.aws_iam_policy_document.${s1.name}` : undefined;
      const doc = address ? ctx.planOf(address) : undefined;
      if (!doc || seen.has(doc.top.address)) {
        findings.push({ severity: "warning", kind: "dropped", reason: `The document ${exprSource(e)} in ${name} could not be merged in: alicloud_ram_policy_document cannot merge documents, and aws2ali inlines only other aws_iam_policy_document data sources of this folder.`, action: "Copy its statements into this document by hand (in RAM syntax)." });
        continue;
      }
      seen.add(doc.top.address);
      out.push(doc);
      findings.push({ severity: "info", kind: "note", reason: `The statements of ${doc.top.address} (${name}) were copied into this document: alicloud_ram_policy_document cannot merge documents.` });
    }
  }
  return out;
}

// ---- statement blocks ↔ policy data ------------------------------------------------------

function readStatement(b: Block, holes: Holes, findings: Finding[]): ReadStatement {
  if (b.blockType.text !== "dynamic") return { value: statementValue(b, holes, findings) };
  const content = blocksOf(b.body).find((c) => c.blockType.text === "content");
  const fe = getAttribute(b, "for_each");
  const it = getAttribute(b, "iterator");
  return { value: content ? statementValue(content, holes, findings) : holes.raw("null"), dynamic: { ...(fe ? { forEach: exprSource(fe.expr) } : {}), ...(it ? { iterator: exprSource(it.expr) } : {}) } };
}

const STATEMENT_ARGUMENTS: Array<[string, string]> = [
  ["sid", "Sid"],
  ["effect", "Effect"],
  ["actions", "Action"],
  ["not_actions", "NotAction"],
  ["resources", "Resource"],
  ["not_resources", "NotResource"],
];

/** An AWS statement block as a JSON statement: principals { type, identifiers } → Principal { type: ids }, condition { test, variable, values } → Condition { test: { variable: values } }. */
function statementValue(b: Block, holes: Holes, findings: Finding[]): PolicyObject {
  const st: PolicyObject = {};
  for (const [aws, key] of STATEMENT_ARGUMENTS) {
    const a = getAttribute(b, aws);
    if (a) st[key] = readHcl(a.expr, holes);
  }
  const where = typeof st.Sid === "string" ? `statement ${JSON.stringify(holes.show(st.Sid))}` : "a statement";
  for (const nested of blocksOf(b.body)) {
    const kind = nested.blockType.text === "dynamic" ? blockLabels(nested)[0] : nested.blockType.text;
    if (nested.blockType.text === "dynamic") {
      findings.push({ severity: "warning", kind: "dropped", reason: `In ${where}, the dynamic "${kind}" block was dropped: aws2ali translates only written-out ${kind} blocks; ${kind === "condition" ? "the statement now applies without those conditions" : "the statement lost those principals"}.`, action: `Write the ${kind} blocks out, or add a dynamic "${kind === "principals" ? "principal" : kind}" block in RAM syntax by hand.` });
      continue;
    }
    if (kind === "principals" || kind === "not_principals") {
      const key = kind === "principals" ? "Principal" : "NotPrincipal";
      const type = getAttribute(nested, "type");
      const ids = getAttribute(nested, "identifiers");
      const t = type ? staticValue(type.expr) : undefined;
      if (typeof t !== "string" || !ids) {
        findings.push({ severity: "warning", kind: "dropped", reason: `In ${where}, a ${kind} block with a computed type was dropped.`, action: "Add the principal block by hand (entity RAM, Service or Federated)." });
        continue;
      }
      const group = (isObject(st[key]) ? st[key] : (st[key] = {})) as PolicyObject;
      const value = readHcl(ids.expr, holes);
      const before = group[t];
      group[t] = Array.isArray(before) && Array.isArray(value) ? [...before, ...value] : before === undefined ? value : [...listOf(before), ...listOf(value)];
    } else if (kind === "condition") {
      const test = getAttribute(nested, "test");
      const variable = getAttribute(nested, "variable");
      const values = getAttribute(nested, "values");
      const op = test ? staticValue(test.expr) : undefined;
      const key = variable ? readHcl(variable.expr, holes) : undefined;
      if (typeof op !== "string" || typeof key !== "string" || !values) {
        findings.push({ severity: "warning", kind: "dropped", reason: `In ${where}, a condition with a computed test or variable was dropped; the statement now applies without it.`, action: "Add the condition by hand with a RAM condition key." });
        continue;
      }
      const cond = (isObject(st.Condition) ? st.Condition : (st.Condition = {})) as PolicyObject;
      const byOp = (isObject(cond[op]) ? cond[op] : (cond[op] = {})) as PolicyObject;
      if (key in byOp) findings.push({ severity: "warning", kind: "note", reason: `In ${where}, two ${op} conditions test ${holes.show(key)}; RAM keeps one key per operator, so their values were merged (any of them matches).`, action: "Check that the statement still means what it did." });
      byOp[key] = key in byOp ? [...listOf(byOp[key]!), ...listOf(readHcl(values.expr, holes))] : readHcl(values.expr, holes);
    }
  }
  return st;
}

function listOf(v: PolicyValue): PolicyValue[] {
  return Array.isArray(v) ? v : [v];
}

/** A list argument's value: one string becomes a list of one. */
function asList(v: PolicyValue): PolicyValue {
  return Array.isArray(v) || v instanceof Raw ? v : [v];
}

/** A translated JSON statement as an alicloud_ram_policy_document statement block. */
function statementSpec(st: PolicyValue, read: ReadStatement, holes: Holes, where: string, findings: Finding[]): BlockSpec | undefined {
  if (!isObject(st)) return undefined;
  const missing = ["NotAction", "NotResource"].filter((k) => k in st);
  if (missing.length > 0) {
    findings.push({ severity: "warning", kind: "dropped", reason: `The ${where} was left out: alicloud_ram_policy_document has no ${missing.join(" / ")} (RAM JSON policies do).`, action: `Write this policy as JSON (jsonencode) with ${missing.join(" / ")}, or list the ${missing.includes("NotAction") ? "actions" : "resources"} explicitly.` });
    return undefined;
  }
  const items: ItemSpec[] = [];
  if ("Effect" in st) items.push({ attr: "effect", expr: renderHcl(st.Effect!, holes) });
  if ("Action" in st) items.push({ attr: "action", expr: renderHcl(asList(st.Action!), holes) });
  if ("Resource" in st) items.push({ attr: "resource", expr: renderHcl(asList(st.Resource!), holes) });
  if (isObject(st.Principal)) {
    for (const [entity, ids] of Object.entries(st.Principal)) items.push({ block: { type: "principal", labels: [], items: [{ attr: "entity", expr: quote(entity) }, { attr: "identifiers", expr: renderHcl(asList(ids), holes) }] } });
  }
  if (isObject(st.Condition)) {
    for (const [operator, keys] of Object.entries(st.Condition)) {
      if (!isObject(keys)) continue;
      for (const [variable, values] of Object.entries(keys)) {
        items.push({ block: { type: "condition", labels: [], items: [{ attr: "operator", expr: quote(operator) }, { attr: "variable", expr: renderHcl(variable, holes) }, { attr: "values", expr: renderHcl(asList(values), holes) }] } });
      }
    }
  }
  if (!read.dynamic) return { type: "statement", labels: [], items };
  return {
    type: "dynamic",
    labels: ["statement"],
    items: [...(read.dynamic.forEach ? [{ attr: "for_each", expr: read.dynamic.forEach }] : []), ...(read.dynamic.iterator ? [{ attr: "iterator", expr: read.dynamic.iterator }] : []), { block: { type: "content", labels: [], items } }],
  };
}
