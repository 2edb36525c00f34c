/**
 * AWS IAM policy language → Alibaba Cloud RAM policy language, on a policy
 * document read into plain data (iam-policy-forms.ts reads and writes the
 * Terraform forms: jsonencode objects, heredoc and quoted JSON, statement
 * blocks). RAM documents are "Version": "1"; actions are "<ram service>:<Api>"
 * (iam-actions value map); resources are "acs:<service>:<region>:<account>:<path>"
 * (https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements);
 * trust principals are "RAM", "Service" (<product>.aliyuncs.com, the
 * iam-service-principals map) and "Federated" (acs:ram::<uid>:oidc-provider/…
 * or saml-provider/…); condition keys come from the iam-condition-keys map.
 * What has no RAM equivalent is dropped and reported, naming the statement.
 *
 * Terraform expressions inside a document are kept: a string holds them as
 * hole markers (⟦n⟧, the expression's source is holes.sources[n]), a value
 * that is a whole expression (a list from a variable, a reference) is a Raw.
 */

import type { ValueMap } from "../mapping/values.js";
import { LOG_STORE_NAME, OTS_TABLE_NAME, type NameRule } from "./resource-names.js";

export class Raw {
  constructor(readonly hole: number) {}
}

export type PolicyValue = string | number | boolean | null | Raw | PolicyValue[] | { [key: string]: PolicyValue };
export type PolicyObject = { [key: string]: PolicyValue };

const HOLE = /\u27e6(\d+)\u27e7/g;
const ONLY_HOLE = /^\u27e6(\d+)\u27e7$/;

/** Terraform expressions found in a policy document, by number. */
export class Holes {
  readonly sources: string[] = [];
  /** A marker standing for the expression inside a string. */
  marker(src: string): string {
    this.sources.push(src);
    return `\u27e6${this.sources.length - 1}\u27e7`;
  }
  raw(src: string): Raw {
    this.sources.push(src);
    return new Raw(this.sources.length - 1);
  }
  source(n: number): string {
    return this.sources[n] ?? "";
  }
  /** The expression a string consists of, when it is exactly one marker. */
  onlyHole(s: string): string | undefined {
    const m = ONLY_HOLE.exec(s);
    return m ? this.source(Number(m[1])) : undefined;
  }
  /** The string with its markers written as `${expr}`, for messages. */
  show(s: string): string {
    return s.replace(HOLE, (_, n: string) => "${" + this.source(Number(n)) + "}");
  }
}

export function hasHole(s: string): boolean {
  return s.includes("\u27e6");
}

export function isObject(v: PolicyValue | undefined): v is PolicyObject {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Raw);
}

export interface Finding {
  severity: "info" | "warning";
  kind: "dropped" | "note" | "value-mapped";
  reason: string;
  action?: string;
}

/** What the translator needs from its surroundings. */
export interface PolicyEnv {
  actions: ValueMap | undefined;
  principals: ValueMap | undefined;
  conditionKeys: ValueMap | undefined;
  regions: ValueMap | undefined;
  holes: Holes;
  /** `aws_x.n.arn` (as written, with any instance key) → the RAM resource it names, markers allowed; undefined keeps the reference. */
  resourceOfReference(src: string): string | undefined;
  /** The RAM OIDC provider ARN (a marker for a reference, or a literal) for an issuer host such as token.actions.githubusercontent.com. */
  oidcProviderArn(issuer: string): string | undefined;
  /** What stands for a literal AWS account id in RAM ARNs (a marker for an input variable). */
  accountId(awsAccountId: string): string;
  /** Whether a reference (`aws_iam_role.x.arn`) names a block whose translation exports an ARN of its own. */
  knownArn(src: string): boolean;
}

export interface TranslatedPolicy {
  doc: PolicyValue;
  findings: Finding[];
  /** Some statement has a principal: a trust policy (or a resource policy). */
  trust: boolean;
  /** Each input statement translated, undefined where it was dropped (same order as the input). */
  statements: Array<PolicyValue | undefined>;
}

// ---- document and statements -----------------------------------------------------

/** Translate a whole policy document; the input is not modified. */
export function translatePolicyDocument(doc: PolicyValue, env: PolicyEnv): TranslatedPolicy {
  const findings: Finding[] = [];
  if (!isObject(doc)) {
    findings.push({ severity: "warning", kind: "note", reason: "The policy document is computed (not an object aws2ali can read), so it was not translated to RAM syntax.", action: "Rewrite it in RAM policy syntax: Version \"1\", RAM actions, acs: resource names." });
    return { doc, findings, trust: false, statements: [] };
  }
  const out: PolicyObject = {};
  let trust = false;
  const translated: Array<PolicyValue | undefined> = [];
  if (!("Version" in doc)) out.Version = "1";
  for (const [key, value] of Object.entries(doc)) {
    if (key === "Version") {
      out.Version = "1";
      if (value !== "1") findings.push({ severity: "info", kind: "value-mapped", reason: `Version ${typeof value === "string" ? JSON.stringify(env.holes.show(value)) : "(computed)"} → "1", the only RAM policy version.` });
    } else if (key === "Id") {
      findings.push({ severity: "info", kind: "dropped", reason: "The policy Id element was dropped: RAM policies have none." });
    } else if (key === "Statement") {
      const list = Array.isArray(value) ? value : isObject(value) ? [value] : undefined;
      if (!list) {
        out.Statement = value;
        findings.push({ severity: "warning", kind: "note", reason: "The Statement list is computed, so its statements were not translated to RAM syntax.", action: "Make sure every statement uses RAM actions, acs: resources and RAM condition keys." });
        continue;
      }
      const statements: PolicyValue[] = [];
      const sids: string[] = [];
      list.forEach((st, k) => {
        const t = translateStatement(st, k, env, findings, sids);
        if (t.trust) trust = true;
        translated.push(t.statement);
        if (t.statement !== undefined) statements.push(t.statement);
      });
      if (sids.length > 0) findings.push({ severity: "info", kind: "dropped", reason: `Sid elements dropped (RAM statements have none): ${sids.map((s) => JSON.stringify(s)).join(", ")}.` });
      if (statements.length === 0) findings.push({ severity: "warning", kind: "note", reason: "No statement of this policy could be translated, so it is empty.", action: "Write the policy by hand in RAM syntax, or remove it." });
      out.Statement = statements;
    } else {
      findings.push({ severity: "warning", kind: "dropped", reason: `The policy element ${key} was dropped: RAM policies have only Version and Statement.`, action: "Check what it meant and express it in the statements." });
    }
  }
  const variables = [...new Set(JSON.stringify(out).match(/\$\{[a-z]+:[^}]+\}/gi) ?? [])];
  if (variables.length > 0) findings.push({ severity: "warning", kind: "note", reason: `The policy uses IAM policy variables (${variables.join(", ")}), which RAM does not substitute.`, action: "Write the resources out per user, or grant by a narrower prefix." });
  return { doc: out, findings, trust, statements: translated };
}

export function statementLabel(st: PolicyValue, k: number, holes: Holes): string {
  const sid = isObject(st) ? st.Sid : undefined;
  return typeof sid === "string" && sid !== "" ? `statement ${JSON.stringify(holes.show(sid))}` : `statement #${k + 1}`;
}

function translateStatement(st: PolicyValue, k: number, env: PolicyEnv, findings: Finding[], sids: string[]): { statement?: PolicyValue; trust: boolean } {
  const where = statementLabel(st, k, env.holes);
  if (!isObject(st)) {
    findings.push({ severity: "warning", kind: "note", reason: `The ${where} is computed, so it was not translated to RAM syntax.`, action: "Make sure it uses RAM actions, acs: resources and RAM condition keys." });
    return { statement: st, trust: false };
  }
  const out: PolicyObject = {};
  const trust = "Principal" in st;
  const effect = typeof st.Effect === "string" ? st.Effect : "Allow";
  const principalKind = principalKinds(st.Principal);
  for (const [key, value] of Object.entries(st)) {
    switch (key) {
      case "Sid":
        if (typeof value === "string" && value !== "") sids.push(env.holes.show(value));
        break;
      case "Effect":
        out.Effect = value;
        break;
      case "Action":
      case "NotAction": {
        const actions = translateActionList(value, env, trust, where, key, findings);
        if (actions === undefined) {
          findings.push({ severity: "warning", kind: "dropped", reason: `The ${where} was dropped: none of its actions has a RAM equivalent.`, action: "Grant what it allowed with RAM actions by hand, if it is still needed." });
          return { trust };
        }
        out[key] = actions;
        break;
      }
      case "Resource":
      case "NotResource": {
        const resources = translateResourceList(value, env, where, key, findings);
        if (resources === undefined) {
          findings.push({ severity: "warning", kind: "dropped", reason: `The ${where} was dropped: none of its resources has a RAM equivalent.`, action: "Write the statement by hand with acs: resource names." });
          return { trust };
        }
        out[key] = resources;
        break;
      }
      case "Principal": {
        const p = translatePrincipal(value, env, where, findings);
        if (p === undefined) {
          findings.push({ severity: "warning", kind: "dropped", reason: `The ${where} was dropped: none of its principals has a RAM equivalent.`, action: "Add a RAM, Service or Federated principal by hand." });
          return { trust };
        }
        out.Principal = p;
        break;
      }
      case "NotPrincipal":
        findings.push({ severity: "warning", kind: "dropped", reason: `The ${where} was dropped: RAM policies have no NotPrincipal.`, action: "Express it with explicit principals." });
        return { trust };
      case "Condition": {
        const own: Finding[] = [];
        const c = translateCondition(value, env, where, effect, principalKind, own);
        if (c === undefined && effect === "Deny") {
          // Without its conditions a guard such as "deny unless from the VPC endpoint" would deny everything it names.
          findings.push({ severity: "warning", kind: "dropped", reason: `The Deny ${where} was dropped: none of its conditions (${conditionKeys(value, env.holes)}) has a RAM equivalent, and without them it would deny everything it names. The restriction it enforced is gone.`, action: "Re-create the restriction with what Alibaba Cloud offers (a RAM condition key such as acs:SourceIp or acs:SourceVpc, a VPC or network ACL rule), if it matters." });
          return { trust };
        }
        findings.push(...own);
        if (c !== undefined) out.Condition = c;
        break;
      }
      default:
        findings.push({ severity: "warning", kind: "dropped", reason: `In the ${where}, the element ${key} was dropped: RAM statements have no such element.`, action: "Check what it meant." });
    }
  }
  return { statement: out, trust };
}

function principalKinds(p: PolicyValue | undefined): Set<string> {
  return new Set(isObject(p) ? Object.keys(p) : []);
}

/** A string or list of strings as a list; a computed value stays as it is. */
function asList(v: PolicyValue): PolicyValue[] {
  return Array.isArray(v) ? v : [v];
}

/** Keep the shape the author used: one string stays one string. */
function shaped(original: PolicyValue, values: PolicyValue[]): PolicyValue {
  return !Array.isArray(original) && values.length === 1 ? values[0]! : values;
}

// ---- actions --------------------------------------------------------------------------

/** How one AWS action maps, from the iam-actions value map. */
export interface ActionMapping {
  to: string[];
  how: "exact" | "expansion" | "wildcard" | "guess" | "unknown" | "computed";
  note?: string;
}

/** In a trust policy every AWS way of assuming a role is RAM's sts:AssumeRole; session tagging has no counterpart. */
const TRUST_ACTIONS: Record<string, string | null> = {
  "sts:assumerole": "sts:AssumeRole",
  "sts:assumerolewithwebidentity": "sts:AssumeRole",
  "sts:assumerolewithsaml": "sts:AssumeRole",
  "sts:tagsession": null,
  "sts:setsourceidentity": null,
  "sts:setcontext": null,
};

export function mapAction(action: string, map: ValueMap | undefined): ActionMapping {
  if (action === "*") return { to: ["*"], how: "exact" };
  const entries = map?.entries ?? {};
  const extra = (map?.extra ?? {}) as { expansions?: Record<string, string[]>; prefixes?: Record<string, string>; prefix_alternatives?: Record<string, string[]> };
  const colon = action.indexOf(":");
  const service = colon > 0 ? action.slice(0, colon).toLowerCase() : "";
  const name = colon > 0 ? action.slice(colon + 1) : action;
  const prefix = extra.prefixes?.[service];
  if (hasHole(action)) return { to: [prefix && !hasHole(service) ? `${prefix}:${name}` : action], how: "computed" };
  const exact = lookupCaseless(entries, action);
  if (exact !== undefined) return { to: [String(exact)], how: "exact", ...noteOf(map, action) };
  const expansion = lookupCaseless(extra.expansions ?? {}, action);
  if (expansion !== undefined) return { to: expansion.map(String), how: "expansion", ...noteOf(map, action) };
  if (!prefix) return { to: [], how: "unknown", ...(map?.notes[service] ? { note: map.notes[service] } : {}) };
  if (name.includes("*")) {
    const alternatives = extra.prefix_alternatives?.[service] ?? [];
    return { to: [prefix, ...alternatives].map((p) => `${p}:${name}`), how: "wildcard", ...(map?.notes[service] ? { note: map.notes[service] } : {}) };
  }
  return { to: [`${prefix}:${name}`], how: "guess" };
}

function lookupCaseless<T>(entries: Record<string, T>, key: string): T | undefined {
  if (key in entries) return entries[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(entries)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function noteOf(map: ValueMap | undefined, key: string): { note?: string } {
  const note = map?.notes[key];
  return note ? { note } : {};
}

/** Translate an Action list; undefined when nothing is left. */
function translateActionList(value: PolicyValue, env: PolicyEnv, trust: boolean, where: string, element: string, findings: Finding[]): PolicyValue | undefined {
  if (value instanceof Raw) {
    findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the ${element} is computed (${env.holes.source(value.hole)}), so its actions were not mapped to RAM actions.`, action: "Make sure it yields RAM actions (oss:GetObject, ecs:DescribeInstances, …)." });
    return value;
  }
  const out: PolicyValue[] = [];
  const seen = new Set<string>();
  const add = (a: PolicyValue): void => {
    const key = typeof a === "string" ? a : JSON.stringify(a);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(a);
    }
  };
  const guessed: string[] = [];
  const unknown: string[] = [];
  const notes: string[] = [];
  const widened: string[] = [];
  for (const a of asList(value)) {
    if (typeof a !== "string") {
      findings.push({ severity: "warning", kind: "note", reason: `The ${where} has a computed action, kept as written.`, action: "Make sure it yields a RAM action." });
      add(a);
      continue;
    }
    const trustAction = TRUST_ACTIONS[a.toLowerCase()];
    if (trust && trustAction !== undefined) {
      if (trustAction) add(trustAction);
      if (trustAction && trustAction !== a) notes.push(`${a} → ${trustAction}, RAM's one way to assume a role`);
      else if (!trustAction) notes.push(`${a} was dropped: RAM trust policies only allow sts:AssumeRole`);
      continue;
    }
    const m = mapAction(a, env.actions);
    switch (m.how) {
      case "unknown":
        unknown.push(m.note ? `${a} (${m.note})` : a);
        continue;
      case "guess":
        guessed.push(`${a} → ${m.to[0]}`);
        break;
      case "computed":
        notes.push(`${env.holes.show(a)} is computed; check that it yields a RAM action`);
        break;
      case "expansion":
      case "wildcard":
        if (m.to.length > 1) widened.push(`${a} → ${m.to.join(", ")}${m.note ? ` (${m.note})` : ""}`);
        break;
      default:
    }
    m.to.forEach(add);
  }
  if (unknown.length > 0) findings.push({ severity: "warning", kind: "dropped", reason: `In the ${where}, ${element} ${unknown.join("; ")} ${unknown.length === 1 ? "has" : "have"} no RAM equivalent and ${unknown.length === 1 ? "was" : "were"} dropped.`, action: "Grant the equivalent Alibaba Cloud permissions by hand if they are still needed." });
  if (guessed.length > 0) findings.push({ severity: "warning", kind: "value-mapped", reason: `In the ${where}, ${guessed.join(", ")}: no verified RAM action name is known, so only the service prefix was rewritten.`, action: "Check each action in the Alibaba Cloud API's \"RAM authorization\" table and correct the name." });
  if (widened.length > 0) findings.push({ severity: "info", kind: "value-mapped", reason: `In the ${where}, ${widened.join("; ")}: the AWS service spans several Alibaba Cloud services.` });
  if (notes.length > 0) findings.push({ severity: notes.some((n) => n.includes("computed")) ? "warning" : "info", kind: "note", reason: `In the ${where}: ${notes.join("; ")}.`, ...(notes.some((n) => n.includes("computed")) ? { action: "Check the computed actions." } : {}) });
  if (out.length === 0) return undefined;
  return shaped(value, out);
}

// ---- resources ------------------------------------------------------------------------

interface ArnParts {
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** arn:<partition>:<service>:<region>:<account>:<resource> (the partition may be a marker for data.aws_partition). */
function parseArn(s: string): ArnParts | undefined {
  if (!s.startsWith("arn:")) return undefined;
  const parts = s.split(":");
  if (parts.length < 6) return undefined;
  return { service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: parts.slice(5).join(":") };
}

/** Where the resource path of an AWS service ARN goes in the RAM resource name. */
interface ServiceRewrite {
  service: string;
  path: string;
  region?: string;
  account?: string;
  note?: string;
  /** The path names AWS resource ids, which do not exist on Alibaba Cloud. */
  awsIds?: boolean;
}

const AWS_ID = /(^|\/)(i|vpc|subnet|sg|vol|ami|eni|igw|nat|rtb|eipalloc|lt)-[0-9a-f]{6,}/;

function rewritePath(arnService: string, path: string, ramPrefix: string | undefined): ServiceRewrite | undefined {
  const m = (re: RegExp): RegExpExecArray | null => re.exec(path);
  switch (arnService) {
    case "s3":
      // OSS names buckets and objects as S3 does; OSS resources take * for region and account.
      return { service: "oss", path, region: "*", account: "*" };
    case "dynamodb": {
      // Tables are named as the dynamodb-table transform names them (letters, digits, '_').
      const t = m(/^table\/([^/]+)/);
      return t ? { service: "ots", path: `instance/*/table/${literalName(t[1]!, OTS_TABLE_NAME)}`, note: "Tablestore tables belong to an instance: narrow instance/* to the instance name" } : path === "*" ? { service: "ots", path } : undefined;
    }
    case "logs": {
      // Log stores are named as the log-group transform names them (/aws/x → aws-x).
      const g = m(/^log-group:([^:]+)/);
      return g ? { service: "log", path: `project/*/logstore/${g[1]!.includes("*") ? g[1] : literalName(g[1]!, LOG_STORE_NAME)}`, note: "SLS log stores belong to a project: narrow project/* to the project name" } : path === "*" ? { service: "log", path } : undefined;
    }
    case "lambda": {
      const f = m(/^function:([^:]+)/);
      return f ? { service: "fc", path: `functions/${f[1]}` } : path === "*" ? { service: "fc", path } : undefined;
    }
    case "sqs":
      return { service: "mns", path: path === "*" ? "*" : `/queues/${path}`, note: "SMQ (MNS) queue resources are /queues/<name>; check the resource format the actions need" };
    case "sns":
      return { service: "mns", path: path === "*" ? "*" : `/topics/${path}`, note: "SMQ (MNS) topic resources are /topics/<name>; check the resource format the actions need" };
    case "secretsmanager": {
      const s = m(/^secret:(.+)$/);
      if (!s) return path === "*" ? { service: "kms", path } : undefined;
      const name = s[1]!.replace(/-[A-Za-z0-9]{6}$/, "").replace(/-\?{6}$/, "*");
      return { service: "kms", path: `secret/${name}`, note: "KMS secrets are secret/<name> (AWS secret ARNs end in a random suffix)" };
    }
    case "kms":
      return { service: "kms", path, awsIds: /^key\/(?!\*)/.test(path) };
    case "ecr": {
      const r = m(/^repository\/(.+)$/);
      return r ? { service: "cr", path: `repository/*/${r[1]}`, note: "Container Registry repositories are repository/<instance>/<namespace>/<repo>" } : path === "*" ? { service: "cr", path } : undefined;
    }
    case "iam": {
      // RAM names have no path: role/app/deployer → role/deployer.
      const r = m(/^(role|user|group|policy)\/(?:.*\/)?([^/]+)$/);
      if (r) return { service: "ram", path: `${r[1]}/${r[1] === "role" ? ramRoleName(r[2]!) : r[2]}`, region: "" };
      return path === "*" ? { service: "ram", path, region: "" } : undefined;
    }
    case "ec2": {
      const kinds: Record<string, [string, string]> = { instance: ["ecs", "instance"], "security-group": ["ecs", "securitygroup"], volume: ["ecs", "disk"], image: ["ecs", "image"], "key-pair": ["ecs", "keypair"], "network-interface": ["ecs", "networkinterface"], snapshot: ["ecs", "snapshot"], vpc: ["vpc", "vpc"], subnet: ["vpc", "vswitch"], "route-table": ["vpc", "routetable"], "natgateway": ["vpc", "natgateway"], "elastic-ip": ["vpc", "eip"] };
      const k = m(/^([a-z-]+)\/(.+)$/);
      if (k && kinds[k[1]!]) {
        const [service, kind] = kinds[k[1]!]!;
        return { service, path: `${kind}/${k[2]}`, awsIds: AWS_ID.test(path) };
      }
      return path === "*" ? { service: "ecs", path } : undefined;
    }
    default:
      return ramPrefix ? { service: ramPrefix, path, note: `the resource path is kept as AWS writes it; check the ${ramPrefix} resource format` } : undefined;
  }
}

/** A literal name under an Alibaba naming rule (markers for Terraform expressions are kept). */
function literalName(name: string, rule: NameRule): string {
  // Only the literal text between markers is cleaned, as the resource's own transform cleans template text.
  const parts = name.split(/(\u27e6\d+\u27e7)/);
  const cleaned = parts.map((p, k) => (k % 2 === 1 ? p : (rule.lowerCase ? p.toLowerCase() : p).replace(rule.invalid, rule.replacement)));
  cleaned[0] = cleaned[0]!.replace(rule.leading, "");
  cleaned[cleaned.length - 1] = cleaned[cleaned.length - 1]!.replace(rule.trailing, "");
  return cleaned.join("");
}

/** RAM role names: letters, digits, '.', '-' (at most 64). */
export function ramRoleName(name: string): string {
  return name.replace(/[^A-Za-z0-9.\-\u27e6\u27e7]/g, "-").slice(0, 64);
}

/** Translate one Resource value (string, marker string or Raw); undefined drops it. */
function translateResource(r: PolicyValue, env: PolicyEnv, where: string, findings: Finding[]): PolicyValue | undefined {
  const holes = env.holes;
  if (r instanceof Raw) {
    const mapped = env.resourceOfReference(holes.source(r.hole));
    if (mapped !== undefined) return mapped;
    if (env.knownArn(holes.source(r.hole))) return r;
    findings.push({ severity: "warning", kind: "note", reason: `The ${where} has the computed resource ${holes.source(r.hole)}, kept as written.`, action: "Make sure it yields acs: resource names (acs:<service>:<region>:<account>:<path>)." });
    return r;
  }
  if (typeof r !== "string") return r;
  if (r === "*") return r;
  // "${aws_s3_bucket.b.arn}/*" → "acs:oss:*:*:${aws_s3_bucket.b.bucket}/*"
  const lead = /^\u27e6(\d+)\u27e7/.exec(r);
  if (lead) {
    const mapped = env.resourceOfReference(holes.source(Number(lead[1])));
    if (mapped !== undefined) return mapped + r.slice(lead[0].length);
    if (env.knownArn(holes.source(Number(lead[1])))) return r;
    findings.push({ severity: "warning", kind: "note", reason: `The ${where} has the computed resource "${holes.show(r)}", kept as written.`, action: "Make sure it yields acs: resource names (acs:<service>:<region>:<account>:<path>)." });
    return r;
  }
  const arn = parseArn(r);
  if (!arn) {
    findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the resource "${holes.show(r)}" is not an ARN; kept as written.`, action: "Write it as an acs: resource name." });
    return r;
  }
  const prefixes = ((env.actions?.extra ?? {}) as { prefixes?: Record<string, string> }).prefixes ?? {};
  const rw = rewritePath(arn.service, arn.resource, prefixes[arn.service]);
  if (!rw) {
    findings.push({ severity: "warning", kind: "dropped", reason: `In the ${where}, the resource "${holes.show(r)}" has no RAM equivalent (AWS service ${arn.service}) and was dropped.`, action: "Add the Alibaba Cloud resource by hand if it is still needed." });
    return undefined;
  }
  const region = rw.region ?? mapRegion(arn.region, env);
  const account = rw.account ?? mapAccount(arn.account, env);
  const out = `acs:${rw.service}:${region}:${account}:${rw.path}`;
  if (rw.awsIds) findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the resource "${holes.show(r)}" names AWS resource ids; it became "${holes.show(out)}", but those ids do not exist on Alibaba Cloud.`, action: "Replace the ids with the Alibaba Cloud resources' ids (or references to them)." });
  else if (rw.note) findings.push({ severity: "info", kind: "value-mapped", reason: `In the ${where}, "${holes.show(r)}" → "${holes.show(out)}": ${rw.note}.` });
  return out;
}

function mapRegion(region: string, env: PolicyEnv): string {
  if (region === "" || region === "*" || hasHole(region)) return region === "" ? "*" : region;
  const mapped = env.regions?.entries[region];
  return typeof mapped === "string" ? mapped : "*";
}

function mapAccount(account: string, env: PolicyEnv): string {
  if (account === "" || account === "aws") return "*";
  if (/^\d{12}$/.test(account)) return env.accountId(account);
  return account;
}

function translateResourceList(value: PolicyValue, env: PolicyEnv, where: string, element: string, findings: Finding[]): PolicyValue | undefined {
  if (value instanceof Raw) {
    const mapped = env.resourceOfReference(env.holes.source(value.hole));
    if (mapped !== undefined) return mapped;
    if (env.knownArn(env.holes.source(value.hole))) return value;
    findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the ${element} is computed (${env.holes.source(value.hole)}), kept as written.`, action: "Make sure it yields acs: resource names." });
    return value;
  }
  const out: PolicyValue[] = [];
  for (const r of asList(value)) {
    const t = translateResource(r, env, where, findings);
    const same = (o: PolicyValue): boolean => o === t || (typeof o === "string" && typeof t === "string" && env.holes.show(o) === env.holes.show(t));
    if (t !== undefined && !out.some(same)) out.push(t);
  }
  return out.length === 0 ? undefined : shaped(value, out);
}

// ---- principals -------------------------------------------------------------------------

function translatePrincipal(p: PolicyValue, env: PolicyEnv, where: string, findings: Finding[]): PolicyValue | undefined {
  if (p === "*") {
    findings.push({ severity: "warning", kind: "value-mapped", reason: `The ${where} trusts every principal ("*"); it became {"RAM": ["*"]}.`, action: "Name the trusted RAM accounts, users or roles explicitly." });
    return { RAM: ["*"] };
  }
  if (!isObject(p)) {
    findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the principal is computed, kept as written.`, action: "Make sure it is a RAM principal ({\"RAM\": …}, {\"Service\": …} or {\"Federated\": …})." });
    return p;
  }
  const out: PolicyObject = {};
  const lists = new Set<string>();
  const push = (kind: string, v: PolicyValue): void => {
    const list = out[kind];
    if (!Array.isArray(list)) out[kind] = [v];
    else if (!list.some((x) => x === v)) list.push(v);
  };
  for (const [kind, ids] of Object.entries(p)) {
    if (kind !== "AWS" && kind !== "Service" && kind !== "Federated") {
      findings.push({ severity: "warning", kind: "dropped", reason: `In the ${where}, the ${kind} principal was dropped: RAM trusts only RAM, Service and Federated principals.`, action: "Trust the equivalent RAM identity by hand." });
      continue;
    }
    const to = kind === "AWS" ? "RAM" : kind;
    if (ids instanceof Raw) {
      out[to] = ids;
      findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the ${kind} principals are computed (${env.holes.source(ids.hole)}), kept as written.`, action: `Make sure they are RAM ${to} principals.` });
      continue;
    }
    if (Array.isArray(ids)) lists.add(to);
    for (const id of asList(ids)) {
      const t = kind === "AWS" ? awsPrincipal(id, env, where, findings) : kind === "Service" ? servicePrincipal(id, env, where, findings) : federatedPrincipal(id, env, where, findings);
      if (t !== undefined) push(to, t);
    }
  }
  if (Object.keys(out).length === 0) return undefined;
  // One principal written as a string stays a string.
  for (const [k, v] of Object.entries(out)) if (Array.isArray(v) && v.length === 1 && !lists.has(k)) out[k] = v[0]!;
  return out;
}

function awsPrincipal(id: PolicyValue, env: PolicyEnv, where: string, findings: Finding[]): PolicyValue | undefined {
  if (typeof id !== "string") return id;
  if (id === "*") {
    findings.push({ severity: "warning", kind: "value-mapped", reason: `The ${where} trusts every AWS account ("*"); it became RAM "*".`, action: "Name the trusted Alibaba Cloud accounts explicitly." });
    return "*";
  }
  if (env.holes.onlyHole(id) !== undefined) return id;
  if (/^\d{12}$/.test(id)) return `acs:ram::${env.accountId(id)}:root`;
  const arn = parseArn(id);
  const m = arn && (arn.service === "iam" || arn.service === "sts") ? /^(root|role|user|assumed-role)(?:\/(.*))?$/.exec(arn.resource) : null;
  if (!arn || !m) {
    findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the AWS principal "${env.holes.show(id)}" was kept as written: aws2ali cannot read it.`, action: "Write it as acs:ram::<uid>:root, acs:ram::<uid>:role/<name> or acs:ram::<uid>:user/<name>." });
    return id;
  }
  const account = mapAccount(arn.account, env);
  const name = (m[2] ?? "").split("/");
  const last = name[name.length - 1] ?? "";
  switch (m[1]) {
    case "root":
      return `acs:ram::${account}:root`;
    case "role":
      return `acs:ram::${account}:role/${ramRoleName(last)}`;
    case "user":
      return `acs:ram::${account}:user/${last}`;
    default:
      return `acs:ram::${account}:assumed-role/${m[2] ?? ""}`;
  }
}

/** `ec2.amazonaws.com`, also written `ec2.${data.aws_partition.x.dns_suffix}`. */
function servicePrincipal(id: PolicyValue, env: PolicyEnv, where: string, findings: Finding[]): PolicyValue | undefined {
  if (typeof id !== "string") return id;
  const normal = id.replace(/\u27e6(\d+)\u27e7$/, (whole, n: string) => (/\.dns_suffix$/.test(env.holes.source(Number(n))) ? "amazonaws.com" : whole));
  const mapped = env.principals?.entries[normal];
  if (typeof mapped === "string") {
    const note = env.principals?.notes[normal];
    if (note) findings.push({ severity: "info", kind: "value-mapped", reason: `In the ${where}, ${normal} → ${mapped}: ${note}` });
    return mapped;
  }
  if (id.endsWith(".aliyuncs.com")) return id;
  findings.push({ severity: "warning", kind: "dropped", reason: `In the ${where}, the service principal "${env.holes.show(id)}" has no Alibaba Cloud counterpart and was dropped.`, action: "Trust the Alibaba Cloud service that takes over its job (<product>.aliyuncs.com) by hand." });
  return undefined;
}

function federatedPrincipal(id: PolicyValue, env: PolicyEnv, where: string, findings: Finding[]): PolicyValue | undefined {
  if (typeof id !== "string") return id;
  if (env.holes.onlyHole(id) !== undefined) return id;
  const arn = parseArn(id);
  const oidc = arn?.service === "iam" ? /^oidc-provider\/(.+)$/.exec(arn.resource) : null;
  if (arn && oidc) {
    const issuer = oidc[1]!;
    if (/^oidc\.eks\./.test(issuer)) findings.push({ severity: "warning", kind: "note", reason: `The ${where} trusts the EKS OIDC issuer ${issuer} (IRSA). ACK clusters use RRSA: with enable_rrsa = true the cluster has its own RAM OIDC provider.`, action: "Trust the cluster's rrsa_metadata[0].ram_oidc_provider_arn and set oidc:sub to system:serviceaccount:<namespace>:<name>." });
    const ref = env.oidcProviderArn(issuer);
    if (ref !== undefined) return ref;
    const name = issuer.replace(/[^A-Za-z0-9.-]/g, "-").slice(0, 128);
    const out = `acs:ram::${mapAccount(arn.account, env)}:oidc-provider/${name}`;
    findings.push({ severity: "warning", kind: "value-mapped", reason: `The ${where} trusts the OIDC provider for ${issuer}, which this configuration does not create; it became "${env.holes.show(out)}".`, action: `Create the RAM OIDC provider (alicloud_ims_oidc_provider, oidc_provider_name = "${name}") or correct the name.` });
    return out;
  }
  const saml = arn?.service === "iam" ? /^saml-provider\/(.+)$/.exec(arn.resource) : null;
  if (arn && saml) {
    const out = `acs:ram::${mapAccount(arn.account, env)}:saml-provider/${saml[1]}`;
    findings.push({ severity: "info", kind: "value-mapped", reason: `In the ${where}, the SAML provider became "${env.holes.show(out)}"; it must exist as an alicloud_ram_saml_provider.` });
    return out;
  }
  findings.push({ severity: "warning", kind: "dropped", reason: `In the ${where}, the federated principal "${env.holes.show(id)}" has no RAM counterpart (RAM federates through OIDC and SAML providers) and was dropped.`, action: "Register the identity provider in RAM (alicloud_ims_oidc_provider or alicloud_ram_saml_provider) and trust it." });
  return undefined;
}

// ---- conditions ------------------------------------------------------------------------

/** RAM's condition operators (https://www.alibabacloud.com/help/en/ram/user-guide/policy-elements). */
const RAM_OPERATORS = new Set([
  "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
  "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
  "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
  "Bool", "IpAddress", "NotIpAddress",
]);

const ARN_OPERATORS: Record<string, string> = { ArnEquals: "StringEquals", ArnLike: "StringLike", ArnNotEquals: "StringNotEquals", ArnNotLike: "StringNotLike" };

/** The RAM operator for an AWS one, or why there is none. */
export function mapOperator(op: string): { to?: string; why?: string } {
  if (RAM_OPERATORS.has(op)) return { to: op };
  if (ARN_OPERATORS[op]) return { to: ARN_OPERATORS[op] };
  if (/^For(Any|All)Values:/.test(op)) return { why: "RAM has no multi-valued condition qualifiers (ForAnyValue/ForAllValues)" };
  if (op.endsWith("IfExists")) return { why: "RAM has no …IfExists operators" };
  return { why: `RAM has no ${op} operator` };
}

export interface KeyMapping {
  to?: string;
  note?: string;
  /** RAM's OIDC claim keys: the aud value must name Alibaba's STS. */
  claim?: string;
}

/** The RAM condition key for an AWS one (iam-condition-keys value map, OIDC claims, tag prefixes). */
export function mapConditionKey(key: string, map: ValueMap | undefined, holes: Holes): KeyMapping {
  const exact = lookupCaseless(map?.entries ?? {}, key);
  if (exact !== undefined) return { to: String(exact), ...noteOf(map, key) };
  const prefixes = ((map?.extra ?? {}) as { prefixes?: Record<string, string> }).prefixes ?? {};
  for (const [from, to] of Object.entries(prefixes)) if (key.toLowerCase().startsWith(from.toLowerCase())) return { to: to + key.slice(from.length), ...noteOf(map, from) };
  // "<issuer host>:sub" (token.actions.githubusercontent.com:sub, "${replace(aws_iam_openid_connect_provider.x.url, …)}:aud")
  const claim = /^(.+):([A-Za-z_]+)$/.exec(key);
  if (claim && (claim[1]!.includes(".") || claim[1]!.includes("/") || hasHole(claim[1]!))) {
    const name = claim[2]!;
    if (name === "sub" || name === "aud" || name === "iss") return { to: `oidc:${name}`, claim: name };
    return { note: `RAM's OIDC condition keys are oidc:iss, oidc:aud and oidc:sub; ${holes.show(key)} has none` };
  }
  const notes = map?.notes ?? {};
  const reason = notes[key] ?? Object.entries(notes).find(([k]) => key.toLowerCase().startsWith(k.toLowerCase()))?.[1] ?? notes[key.split(":")[0] ?? ""];
  return reason ? { note: reason } : {};
}

function translateCondition(c: PolicyValue, env: PolicyEnv, where: string, effect: string, principals: Set<string>, findings: Finding[]): PolicyValue | undefined {
  if (!isObject(c)) {
    findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the condition is computed, kept as written.`, action: "Make sure it uses RAM condition keys (acs:SourceIp, …)." });
    return c;
  }
  const widen = effect === "Deny" ? "this Deny statement now applies more widely than on AWS" : "this statement now allows more than on AWS";
  const out: PolicyObject = {};
  for (const [op, block] of Object.entries(c)) {
    const operator = mapOperator(op);
    if (!operator.to) {
      findings.push({ severity: "warning", kind: "dropped", reason: `In the ${where}, the condition ${op} ${describeKeys(block, env.holes)} was dropped: ${operator.why}; ${widen}.`, action: "Restrict the statement another way, or rewrite the condition with RAM operators." });
      continue;
    }
    if (operator.to !== op) findings.push({ severity: "info", kind: "value-mapped", reason: `In the ${where}, the condition operator ${op} → ${operator.to} (RAM compares ARNs as strings).` });
    if (!isObject(block)) {
      out[operator.to] = block;
      findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the ${op} condition is computed, kept as written.`, action: "Make sure it uses RAM condition keys." });
      continue;
    }
    const keys: PolicyObject = {};
    for (const [key, values] of Object.entries(block)) {
      const k = mapConditionKey(key, env.conditionKeys, env.holes);
      if (!k.to) {
        findings.push({ severity: "warning", kind: "dropped", reason: `In the ${where}, the condition ${op} ${env.holes.show(key)} was dropped: RAM has no such condition key${k.note ? ` (${k.note})` : ""}; ${widen}.`, action: "Restrict the statement another way (a narrower resource, a RAM condition key), if it matters." });
        continue;
      }
      let v = values;
      if (k.claim === "aud") v = mapValues(values, (s) => (s === "sts.amazonaws.com" ? "sts.aliyuncs.com" : s));
      if (k.to === "saml:recipient") v = mapValues(values, (s) => (s === "https://signin.aws.amazon.com/saml" ? "https://signin.aliyun.com/saml-role/sso" : s));
      if (k.to !== key || v !== values) findings.push({ severity: "info", kind: "value-mapped", reason: `In the ${where}, the condition key ${env.holes.show(key)} → ${k.to}${v !== values ? " (its value now names Alibaba Cloud)" : ""}${k.note ? `: ${k.note}` : ""}.` });
      if (k.to === "acs:SourceVpc" && hasAwsIds(values)) findings.push({ severity: "warning", kind: "note", reason: `In the ${where}, the acs:SourceVpc condition names AWS VPC ids.`, action: "Use the Alibaba Cloud VPC ids (references to the alicloud_vpc resources)." });
      if (k.claim && !principals.has("Federated")) findings.push({ severity: "info", kind: "note", reason: `The ${where} uses ${k.to} without a Federated principal.` });
      keys[k.to] = v;
    }
    if (Object.keys(keys).length > 0) out[operator.to] = keys;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function conditionKeys(c: PolicyValue, holes: Holes): string {
  return isObject(c) ? Object.entries(c).map(([op, block]) => `${op} ${describeKeys(block, holes)}`).join("; ") : "computed";
}

function describeKeys(block: PolicyValue, holes: Holes): string {
  return isObject(block) ? Object.keys(block).map((k) => holes.show(k)).join(", ") : "(computed)";
}

function mapValues(values: PolicyValue, fn: (s: string) => string): PolicyValue {
  if (typeof values === "string") {
    const t = fn(values);
    return t === values ? values : t;
  }
  if (Array.isArray(values)) {
    const mapped = values.map((v) => (typeof v === "string" ? fn(v) : v));
    return mapped.some((v, i) => v !== values[i]) ? mapped : values;
  }
  return values;
}

function hasAwsIds(values: PolicyValue): boolean {
  return asList(values).some((v) => typeof v === "string" && /^vpc-[0-9a-f]+$/.test(v));
}

// ---- references to AWS resources in ARNs --------------------------------------------------

/**
 * `aws_s3_bucket.logs.arn` → the RAM resource name built from attributes of
 * the same block (written in AWS form: the references stage renames them),
 * for the types whose Alibaba counterpart exports no ARN. Types whose
 * counterpart has one (aws_kms_key, aws_lambda_function, aws_iam_role, …)
 * keep the reference.
 */
const REFERENCE_RESOURCES: Record<string, (address: string, holes: Holes) => string> = {
  aws_s3_bucket: (a, h) => `acs:oss:*:*:${h.marker(`${a}.bucket`)}`,
  aws_dynamodb_table: (a, h) => `acs:ots:*:*:instance/${h.marker(`${a}.instance_name`)}/table/${h.marker(`${a}.name`)}`,
  aws_sqs_queue: (a, h) => `acs:mns:*:*:/queues/${h.marker(`${a}.name`)}`,
  aws_sns_topic: (a, h) => `acs:mns:*:*:/topics/${h.marker(`${a}.name`)}`,
  aws_cloudwatch_log_group: (a, h) => `acs:log:*:*:project/${h.marker(`${a}.project_name`)}/logstore/${h.marker(`${a}.name`)}`,
  aws_ecr_repository: (a, h) => `acs:cr:*:*:repository/*/${h.marker(`${a}.name`)}`,
};

/** `aws_s3_bucket.b.arn` (or `aws_s3_bucket.b[0].arn`) → "acs:oss:*:*:⟦aws_s3_bucket.b.bucket⟧"; undefined for other references. */
export function resourceOfReference(src: string, holes: Holes): string | undefined {
  const m = /^(aws_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?)\.arn$/.exec(src.trim());
  const build = m ? REFERENCE_RESOURCES[m[1]!] : undefined;
  return build ? build(`${m![1]}.${m![2]}`, holes) : undefined;
}
