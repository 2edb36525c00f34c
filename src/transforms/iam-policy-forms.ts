/**
 * The forms a policy document takes in Terraform, read into the plain data
 * ram-policy.ts translates and written back in the same form:
 *   jsonencode({ … })       an HCL object: the object is rewritten, expressions in it stay HCL;
 *   <<EOF {…} EOF / "{…}"   JSON text: parsed (`${…}` interpolations kept in place) and re-printed;
 *   data.aws_iam_policy_document.x.json   left to that data source's own transform;
 *   file("policy.json"), variables, …     reported: transforms do not read files or evaluate.
 */

import { isToken, type Expr, type TemplateExpr } from "../hcl/cst.js";
import { findReferences, getAttribute } from "../hcl/edit.js";
import { decodedLiterals, exprSource, literalValue, staticValue } from "../hcl/value.js";
import type { Change } from "../report/model.js";
import { plansOfType } from "./aws-graph.js";
import type { TransformContext } from "./context.js";
import { Holes, isObject, Raw, resourceOfReference, translatePolicyDocument, type Finding, type PolicyEnv, type PolicyObject, type PolicyValue } from "./ram-policy.js";

/** RAM's limit on a policy document's length (Alibaba Cloud RAM "Limits"). */
export const RAM_POLICY_MAX_CHARS = 6144;

const HOLE = /\u27e6(\d+)\u27e7/g;
const RAW_KEY = /^\u27ea(\d+)\u27eb$/;

// ---- the environment -------------------------------------------------------------------

/** The translator's view of the transform's folder: value maps, OIDC providers, account ids. */
export function policyEnv(ctx: TransformContext, holes = new Holes()): PolicyEnv {
  const values = ctx.run.table.values;
  return {
    actions: values.get("iam-actions"),
    principals: values.get("iam-service-principals"),
    conditionKeys: values.get("iam-condition-keys"),
    regions: values.get("regions"),
    holes,
    resourceOfReference: (src) => resourceOfReference(src, holes),
    oidcProviderArn: (issuer) => {
      for (const p of plansOfType(ctx, "aws_iam_openid_connect_provider")) {
        const a = getAttribute(p.original, "url");
        const url = a ? staticValue(a.expr) : undefined;
        if (p.absorbedInto || typeof url !== "string") continue;
        if (url.replace(/^https:\/\//, "").replace(/\/$/, "") === issuer.replace(/\/$/, "")) return holes.marker(`${p.top.address}.arn`);
      }
      return undefined;
    },
    knownArn: (src) => {
      const m = /^(aws_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?\.arn$/.exec(src.trim());
      const plan = m ? ctx.planOf(`${m[1]}.${m[2]}`) : undefined;
      const rule = plan?.rule?.attributes?.arn;
      return plan?.target !== null && plan?.target !== undefined && rule !== undefined && (typeof rule === "string" ? rule === "arn" : !rule.drop && (rule.to ?? "arn") === "arn");
    },
    accountId: (id) => {
      const name = `aws2ali_account_${id}`;
      if (!ctx.stack.inputs.has(name)) ctx.stack.inputs.set(name, { type: "string", description: `Alibaba Cloud account UID that takes the place of AWS account ${id} in RAM policies (acs:ram::<uid>:root, acs:<service>:<region>:<uid>:…). Use data.alicloud_caller_identity.current.account_id when it is this account.` });
      return holes.marker(`var.${name}`);
    },
  };
}

// ---- reading ------------------------------------------------------------------------------

/** `$${` and `%%{` in template text stand for `${` and `%{`. */
function unescapeTemplate(s: string): string {
  return s.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

/** `${` and `%{` written as text in a template (a function replacement: "$$" in a replacement string means "$"). */
function escapeTemplate(s: string): string {
  return s.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/** A quoted HCL string for literal text. */
function hclString(s: string): string {
  return escapeTemplate(JSON.stringify(s));
}

/** A template's text with its interpolations as markers; undefined when it has directives (%{ if }, %{ for }). */
function templateText(t: TemplateExpr, holes: Holes): string | undefined {
  const literals = decodedLiterals(t);
  let out = "";
  for (const it of t.items) {
    if (isToken(it)) out += unescapeTemplate(literals.get(it) ?? "");
    else if (it.type === "TemplateInterpolation") out += holes.marker(exprSource(it.expr));
    else return undefined;
  }
  return out;
}

/** An HCL expression as policy data: objects, tuples and strings are read; anything else stays a Raw expression. */
export function readHcl(e: Expr, holes: Holes): PolicyValue {
  switch (e.type) {
    case "Object": {
      const out: PolicyObject = {};
      for (const item of e.items) out[objectKey(item.key, holes)] = readHcl(item.value, holes);
      return out;
    }
    case "Tuple":
      return e.elements.map((x) => readHcl(x, holes));
    case "Template":
      return templateText(e, holes) ?? holes.raw(exprSource(e));
    case "Literal":
      return literalValue(e.token);
    default:
      return holes.raw(exprSource(e));
  }
}

function objectKey(key: Expr, holes: Holes): string {
  if (key.type === "Variable") return key.name.text;
  if (key.type === "Literal") return String(literalValue(key.token));
  if (key.type === "Template") {
    const text = templateText(key, holes);
    if (text !== undefined) return text;
  }
  const raw = holes.raw(exprSource(key));
  return `\u27ea${raw.hole}\u27eb`;
}

/** JSON text (a heredoc or quoted string) as policy data; an interpolation standing for a whole JSON value becomes Raw. */
export function readJsonTemplate(t: TemplateExpr, holes: Holes): { value: PolicyValue } | { error: string } {
  const text = templateText(t, holes);
  if (text === undefined) return { error: "it uses template directives (%{ … })" };
  let json = "";
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      json += c;
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      json += c;
    } else if (c === "\u27e6") {
      const end = text.indexOf("\u27e7", i);
      json += `"\u27ea${text.slice(i + 1, end)}\u27eb"`;
      i = end;
    } else json += c;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return { error: `it is not valid JSON (${(e as Error).message})` };
  }
  return { value: revive(parsed) };
}

function revive(x: unknown): PolicyValue {
  if (typeof x === "string") {
    const m = RAW_KEY.exec(x);
    return m ? new Raw(Number(m[1])) : x;
  }
  if (Array.isArray(x)) return x.map(revive);
  if (typeof x === "object" && x !== null) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, revive(v)]));
  return x as PolicyValue;
}

// ---- writing ------------------------------------------------------------------------------

/** Policy data as an HCL expression laid out as terraform fmt lays it out (at column 0; the edit API indents it). */
export function renderHcl(v: PolicyValue, holes: Holes, indent = ""): string {
  if (v instanceof Raw) return reindentRaw(holes.source(v.hole), indent);
  if (typeof v === "string") return renderString(v, holes);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null) return "null";
  const inner = indent + "  ";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    const items = v.map((x) => renderHcl(x, holes, inner));
    const flat = `[${items.join(", ")}]`;
    if (v.every((x) => !isObject(x) && !Array.isArray(x)) && !flat.includes("\n") && indent.length + flat.length <= 100) return flat;
    return `[\n${items.map((i) => `${inner}${i},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return "{}";
  let out = "{\n";
  let run: Array<{ key: string; value: string }> = [];
  // terraform fmt aligns `=` within runs of single-line items; a multi-line item stands alone.
  const flush = (): void => {
    const width = Math.max(0, ...run.map((r) => [...r.key].length));
    for (const r of run) out += `${inner}${r.key}${" ".repeat(width - [...r.key].length)} = ${r.value}\n`;
    run = [];
  };
  for (const [k, x] of entries) {
    const item = { key: renderKey(k, holes), value: renderHcl(x, holes, inner) };
    if (!item.value.includes("\n")) run.push(item);
    else {
      flush();
      out += `${inner}${item.key} = ${item.value}\n`;
    }
  }
  flush();
  return `${out}${indent}}`;
}

function renderKey(k: string, holes: Holes): string {
  const raw = RAW_KEY.exec(k);
  if (raw) return `(${holes.source(Number(raw[1]))})`;
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) && !["true", "false", "null"].includes(k)) return k;
  return renderString(k, holes);
}

function renderString(s: string, holes: Holes): string {
  let out = "";
  let last = 0;
  for (const m of s.matchAll(HOLE)) {
    out += hclString(s.slice(last, m.index)).slice(1, -1) + "${" + holes.source(Number(m[1])) + "}";
    last = m.index! + m[0].length;
  }
  return `"${out}${hclString(s.slice(last)).slice(1, -1)}"`;
}

/** A kept multi-line expression moves to the depth it now stands at. */
function reindentRaw(src: string, indent: string): string {
  const lines = src.split(/\r?\n/);
  if (lines.length === 1) return src;
  const depths = lines.slice(1).filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
  const min = depths.length > 0 ? Math.min(...depths) : 0;
  return lines.map((l, k) => (k === 0 || l.trim() === "" ? l.trimEnd() : indent + l.slice(min))).join("\n");
}

function jsonText(v: PolicyValue, pretty: boolean): string {
  const prep = (x: PolicyValue): unknown => (x instanceof Raw ? `\u27ea${x.hole}\u27eb` : Array.isArray(x) ? x.map(prep) : isObject(x) ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, prep(y)])) : x);
  return pretty ? JSON.stringify(prep(v), null, 2) : JSON.stringify(prep(v));
}

function fillHoles(text: string, holes: Holes, quotedRaw: RegExp): string {
  return text.replace(quotedRaw, (_, n: string) => "${" + holes.source(Number(n)) + "}").replace(HOLE, (_, n: string) => "${" + holes.source(Number(n)) + "}");
}

/** JSON in a heredoc of the same kind (`<<EOF` or `<<-EOF`) and marker. */
export function renderJsonHeredoc(v: PolicyValue, holes: Holes, open: string, close: string): string {
  const body = fillHoles(escapeTemplate(jsonText(v, true)), holes, /"\u27ea(\d+)\u27eb"/g);
  const head = open.replace(/\r?\n$/, "");
  const lines = body.split("\n").map((l) => (head.startsWith("<<-") ? `  ${l}` : l));
  return `${head}\n${lines.join("\n")}\n${close.trim()}`;
}

/** JSON in a quoted string, as the author had it. */
export function renderJsonQuoted(v: PolicyValue, holes: Holes): string {
  return fillHoles(escapeTemplate(JSON.stringify(jsonText(v, false))), holes, /\\"\u27ea(\d+)\u27eb\\"/g);
}

// ---- translating an expression -------------------------------------------------------------

export interface PolicyTranslation {
  /** The new expression text; undefined when the expression is left as it was. */
  text?: string;
  findings: Finding[];
  /** A statement has a principal (a trust policy). */
  trust: boolean;
  /** The translated document, when it could be read. */
  doc?: PolicyValue;
  /** The `data.aws_iam_policy_document.<name>` the expression takes its JSON from, if so. */
  document?: string;
}

/** Translate the policy document an expression holds, in the form it is written in. */
export function translatePolicyExpr(expr: Expr, env: PolicyEnv): PolicyTranslation {
  const holes = env.holes;
  if (expr.type === "Call" && expr.name === "jsonencode" && expr.args.length === 1 && (expr.args[0]!.type === "Object" || expr.args[0]!.type === "Tuple")) {
    const t = translatePolicyDocument(readHcl(expr.args[0]!, holes), env);
    return { text: `jsonencode(${renderHcl(t.doc, holes)})`, findings: [...t.findings, ...lengthFinding(t.doc)], trust: t.trust, doc: t.doc };
  }
  if (expr.type === "Template") {
    const read = readJsonTemplate(expr, holes);
    if ("error" in read) return { findings: [{ severity: "warning", kind: "note", reason: `The policy was not translated to RAM syntax: ${read.error}.`, action: "Rewrite it in RAM syntax: Version \"1\", RAM actions (oss:GetObject, …), acs: resource names." }], trust: false };
    const t = translatePolicyDocument(read.value, env);
    const text = expr.heredoc ? renderJsonHeredoc(t.doc, holes, expr.open.text, expr.close.text) : renderJsonQuoted(t.doc, holes);
    return { text, findings: [...t.findings, ...lengthFinding(t.doc)], trust: t.trust, doc: t.doc };
  }
  const ref = findReferences(expr)[0];
  if (ref && ref.root === "data" && ref.steps[0]?.kind === "attr" && ref.steps[0].name === "aws_iam_policy_document" && ref.steps[1]?.kind === "attr") {
    return { findings: [], trust: false, document: `data.aws_iam_policy_document.${ref.steps[1].name}` };
  }
  if (expr.type === "Call" && (expr.name === "file" || expr.name === "templatefile")) {
    const path = expr.args[0] ? exprSource(expr.args[0]) : "the file";
    return { findings: [{ severity: "warning", kind: "note", reason: `The policy is read from ${path}; aws2ali does not read files, so its JSON is still in AWS syntax.`, action: `Translate ${path} to RAM syntax by hand: Version "1", RAM actions (s3:GetObject → oss:GetObject, …), acs: resource names (arn:aws:s3:::b/* → acs:oss:*:*:b/*), RAM principals and condition keys.` }], trust: false };
  }
  return { findings: [{ severity: "warning", kind: "note", reason: `The policy is computed (${exprSource(expr)}), so aws2ali cannot translate it to RAM syntax.`, action: "Make sure the value is a RAM policy document: Version \"1\", RAM actions, acs: resource names." }], trust: false };
}

function lengthFinding(doc: PolicyValue): Finding[] {
  const n = jsonText(doc, false).length;
  return n > RAM_POLICY_MAX_CHARS ? [{ severity: "warning", kind: "note", reason: `The translated policy is about ${n} characters long; RAM allows ${RAM_POLICY_MAX_CHARS}.`, action: "Split it into several policies (each attached separately)." }] : [];
}

/** Findings become changes of the block's report item, under the argument they are about. */
export function reportFindings(change: (c: Change) => void, argument: string, findings: Finding[]): void {
  for (const f of findings) change({ argument, kind: f.kind, severity: f.severity, reason: f.reason, ...(f.action ? { action: f.action } : {}) });
}
