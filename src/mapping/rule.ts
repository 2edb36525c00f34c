/**
 * The mapping table's rule format and its validation. A rule is data: one
 * YAML file per AWS resource or data-source type in mappings/. Anything a
 * rule drops must say why and what to do, or the rule does not load.
 */

export type Status = "translated" | "partial" | "manual";
export type Kind = "resource" | "data";

/** What to do with one AWS argument. A string is shorthand for `{ to: string }`. */
export interface ArgumentRule {
  /** Target argument name. */
  to?: string;
  /** Literal value map: AWS literal → alicloud literal (strings, numbers and bools as text). */
  values?: Record<string, string | number | boolean>;
  /** Name of a value map in mappings/values/ (regions, instance-types, …). */
  value_map?: string;
  /** Named value transform in src/transforms/values.ts (for what a map cannot say). */
  value_transform?: string;
  /**
   * References in the value that read another block's `arn` read this attribute instead: Alibaba
   * arguments such as kms_key_id take an id where AWS took an ARN.
   */
  ref_attribute?: string;
  /** Drop the argument: it has no equivalent. `reason` and `action` are then required. */
  drop?: boolean;
  reason?: string;
  action?: string;
  /** info: nothing for a person to do (the block stays `translated`); warning: someone must look (`partial`). */
  severity?: "info" | "warning";
}

/** What to do with a nested block. A string is shorthand for `{ to: string }` with arguments copied. */
export interface BlockRule {
  to?: string;
  drop?: boolean;
  reason?: string;
  action?: string;
  severity?: "info" | "warning";
  arguments?: Record<string, ArgumentRule | string>;
  blocks?: Record<string, BlockRule | string>;
  /** Turn the nested block into arguments of its parent (e.g. versioning_configuration { status } → status). */
  flatten?: boolean;
}

/** How a reference `aws_x.name.<attr>` from elsewhere is rewritten. A string is shorthand for `{ to: string }`. */
export interface AttributeRule {
  /** Target attribute name; may be a path such as `zones` with `element`. */
  to?: string;
  /**
   * An HCL expression the reference becomes, with `{self}` standing for the translated block
   * (`{self}[count.index]` keeps instance keys): `"${{self}.bucket}.${{self}.extranet_endpoint}"`.
   */
  template?: string;
  /** After an index or splat on the attribute, this sub-attribute of each element (names[i] → zones[i].id). */
  element?: string;
  /** Address of another emitted block the attribute now lives on, relative: `alicloud_eip_address.{name}`. */
  on?: string;
  /** No equivalent: the reference becomes an input variable; reason and action are required. */
  drop?: boolean;
  reason?: string;
  action?: string;
}

export interface ManualRule {
  reason: string;
  action: string;
  /** The closest Alibaba Cloud service or resource, for the report. */
  alternative?: string;
  /** Rough person-hours to do it by hand, for the readiness report. */
  effort_hours?: number;
}

export interface Rule {
  aws_type: string;
  kind: Kind;
  service: string;
  /** One line for the README's supported-types table. */
  summary: string;
  /** Target alicloud type; absent for manual rules. */
  to?: string;
  /** Target kind when it differs (a resource that becomes a data source, …). */
  to_kind?: Kind;
  /** The tag `Name` becomes this argument (vpc_name, vswitch_name, …). */
  tag_name?: string;
  /** Literal HCL expressions injected as arguments: `nat_type: '"Enhanced"'`. */
  set?: Record<string, string>;
  arguments?: Record<string, ArgumentRule | string>;
  blocks?: Record<string, BlockRule | string>;
  attributes?: Record<string, AttributeRule | string>;
  /** Named TypeScript transform (src/transforms/) run after the data rules. */
  transform?: string;
  /** Present on rules with no target: why, and what a person should do. */
  manual?: ManualRule;
  notes?: string;
  docs?: string[];
  /** Where the rule came from (built-in or a user's --mappings folder); set by the loader. */
  origin?: string;
}

export class RuleError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

const RULE_KEYS = new Set(["aws_type", "kind", "service", "summary", "to", "to_kind", "tag_name", "set", "arguments", "blocks", "attributes", "transform", "manual", "notes", "docs"]);
const ARG_KEYS = new Set(["to", "values", "value_map", "value_transform", "ref_attribute", "drop", "reason", "action", "severity"]);
const BLOCK_KEYS = new Set(["to", "drop", "reason", "action", "severity", "arguments", "blocks", "flatten"]);
const ATTR_KEYS = new Set(["to", "template", "element", "on", "drop", "reason", "action"]);
const NAME = /^[a-z][a-z0-9_]*$/;

type Check = (cond: boolean, message: string) => void;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Validate a parsed YAML document as a rule; throws RuleError naming the file and the first problem. */
export function validateRule(doc: unknown, file: string): Rule {
  const check: Check = (cond, message) => {
    if (!cond) throw new RuleError(file, message);
  };
  check(isObject(doc), "a rule must be a YAML mapping");
  const r = doc as Record<string, unknown>;
  for (const k of Object.keys(r)) check(RULE_KEYS.has(k), `unknown key '${k}'`);
  check(typeof r.aws_type === "string" && /^aws_[a-z0-9_]+$/.test(r.aws_type), "aws_type must name an AWS type such as aws_vpc");
  check(r.kind === "resource" || r.kind === "data", "kind must be 'resource' or 'data'");
  check(typeof r.service === "string" && r.service.length > 0, "service is required (e.g. VPC, OSS, RAM)");
  check(typeof r.summary === "string" && r.summary.length > 0, "summary is required: one line for the supported-types table");
  check(r.to === undefined || (typeof r.to === "string" && /^alicloud_[a-z0-9_]+$/.test(r.to)), "to must name an alicloud type");
  check(r.to !== undefined || r.manual !== undefined, "a rule needs a target ('to') or a 'manual' section saying why there is none");
  if (r.manual !== undefined) {
    check(isObject(r.manual), "manual must be a mapping with reason and action");
    const m = r.manual as Record<string, unknown>;
    check(typeof m.reason === "string" && m.reason.length > 0, "manual.reason is required");
    check(typeof m.action === "string" && m.action.length > 0, "manual.action is required");
  }
  if (r.arguments !== undefined) validateArguments(r.arguments, "arguments", check);
  if (r.blocks !== undefined) validateBlocks(r.blocks, "blocks", check);
  if (r.attributes !== undefined) {
    check(isObject(r.attributes), "attributes must be a mapping");
    for (const [name, a] of Object.entries(r.attributes as Record<string, unknown>)) {
      if (typeof a === "string") continue;
      check(isObject(a), `attributes.${name} must be a name or a mapping`);
      const ar = a as Record<string, unknown>;
      for (const k of Object.keys(ar)) check(ATTR_KEYS.has(k), `attributes.${name}: unknown key '${k}'`);
      if (ar.drop) requireReason(ar, `attributes.${name}`, check);
    }
  }
  if (r.set !== undefined) {
    check(isObject(r.set), "set must map argument names to HCL expressions");
    for (const [k, v] of Object.entries(r.set as Record<string, unknown>)) check(typeof v === "string", `set.${k} must be an HCL expression written as a string, e.g. '"Enhanced"'`);
  }
  return r as unknown as Rule;
}

function requireReason(x: Record<string, unknown>, where: string, check: Check): void {
  check(typeof x.reason === "string" && x.reason.length > 0, `${where} is dropped without a 'reason'`);
  check(typeof x.action === "string" && x.action.length > 0, `${where} is dropped without a suggested 'action'`);
}

function validateArguments(args: unknown, where: string, check: Check): void {
  check(isObject(args), `${where} must be a mapping`);
  for (const [name, a] of Object.entries(args as Record<string, unknown>)) {
    check(NAME.test(name), `${where}: '${name}' is not an argument name`);
    if (typeof a === "string") continue;
    check(isObject(a), `${where}.${name} must be a target name or a mapping`);
    const ar = a as Record<string, unknown>;
    for (const k of Object.keys(ar)) check(ARG_KEYS.has(k), `${where}.${name}: unknown key '${k}'`);
    if (ar.drop) requireReason(ar, `${where}.${name}`, check);
    else check(ar.to !== undefined || ar.values !== undefined || ar.value_map !== undefined || ar.value_transform !== undefined || ar.ref_attribute !== undefined, `${where}.${name} needs 'to', a value mapping, or 'drop' with a reason`);
    if (ar.severity !== undefined) check(ar.severity === "info" || ar.severity === "warning", `${where}.${name}.severity must be info or warning`);
  }
}

function validateBlocks(blocks: unknown, where: string, check: Check): void {
  check(isObject(blocks), `${where} must be a mapping`);
  for (const [name, b] of Object.entries(blocks as Record<string, unknown>)) {
    if (typeof b === "string") continue;
    check(isObject(b), `${where}.${name} must be a target name or a mapping`);
    const br = b as Record<string, unknown>;
    for (const k of Object.keys(br)) check(BLOCK_KEYS.has(k), `${where}.${name}: unknown key '${k}'`);
    if (br.drop) requireReason(br, `${where}.${name}`, check);
    if (br.arguments !== undefined) validateArguments(br.arguments, `${where}.${name}.arguments`, check);
    if (br.blocks !== undefined) validateBlocks(br.blocks, `${where}.${name}.blocks`, check);
  }
}

export function argumentRule(r: ArgumentRule | string | undefined): ArgumentRule | undefined {
  return typeof r === "string" ? { to: r } : r;
}

export function blockRule(r: BlockRule | string | undefined): BlockRule | undefined {
  return typeof r === "string" ? { to: r } : r;
}

export function attributeRule(r: AttributeRule | string | undefined): AttributeRule | undefined {
  return typeof r === "string" ? { to: r } : r;
}
