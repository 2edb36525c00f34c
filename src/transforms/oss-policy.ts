/**
 * S3 bucket policies → OSS bucket policies. OSS reads the RAM policy
 * language (Version "1", oss: actions, acs:oss:*:<uid>:<bucket>/<key>
 * resources, acs: condition keys) with one difference: the Principal of a
 * bucket policy statement is a list of Alibaba Cloud account or RAM user
 * ids, or "*" (https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements).
 * Actions, resources and conditions go through the RAM translator
 * (ram-policy.ts); principals are translated here. OSS statements have no
 * Sid.
 *
 * The same translation serves the oss-bucket-policy transform (any form:
 * jsonencode, heredoc or quoted JSON) and the oss-policy-document value
 * transform (a literal JSON string, as in aws_s3_bucket.policy).
 */

import type { Expr } from "../hcl/cst.js";
import { findReferences } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import { loadMappingTable, type MappingTable } from "../mapping/load.js";
import { readHcl, readJsonTemplate, renderHcl, renderJsonHeredoc, renderJsonQuoted } from "./iam-policy-forms.js";
import { Holes, isObject, Raw, resourceOfReference, statementLabel, translatePolicyDocument, type Finding, type PolicyEnv, type PolicyObject, type PolicyValue } from "./ram-policy.js";

export interface OssPolicy {
  doc: PolicyValue;
  findings: Finding[];
  /** How many statements are left (undefined when the list is computed). */
  statements?: number;
  /** Services named as principals (for a targeted action). */
  services: string[];
}

/** Translate a bucket policy document read into data; the input is not modified. */
export function translateOssPolicy(doc: PolicyValue, env: PolicyEnv): OssPolicy {
  const findings: Finding[] = [];
  const services: string[] = [];
  if (!isObject(doc)) {
    findings.push({ severity: "warning", kind: "note", reason: "The bucket policy is computed (not an object aws2ali can read), so it was not translated to OSS syntax.", action: 'Rewrite it in OSS bucket policy syntax: Version "1", oss: actions, acs:oss:*:*:<bucket>/<key> resources, Principal as a list of account ids or "*".' });
    return { doc, findings, services };
  }
  const out: PolicyObject = { Version: "1" };
  let statements: number | undefined;
  for (const [key, value] of Object.entries(doc)) {
    if (key === "Version") {
      if (value !== "1") findings.push({ severity: "info", kind: "value-mapped", reason: `Version ${typeof value === "string" ? JSON.stringify(env.holes.show(value)) : "(computed)"} → "1", the only OSS policy version.` });
    } else if (key === "Id") {
      findings.push({ severity: "info", kind: "dropped", reason: "The policy Id element was dropped: OSS bucket policies have none." });
    } else if (key === "Statement") {
      const list = Array.isArray(value) ? value : isObject(value) ? [value] : undefined;
      if (!list) {
        out.Statement = value;
        findings.push({ severity: "warning", kind: "note", reason: "The Statement list is computed, so its statements were not translated to OSS syntax.", action: "Make sure every statement uses oss: actions, acs:oss resources, acs: condition keys and a Principal list." });
        continue;
      }
      const translated: PolicyValue[] = [];
      const sids: string[] = [];
      list.forEach((st, k) => {
        const t = translateStatement(st, k, env, findings, sids, services);
        if (t !== undefined) translated.push(t);
      });
      if (sids.length > 0) findings.push({ severity: "info", kind: "dropped", reason: `Sid elements dropped (OSS bucket policy statements have none): ${sids.map((s) => JSON.stringify(s)).join(", ")}.` });
      out.Statement = translated;
      statements = translated.length;
    } else {
      findings.push({ severity: "warning", kind: "dropped", reason: `The policy element ${key} was dropped: OSS bucket policies have only Version and Statement.`, action: "Check what it meant and express it in the statements." });
    }
  }
  return { doc: out, findings, ...(statements !== undefined ? { statements } : {}), services };
}

function translateStatement(st: PolicyValue, k: number, env: PolicyEnv, findings: Finding[], sids: string[], services: string[]): PolicyValue | undefined {
  const label = statementLabel(st, k, env.holes);
  if (!isObject(st)) {
    findings.push({ severity: "warning", kind: "note", reason: `The ${label} is computed, so it was not translated to OSS syntax.`, action: "Make sure it uses oss: actions, acs:oss resources and a Principal list." });
    return st;
  }
  if (typeof st.Sid === "string") sids.push(env.holes.show(st.Sid));
  if ("NotPrincipal" in st) {
    findings.push({ severity: "warning", kind: "dropped", reason: `The ${label} was dropped: OSS bucket policies have no NotPrincipal.`, action: "Express it with explicit principals (a Deny for \"*\" with a condition, or Allow statements for the principals that keep access)." });
    return undefined;
  }
  const dropped: Finding[] = [];
  const principal = translatePrincipal(st.Principal, label, env, findings, dropped, services);
  if (principal === undefined) {
    const cloudfront = services.includes("cloudfront.amazonaws.com");
    findings.push({ severity: "warning", kind: "dropped", reason: `The ${label} was dropped: ${dropped.map((d) => d.reason.replace(/^The .*?'s /, "its ").replace(/ was dropped: /, " cannot be named: ").replace(/\.$/, "")).join("; ")}.`, action: cloudfront ? "Serve the bucket through Alibaba Cloud CDN with private-bucket back-to-origin (CDN reads the bucket with its service role AliyunCDNAccessingPrivateOSSRole), which needs no bucket policy; or grant the reader's account id here." : "Grant the equivalent Alibaba Cloud account or RAM user ids by hand, if the access is still needed." });
    return undefined;
  }
  findings.push(...dropped);
  // Actions, resources and conditions: the RAM translator, one statement at a time.
  const rest: PolicyObject = {};
  for (const [key, value] of Object.entries(st)) if (key !== "Principal") rest[key] = value;
  const t = translatePolicyDocument({ Version: "1", Statement: [rest] }, env);
  const relabel = (s: string): string => s.replace(/statement #1\b/g, `statement #${k + 1}`);
  for (const f of t.findings) {
    if (/^Sid elements dropped/.test(f.reason) || /^No statement of this policy could be translated/.test(f.reason)) continue;
    findings.push({ ...f, reason: relabel(f.reason), ...(f.action ? { action: relabel(f.action) } : {}) });
  }
  const out = isObject(t.doc) && Array.isArray(t.doc.Statement) ? t.doc.Statement[0] : undefined;
  if (!isObject(out)) return undefined;
  const ordered: PolicyObject = {};
  for (const key of ["Effect", "Action", "NotAction"]) if (key in out) ordered[key] = out[key]!;
  ordered.Principal = principal;
  for (const [key, value] of Object.entries(out)) if (!(key in ordered)) ordered[key] = value;
  checkSourceIp(ordered, label, findings);
  return ordered;
}

/** OSS refuses acs:SourceIp without acs:SourceVpc in new bucket policies. */
function checkSourceIp(st: PolicyObject, label: string, findings: Finding[]): void {
  const cond = st.Condition;
  if (!isObject(cond)) return;
  const keys = Object.values(cond).flatMap((b) => (isObject(b) ? Object.keys(b) : []));
  if (keys.includes("acs:SourceIp") && !keys.includes("acs:SourceVpc")) {
    findings.push({ severity: "warning", kind: "note", reason: `The ${label} restricts acs:SourceIp without acs:SourceVpc; OSS refuses new bucket policies that do (an IP alone does not tell the internet from a VPC).`, action: "Add an acs:SourceVpc condition naming the VPCs (or split the statement into an internet and a VPC statement)." });
  }
}

/** A bucket policy principal → an OSS principal list; undefined when nothing is left. */
function translatePrincipal(p: PolicyValue | undefined, label: string, env: PolicyEnv, findings: Finding[], dropped: Finding[], services: string[]): PolicyValue | undefined {
  if (p === undefined) {
    findings.push({ severity: "warning", kind: "note", reason: `The ${label} has no Principal; OSS bucket policies need one. It applies to "*" here.`, action: "Name the principals the statement is for." });
    return ["*"];
  }
  if (p === "*") return ["*"];
  if (p instanceof Raw) {
    findings.push({ severity: "warning", kind: "note", reason: `The ${label}'s principal is computed (${env.holes.source(p.hole)}), kept as written.`, action: 'Make sure it is a list of Alibaba Cloud account ids, RAM user ids or "*".' });
    return p;
  }
  if (!isObject(p)) {
    findings.push({ severity: "warning", kind: "note", reason: `The ${label}'s principal ${typeof p === "string" ? JSON.stringify(env.holes.show(p)) : ""} is not a principal object; kept as written.`, action: 'Write it as a list of account ids or "*".' });
    return p;
  }
  const out: PolicyValue[] = [];
  const add = (v: PolicyValue): void => {
    if (!out.some((x) => x === v)) out.push(v);
  };
  for (const [kind, ids] of Object.entries(p)) {
    if (kind !== "AWS") {
      const names = (Array.isArray(ids) ? ids : [ids]).map((x) => (typeof x === "string" ? env.holes.show(x) : "(computed)"));
      if (kind === "Service") services.push(...names);
      dropped.push({ severity: "warning", kind: "dropped", reason: `The ${label}'s ${kind} principal ${names.map((n) => JSON.stringify(n)).join(", ")} was dropped: OSS bucket policies name Alibaba Cloud accounts and RAM users, not ${kind === "Service" ? "services" : `${kind} principals`}.`, action: kind === "Service" && names.includes("cloudfront.amazonaws.com") ? "Alibaba Cloud CDN reads a private bucket through its own back-to-origin authorization (service role AliyunCDNAccessingPrivateOSSRole), not a bucket policy." : "Grant the access another way (a RAM role for the service, or the account ids that use it)." });
      continue;
    }
    if (ids instanceof Raw) {
      findings.push({ severity: "warning", kind: "note", reason: `The ${label}'s AWS principals are computed (${env.holes.source(ids.hole)}), kept as written.`, action: "Make sure they are Alibaba Cloud account or RAM user ids." });
      add(ids);
      continue;
    }
    for (const id of Array.isArray(ids) ? ids : [ids]) {
      const t = awsPrincipal(id, label, env, findings, dropped);
      if (t !== undefined) add(t);
    }
  }
  return out.length > 0 ? out : undefined;
}

function awsPrincipal(id: PolicyValue, label: string, env: PolicyEnv, findings: Finding[], dropped: Finding[]): PolicyValue | undefined {
  if (typeof id !== "string") return id;
  if (id === "*") return "*";
  if (/^\d{12}$/.test(id)) return accountOf(id, label, env, findings);
  const m = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}|[^:]*):(root|role|user|assumed-role)(?:\/(.*))?$/.exec(id);
  if (!m) {
    findings.push({ severity: "warning", kind: "note", reason: `The ${label}'s principal "${env.holes.show(id)}" was kept as written: aws2ali cannot read it.`, action: "Write it as an Alibaba Cloud account id, a RAM user id, or arn:sts::<uid>:assumed-role/<role>/<session>." });
    return id;
  }
  const account = /^\d{12}$/.test(m[2]!) ? accountOf(m[2]!, label, env, findings) : m[2]!;
  const path = (m[4] ?? "").split("/");
  switch (m[3]) {
    case "root":
      return account;
    case "role":
    case "assumed-role": {
      const role = m[3] === "role" ? path[path.length - 1]! : path[0]!;
      const out = `arn:sts::${account}:assumed-role/${role}/*`;
      findings.push({ severity: "warning", kind: "value-mapped", reason: `In the ${label}, the role principal became "${env.holes.show(out)}" (any session of the RAM role ${role}).`, action: "Check that the RAM role exists with that name in the account." });
      return out;
    }
    default:
      dropped.push({ severity: "warning", kind: "dropped", reason: `The ${label}'s IAM user principal "${env.holes.show(id)}" was dropped: OSS names RAM users by their numeric user id.`, action: "Add the RAM user's id (alicloud_ram_user.<name>.id) to the Principal list." });
      return undefined;
  }
}

function accountOf(id: string, label: string, env: PolicyEnv, findings: Finding[]): string {
  const out = env.accountId(id);
  findings.push({ severity: "warning", kind: "value-mapped", reason: `In the ${label}, the AWS account ${id} became "${env.holes.show(out)}".`, action: "Set it to the Alibaba Cloud account UID that takes the AWS account's place." });
  return out;
}

// ---- expressions ------------------------------------------------------------------------

export interface OssPolicyTranslation {
  text?: string;
  policy?: OssPolicy;
  findings: Finding[];
  /** A data.aws_iam_policy_document the value comes from. */
  document?: string;
}

/** Translate the bucket policy an expression holds, in the form it is written in. */
export function translateOssPolicyExpr(expr: Expr, env: PolicyEnv): OssPolicyTranslation {
  const holes = env.holes;
  if (expr.type === "Call" && expr.name === "jsonencode" && expr.args.length === 1 && expr.args[0]!.type === "Object") {
    const t = translateOssPolicy(readHcl(expr.args[0]!, holes), env);
    return { text: `jsonencode(${renderHcl(t.doc, holes)})`, policy: t, findings: t.findings };
  }
  if (expr.type === "Template") {
    const read = readJsonTemplate(expr, holes);
    if ("error" in read) return { findings: [{ severity: "warning", kind: "note", reason: `The bucket policy was not translated to OSS syntax: ${read.error}.`, action: 'Rewrite it in OSS syntax: Version "1", oss: actions, acs:oss:*:*:<bucket>/<key> resources, Principal as a list of account ids or "*".' }] };
    const t = translateOssPolicy(read.value, env);
    const text = expr.heredoc ? renderJsonHeredoc(t.doc, holes, expr.open.text, expr.close.text) : renderJsonQuoted(t.doc, holes);
    return { text, policy: t, findings: t.findings };
  }
  const ref = findReferences(expr)[0];
  if (ref && ref.root === "data" && ref.steps[0]?.kind === "attr" && ref.steps[0].name === "aws_iam_policy_document" && ref.steps[1]?.kind === "attr") {
    const document = `data.aws_iam_policy_document.${ref.steps[1].name}`;
    return { document, findings: [{ severity: "warning", kind: "note", reason: `The bucket policy comes from ${document}, which becomes a RAM policy document: its principals come out as {"RAM": [...]} / {"Service": [...]}, while an OSS bucket policy lists account or RAM user ids ("Principal": ["<uid>"]).`, action: `Check the generated document; if it has principals, write the bucket policy as jsonencode({ Version = "1", Statement = [...] }) with Principal = ["<uid>"] instead.` }] };
  }
  if (expr.type === "Call" && (expr.name === "file" || expr.name === "templatefile")) {
    const path = expr.args[0] ? exprSource(expr.args[0]) : "the file";
    return { findings: [{ severity: "warning", kind: "note", reason: `The bucket policy is read from ${path}; aws2ali does not read files, so it is still in S3 syntax.`, action: `Translate ${path} to OSS syntax by hand: Version "1", s3:… → oss:… actions, arn:aws:s3:::b/* → acs:oss:*:*:b/*, Principal as a list of account ids or "*", acs: condition keys.` }] };
  }
  return { findings: [{ severity: "warning", kind: "note", reason: `The bucket policy is computed (${exprSource(expr)}), so aws2ali cannot translate it to OSS syntax.`, action: 'Make sure the value is an OSS bucket policy: Version "1", oss: actions, acs:oss resources, Principal as a list of account ids or "*".' }] };
}

// ---- the value transform -----------------------------------------------------------------

let builtinTable: MappingTable | undefined;

/**
 * `oss-policy-document`: a literal JSON bucket policy (aws_s3_bucket.policy)
 * → OSS syntax. Value transforms see only the value, so the built-in value
 * maps are used, and a policy that needs a person (dropped statements,
 * account ids that must become variables) is left as written with a note.
 */
export function ossPolicyDocument(value: string | number | boolean): { value?: string; note?: string } {
  if (typeof value !== "string") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { note: "the policy is not valid JSON" };
  }
  builtinTable ??= loadMappingTable();
  const values = builtinTable.values;
  const holes = new Holes();
  const accounts: string[] = [];
  const env: PolicyEnv = {
    actions: values.get("iam-actions"),
    principals: values.get("iam-service-principals"),
    conditionKeys: values.get("iam-condition-keys"),
    regions: values.get("regions"),
    holes,
    resourceOfReference: (src) => resourceOfReference(src, holes),
    oidcProviderArn: () => undefined,
    knownArn: () => false,
    accountId: (id) => {
      accounts.push(id);
      return "<uid>";
    },
  };
  const t = translateOssPolicy(parsed as PolicyValue, env);
  const warnings = t.findings.filter((f) => f.severity === "warning" && !(accounts.length > 0 && /became "<uid>"/.test(f.reason)));
  if (accounts.length > 0) return { note: `it names the AWS account${accounts.length > 1 ? "s" : ""} ${[...new Set(accounts)].join(", ")}, whose Alibaba Cloud UID aws2ali cannot know; move the policy to an alicloud_oss_bucket_policy resource in OSS syntax (Principal = ["<uid>"])` };
  if (warnings.length > 0 || t.statements === 0) return { note: `it needs a person: ${warnings.map((w) => w.reason).join(" ")}` };
  return { value: JSON.stringify(t.doc), note: "rewritten to OSS bucket policy syntax (Version \"1\", oss: actions, acs:oss resources, Principal list)" };
}
