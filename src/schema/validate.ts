/**
 * Checks one emitted block against the alicloud provider schema, the way
 * `terraform validate` would, without needing terraform or the provider
 * binary. Input is a neutral shape (the pipeline converts its syntax tree),
 * output is a list of Diagnostics; nothing is printed here.
 *
 * Finding codes (all `schema.*`; severity error unless noted):
 *   unknown-type, unknown-argument, unknown-block,
 *   missing-required-argument, missing-required-block, missing-one-of-arguments,
 *   too-many-blocks, too-few-blocks, value-not-in-enum,
 *   computed-only-argument, conflicting-arguments,
 *   deprecated-argument (warning), deprecated-block (warning).
 */
import type { Diagnostic, Range, Severity } from "../hcl/diagnostics.js";
import type { CompactAttribute, CompactBlock, CompactNestedBlock, CompactSchema } from "./compact.js";

/** An argument's value: `literal` is set only when the expression is a plain literal (known = true). */
export interface ValueShape {
  literal?: string | number | boolean | null;
  known: boolean;
  range: Range;
}

export interface AttributeShape {
  nameRange: Range;
  value: ValueShape;
}

/**
 * A nested block. For a `dynamic "x"` block, `name` is its label ("x"),
 * `dynamic` is true and `body` is the body of its `content` block.
 */
export interface NestedBlockShape {
  name: string;
  dynamic: boolean;
  range: Range;
  body: BodyShape;
}

export interface BodyShape {
  /** In source order (Map keeps insertion order), so findings come out in source order too. */
  attributes: Map<string, AttributeShape>;
  blocks: NestedBlockShape[];
}

export type BlockKind = "resource" | "data" | "provider";

export interface BlockShape {
  kind: BlockKind;
  /** Resource or data source type (`alicloud_vpc`), or the provider's local name (`alicloud`). */
  type: string;
  file: string;
  range: Range;
  /** The type label (or the provider name label): where block-level findings point. */
  typeRange: Range;
  body: BodyShape;
}

/** Terraform's own arguments, valid on every block of a kind whatever the provider says. */
const META_ARGUMENTS: Record<BlockKind, { attributes: ReadonlySet<string>; blocks: ReadonlySet<string> }> = {
  resource: {
    attributes: new Set(["count", "for_each", "provider", "depends_on"]),
    blocks: new Set(["lifecycle", "provisioner", "connection"]),
  },
  data: {
    attributes: new Set(["count", "for_each", "provider", "depends_on"]),
    blocks: new Set(["lifecycle"]),
  },
  provider: {
    attributes: new Set(["alias", "version"]),
    blocks: new Set(),
  },
};

/** Where we are while walking a block: enough to name things in messages and to resolve SDK paths. */
interface Walk {
  schema: CompactSchema;
  block: BlockShape;
  /** `resource "alicloud_vpc"`, as written in the header: used in every summary. */
  subject: string;
  findings: Diagnostic[];
  /** Conflicting pairs already reported (SDK paths): constraints are usually declared on both sides. */
  reportedPairs: Array<[string, string]>;
  /** ExactlyOneOf groups already checked: each is listed on every member. */
  checkedGroups: Set<string>;
}

/** Position of a body inside the block, for messages ("scaling_config") and SDK paths ("scaling_config.0"). */
interface Location {
  /** Block names from the root, e.g. ["scaling_config"]. */
  names: string[];
  /** The SDK path prefix ("scaling_config.0."), or undefined inside a dynamic block, where indexes are unknowable. */
  sdkPrefix: string | undefined;
  /** Where findings about the body as a whole point (a missing argument has no range of its own). */
  range: Range;
}

export function validateBlock(schema: CompactSchema, block: BlockShape): Diagnostic[] {
  const walk: Walk = { schema, block, subject: subjectOf(block), findings: [], reportedPairs: [], checkedGroups: new Set() };
  const blockSchema = schemaFor(schema, block);
  if (!blockSchema) {
    report(walk, "error", "schema.unknown-type", unknownTypeSummary(block), unknownTypeDetail(schema, block), block.typeRange);
    return walk.findings;
  }
  checkBody(walk, blockSchema, block.body, { names: [], sdkPrefix: "", range: block.typeRange });
  return walk.findings;
}

function subjectOf(block: BlockShape): string {
  return `${block.kind} "${block.type}"`;
}

function schemaFor(schema: CompactSchema, block: BlockShape): CompactBlock | undefined {
  switch (block.kind) {
    case "resource":
      return Object.hasOwn(schema.resources, block.type) ? schema.resources[block.type] : undefined;
    case "data":
      return Object.hasOwn(schema.data_sources, block.type) ? schema.data_sources[block.type] : undefined;
    case "provider":
      // The schema describes one provider; its local name is the last part of the source address.
      return block.type === providerName(schema) ? schema.provider : undefined;
  }
}

function providerName(schema: CompactSchema): string {
  return schema.provider_source.split("/").pop() ?? "alicloud";
}

function report(walk: Walk, severity: Severity, code: string, summary: string, detail: string, range: Range): void {
  walk.findings.push({ severity, code, summary, detail, file: walk.block.file, range });
}

function unknownTypeSummary(block: BlockShape): string {
  if (block.kind === "provider") return `Unknown provider "${block.type}"`;
  return `Unknown ${block.kind === "data" ? "data source" : "resource"} type "${block.type}"`;
}

function unknownTypeDetail(schema: CompactSchema, block: BlockShape): string {
  const version = `${providerName(schema)} provider ${schema.provider_version}`;
  if (block.kind === "provider") {
    return `Only the ${version} schema is known here; check the provider name.`;
  }
  const known = Object.keys(block.kind === "data" ? schema.data_sources : schema.resources);
  const what = block.kind === "data" ? "data source" : "resource";
  return `The ${version} has no ${what} of this type${didYouMean(block.type, known)}; fix the mapping rule that emitted it.`;
}

// ---------------------------------------------------------------------------
// Bodies

function checkBody(walk: Walk, schema: CompactBlock, body: BodyShape, at: Location): void {
  const meta = at.names.length === 0 ? META_ARGUMENTS[walk.block.kind] : undefined;
  for (const [name, attribute] of body.attributes) {
    if (meta?.attributes.has(name)) continue;
    checkAttribute(walk, schema, name, attribute, at);
  }
  checkRequiredAttributes(walk, schema, body, at);
  checkOneOfGroups(walk, schema, at);
  checkNestedBlocks(walk, schema, body, at, meta?.blocks);
}

function pathOf(at: Location, name: string): string {
  return [...at.names, name].join(".");
}

/** Unset in Terraform's eyes: `x = null` is the same as leaving `x` out. */
function isUnset(attribute: AttributeShape | undefined): boolean {
  return attribute === undefined || (attribute.value.known && attribute.value.literal === null);
}

function checkAttribute(walk: Walk, schema: CompactBlock, name: string, attribute: AttributeShape, at: Location): void {
  const path = pathOf(at, name);
  const spec = Object.hasOwn(schema.attrs, name) ? schema.attrs[name] : undefined;
  if (!spec) {
    report(walk, "error", "schema.unknown-argument", `Unknown argument "${path}" in ${walk.subject}`, unknownArgumentDetail(schema, name), attribute.nameRange);
    return;
  }
  if (isUnset(attribute)) return;
  if (spec.m === "c") {
    report(
      walk,
      "error",
      "schema.computed-only-argument",
      `Read-only attribute "${path}" is set in ${walk.subject}`,
      `The provider computes "${name}" and rejects a value for it; remove the argument and read the attribute from the resource instead.`,
      attribute.nameRange,
    );
    return;
  }
  if (spec.dep !== undefined) {
    report(walk, "warning", "schema.deprecated-argument", `Deprecated argument "${path}" in ${walk.subject}`, deprecationDetail(spec.dep, "argument"), attribute.nameRange);
  }
  checkEnum(walk, spec, path, attribute.value);
  checkConflicts(walk, spec, name, attribute, at);
}

function unknownArgumentDetail(schema: CompactBlock, name: string): string {
  if (schema.blocks && Object.hasOwn(schema.blocks, name)) {
    return `"${name}" is a nested block here, not an argument: write it as ${name} { … }.`;
  }
  return `The provider does not accept this argument${didYouMean(name, settableNames(schema))}; remove it or map it to a supported argument.`;
}

function settableNames(schema: CompactBlock): string[] {
  const attributes = Object.entries(schema.attrs)
    .filter(([, spec]) => spec.m !== "c")
    .map(([name]) => name);
  return [...attributes, ...Object.keys(schema.blocks ?? {})];
}

function deprecationDetail(message: string, what: "argument" | "block"): string {
  if (message === "") return `The provider marks this ${what} as deprecated; use its replacement.`;
  return `The provider says: "${message}" Use the replacement it names, or drop the ${what} if there is none.`;
}

/** Only a literal string can be checked; an expression's value is unknown until plan. */
function checkEnum(walk: Walk, spec: CompactAttribute, path: string, value: ValueShape): void {
  if (!spec.enum || !value.known || typeof value.literal !== "string") return;
  const literal = value.literal;
  if (spec.enum.includes(literal)) return;
  const caseMatch = spec.enum.find((allowed) => allowed.toLowerCase() === literal.toLowerCase());
  const hint = caseMatch === undefined ? "" : ` "${caseMatch}" differs only in letter case; write it exactly as listed.`;
  report(
    walk,
    "error",
    "schema.value-not-in-enum",
    `Value "${literal}" is not accepted for "${path}" in ${walk.subject}`,
    `Accepted values: ${spec.enum.map((v) => `"${v}"`).join(", ")}.${hint}`,
    value.range,
  );
}

function checkRequiredAttributes(walk: Walk, schema: CompactBlock, body: BodyShape, at: Location): void {
  for (const [name, spec] of Object.entries(schema.attrs)) {
    if (spec.m !== "r" || !isUnset(body.attributes.get(name))) continue;
    report(
      walk,
      "error",
      "schema.missing-required-argument",
      `Missing required argument "${pathOf(at, name)}" in ${walk.subject}`,
      `The provider rejects this block without "${name}" (${spec.t}); set it.`,
      at.range,
    );
  }
}

// ---------------------------------------------------------------------------
// Argument constraints (SDKv2 ConflictsWith / ExactlyOneOf). Their keys are
// paths from the resource root ("system_disk_category", "a.0.b"), even when
// declared on a nested attribute, so they are resolved from the root body.

type Presence = "set" | "unset" | "unknown";

/** Whether the SDK path `path` is set in the block, following "name.index" steps through nested blocks. */
function presenceAt(root: BodyShape, path: string): Presence {
  const parts = path.split(".");
  let body = root;
  while (parts.length > 1) {
    const name = parts.shift() as string;
    const index = /^\d+$/.test(parts[0] ?? "") ? Number(parts.shift()) : 0;
    const matching = body.blocks.filter((b) => b.name === name);
    if (matching.some((b) => b.dynamic)) return "unknown";
    const next = matching[index];
    if (!next) return "unset";
    body = next.body;
  }
  const last = parts[0] ?? "";
  if (body.attributes.has(last)) return isUnset(body.attributes.get(last)) ? "unset" : "set";
  const blocks = body.blocks.filter((b) => b.name === last);
  if (blocks.some((b) => !b.dynamic)) return "set";
  return blocks.length > 0 ? "unknown" : "unset";
}

function checkConflicts(walk: Walk, spec: CompactAttribute, name: string, attribute: AttributeShape, at: Location): void {
  if (!spec.conflicts || at.sdkPrefix === undefined) return;
  const own = at.sdkPrefix + name;
  for (const other of spec.conflicts) {
    if (other === own || presenceAt(walk.block.body, other) !== "set") continue;
    if (alreadyReported(walk, own, other)) continue;
    walk.reportedPairs.push([own, other]);
    report(
      walk,
      "error",
      "schema.conflicting-arguments",
      `Conflicting arguments "${displayPath(own)}" and "${displayPath(other)}" in ${walk.subject}`,
      `The provider accepts only one of them; ${keepAdvice(walk, [own, other])}`,
      attribute.nameRange,
    );
  }
}

/** Whether two SDK paths name the same thing or one contains the other ("system_disk" and "system_disk.0.category"). */
function samePlace(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * One conflict is often declared several ways (alicloud_ecs_launch_template:
 * system_disk_category conflicts with the system_disk block, and
 * system_disk.0.category with system_disk_category); report it once.
 */
function alreadyReported(walk: Walk, a: string, b: string): boolean {
  return walk.reportedPairs.some(
    ([x, y]) => (samePlace(a, x) && samePlace(b, y)) || (samePlace(a, y) && samePlace(b, x)),
  );
}

/** "a.0.b" → "a.b": indexes are SDK plumbing, the user wrote nested blocks. */
function displayPath(sdkPath: string): string {
  return sdkPath
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .join(".");
}

/** Suggests keeping the non-deprecated argument of a group, which is nearly always the intent. */
function keepAdvice(walk: Walk, paths: string[]): string {
  const current = paths.filter((p) => attributeAtPath(walk, p)?.dep === undefined);
  if (current.length === 1) return `keep "${displayPath(current[0] as string)}" and remove the other.`;
  return "remove all but one.";
}

function attributeAtPath(walk: Walk, sdkPath: string): CompactAttribute | undefined {
  const names = displayPath(sdkPath).split(".");
  const last = names.pop() as string;
  let block = schemaFor(walk.schema, walk.block);
  for (const name of names) block = block?.blocks?.[name];
  return block && Object.hasOwn(block.attrs, last) ? block.attrs[last] : undefined;
}

/** Each ExactlyOneOf group is listed on every member; check it once per block. */
function checkOneOfGroups(walk: Walk, schema: CompactBlock, at: Location): void {
  for (const spec of Object.values(schema.attrs)) {
    if (!spec.one_of) continue;
    const group = [...new Set(spec.one_of)].sort();
    const key = group.join("|");
    if (walk.checkedGroups.has(key)) continue;
    walk.checkedGroups.add(key);
    const presence = group.map((path) => presenceAt(walk.block.body, path));
    if (presence.includes("unknown")) continue;
    const set = group.filter((_, i) => presence[i] === "set");
    if (set.length === 0) {
      report(
        walk,
        "error",
        "schema.missing-one-of-arguments",
        `Missing one of ${group.map((p) => `"${displayPath(p)}"`).join(", ")} in ${walk.subject}`,
        `The provider requires exactly one of these arguments; set ${preferredOf(walk, group)}.`,
        at.range,
      );
    } else if (set.length > 1) {
      reportOneOfConflict(walk, set, at);
    }
  }
}

function preferredOf(walk: Walk, group: string[]): string {
  const current = group.filter((p) => attributeAtPath(walk, p)?.dep === undefined);
  return current.length === 1 ? `"${displayPath(current[0] as string)}"` : "one of them";
}

function reportOneOfConflict(walk: Walk, set: string[], at: Location): void {
  // The same pair may also be declared with ConflictsWith; report it once.
  const pairs = pairsOf(set);
  if (pairs.every(([a, b]) => alreadyReported(walk, a, b))) return;
  walk.reportedPairs.push(...pairs);
  const last = set[set.length - 1] as string;
  const range = !last.includes(".") ? (walk.block.body.attributes.get(last)?.nameRange ?? at.range) : at.range;
  report(
    walk,
    "error",
    "schema.conflicting-arguments",
    `Conflicting arguments ${set.map((p) => `"${displayPath(p)}"`).join(" and ")} in ${walk.subject}`,
    `The provider requires exactly one of them; ${keepAdvice(walk, set)}`,
    range,
  );
}

function pairsOf(items: string[]): Array<[string, string]> {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): [string, string] => [a, b]));
}

// ---------------------------------------------------------------------------
// Nested blocks

function checkNestedBlocks(walk: Walk, schema: CompactBlock, body: BodyShape, at: Location, metaBlocks: ReadonlySet<string> | undefined): void {
  const indexByName = new Map<string, number>();
  for (const nested of body.blocks) {
    if (metaBlocks?.has(nested.name)) continue;
    const spec = schema.blocks && Object.hasOwn(schema.blocks, nested.name) ? schema.blocks[nested.name] : undefined;
    if (!spec) {
      report(walk, "error", "schema.unknown-block", `Unknown block "${pathOf(at, nested.name)}" in ${walk.subject}`, unknownBlockDetail(schema, nested.name), nested.range);
      continue;
    }
    if (spec.dep !== undefined) {
      report(walk, "warning", "schema.deprecated-block", `Deprecated block "${pathOf(at, nested.name)}" in ${walk.subject}`, deprecationDetail(spec.dep, "block"), nested.range);
    }
    const index = indexByName.get(nested.name) ?? 0;
    if (!nested.dynamic) indexByName.set(nested.name, index + 1);
    checkBody(walk, spec, nested.body, {
      names: [...at.names, nested.name],
      sdkPrefix: nested.dynamic || at.sdkPrefix === undefined ? undefined : `${at.sdkPrefix}${nested.name}.${index}.`,
      range: nested.range,
    });
  }
  for (const [name, spec] of Object.entries(schema.blocks ?? {})) {
    checkBlockCount(walk, name, spec, body.blocks.filter((b) => b.name === name), at);
  }
}

function unknownBlockDetail(schema: CompactBlock, name: string): string {
  if (Object.hasOwn(schema.attrs, name)) {
    return `"${name}" is an argument here, not a block: write ${name} = … instead.`;
  }
  return `The provider does not accept this block${didYouMean(name, settableNames(schema))}; remove it or map it to a supported block.`;
}

/** Single-nested blocks allow one instance whatever max_items says. */
function maxItemsOf(spec: CompactNestedBlock): number | undefined {
  return spec.nesting === "single" || spec.nesting === "group" ? 1 : spec.max;
}

/**
 * Counts blocks of one type against min/max. A dynamic block may expand to
 * any number of blocks, so it satisfies a minimum and is not counted
 * against a maximum.
 */
function checkBlockCount(walk: Walk, name: string, spec: CompactNestedBlock, blocks: NestedBlockShape[], at: Location): void {
  const path = pathOf(at, name);
  const literal = blocks.filter((b) => !b.dynamic);
  const max = maxItemsOf(spec);
  if (max !== undefined && literal.length > max) {
    report(
      walk,
      "error",
      "schema.too-many-blocks",
      `Too many "${path}" blocks in ${walk.subject}`,
      `The provider accepts at most ${max} "${name}" block${max === 1 ? "" : "s"}, found ${literal.length}; merge or remove the extra ones.`,
      (literal[max] as NestedBlockShape).range,
    );
  }
  if (blocks.some((b) => b.dynamic)) return;
  // min_items binds only blocks that are written; `req` says one must be (see CompactNestedBlock.req).
  const min = spec.min ?? 0;
  if (literal.length === 0 && spec.req) {
    report(
      walk,
      "error",
      "schema.missing-required-block",
      `Missing required block "${path}" in ${walk.subject}`,
      `The provider rejects this block without a "${name}" block${min > 1 ? ` (at least ${min})` : ""}; add it.`,
      at.range,
    );
  } else if (literal.length > 0 && literal.length < min) {
    report(
      walk,
      "error",
      "schema.too-few-blocks",
      `Too few "${path}" blocks in ${walk.subject}`,
      `The provider needs at least ${min} "${name}" blocks, found ${literal.length}; add the missing ones.`,
      (literal[0] as NestedBlockShape).range,
    );
  }
}

// ---------------------------------------------------------------------------
// Suggestions

/** ", did you mean "x"?" for the closest candidate within a small edit distance, else "". */
function didYouMean(name: string, candidates: string[]): string {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(name, candidate);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best ? ` (did you mean "${best.name}"?)` : "";
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
