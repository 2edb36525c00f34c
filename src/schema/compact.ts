/**
 * The compact provider schema: what aws2ali needs from `terraform providers
 * schema -json` to check emitted alicloud blocks, and nothing else.
 *
 * The full alicloud schema is ~4 MB; users do not have it, so the package
 * ships this derived form (schema/alicloud-provider-schema.json, built by
 * build-compact-schema.ts). Descriptions, defaults, force-new flags and
 * sensitivity are dropped because no check uses them. Keys are short because
 * ~26,000 attributes repeat them; each is documented on the interfaces below.
 */

/** Identifies the layout below; bump when it changes so stale files are rejected. */
export const COMPACT_SCHEMA_FORMAT = "aws2ali-compact-provider-schema/1";

export interface CompactSchema {
  format: typeof COMPACT_SCHEMA_FORMAT;
  /** The provider's key in the source file, e.g. `registry.terraform.io/aliyun/alicloud`. */
  provider_source: string;
  /** Provider version the schema was taken from, or "unknown". */
  provider_version: string;
  /** The `provider "alicloud"` block's own arguments (region, assume_role, …). */
  provider: CompactBlock;
  resources: Record<string, CompactBlock>;
  data_sources: Record<string, CompactBlock>;
}

/**
 * How an attribute may be used: "r" required, "o" optional, "oc" optional and
 * computed (provider fills it in when unset), "c" computed only (read-only).
 */
export type AttributeMode = "r" | "o" | "oc" | "c";

export interface CompactAttribute {
  /**
   * Type in Terraform's type-constraint syntax: "string", "number", "bool",
   * "dynamic", "list(string)", "map(string)", "set(number)". Object types are
   * written "object" without their fields (they only occur on computed
   * attributes of SDKv2 providers, where no check looks inside them), so a
   * list of objects is "list(object)".
   */
  t: string;
  m: AttributeMode;
  /** Present when deprecated: the provider's deprecation message ("" when it gives none). */
  dep?: string;
  /** The values the provider accepts (string arguments validated against a fixed list). */
  enum?: string[];
  /** Arguments that must not be set together with this one (SDKv2 paths from the block root, e.g. `a.0.b`). */
  conflicts?: string[];
  /** A group of arguments of which exactly one must be set (includes this one). */
  one_of?: string[];
}

export type NestingMode = "single" | "group" | "list" | "set" | "map";

export interface CompactBlock {
  /** Attributes by name (arguments and read-only attributes alike; see `m`). */
  attrs: Record<string, CompactAttribute>;
  /** Nested block types by name; absent when there are none. */
  blocks?: Record<string, CompactNestedBlock>;
}

export interface CompactNestedBlock extends CompactBlock {
  nesting: NestingMode;
  /** min_items, when > 0. */
  min?: number;
  /** max_items, when > 0. */
  max?: number;
  /**
   * The block must be present. `min` alone does not say so: SDKv2 enforces
   * MinItems only on blocks that are written (see requiredBlocksMarked).
   */
  req?: true;
  /** Present when the block type is deprecated: the message, or "" when there is none. */
  dep?: string;
}

/** Provider keys end with this; other providers in a multi-provider file are ignored. */
const ALICLOUD_SOURCE_SUFFIX = "aliyun/alicloud";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const strings = value.filter((v): v is string => typeof v === "string");
  return strings.length > 0 ? strings : undefined;
}

/** Copies an object with its keys sorted, so the output does not depend on the input's key order. */
function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const list = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(list);
}

/**
 * Picks the alicloud provider out of `provider_schemas`. A real `terraform
 * providers schema -json` run lists every provider of the configuration, so
 * match on the source suffix; a file holding a single provider is taken as is.
 */
function selectProvider(full: unknown): { source: string; schema: Json } {
  if (!isObject(full) || !isObject(full.provider_schemas)) {
    throw new Error("not a provider schema: expected a `provider_schemas` object (output of `terraform providers schema -json`)");
  }
  const providers = Object.entries(full.provider_schemas);
  const match =
    providers.find(([key]) => key.endsWith(ALICLOUD_SOURCE_SUFFIX)) ?? (providers.length === 1 ? providers[0] : undefined);
  if (match === undefined) {
    const keys = providers.map(([key]) => key).join(", ") || "none";
    throw new Error(`no ${ALICLOUD_SOURCE_SUFFIX} provider in provider_schemas (found: ${keys})`);
  }
  const [source, schema] = match;
  if (!isObject(schema)) throw new Error(`provider_schemas["${source}"] is not an object`);
  return { source, schema };
}

/**
 * Renders a JSON type (`"string"`, `["list","string"]`, `["object",{…}]`) in
 * type-constraint syntax, collapsing object types to "object" (see CompactAttribute.t).
 */
export function compactType(type: unknown): string {
  if (typeof type === "string") return type;
  if (!Array.isArray(type) || typeof type[0] !== "string") return "dynamic";
  const [kind, element] = type as [string, unknown];
  if (kind === "object") return "object";
  if (kind === "tuple") return "tuple";
  return `${kind}(${compactType(element)})`;
}

/** Plugin-framework attributes carry `nested_type` instead of `type`; SDKv2 providers such as alicloud never do. */
function nestedAttributeType(nested: Json): string {
  switch (nested.nesting_mode) {
    case "list":
      return "list(object)";
    case "set":
      return "set(object)";
    case "map":
      return "map(object)";
    default:
      return "object";
  }
}

function attributeMode(raw: Json): AttributeMode {
  if (raw.required === true) return "r";
  const optional = raw.optional === true;
  const computed = raw.computed === true;
  if (optional && computed) return "oc";
  if (computed) return "c";
  return "o";
}

/** `deprecated: true` is what terraform prints; `x_deprecation` is the alicloud file's message. */
function deprecationMessage(flag: unknown, message: unknown): string | undefined {
  if (typeof message === "string" && message !== "") return message;
  if (flag === true) return "";
  if (typeof flag === "string") return flag;
  return undefined;
}

function compactAttribute(raw: Json): CompactAttribute {
  const attribute: CompactAttribute = {
    t: isObject(raw.nested_type) ? nestedAttributeType(raw.nested_type) : compactType(raw.type),
    m: attributeMode(raw),
  };
  const dep = deprecationMessage(raw.deprecated, raw.x_deprecation);
  if (dep !== undefined) attribute.dep = dep;
  const values = stringList(raw.x_enum);
  if (values) attribute.enum = values;
  const conflicts = stringList(raw.x_conflicts_with);
  if (conflicts) attribute.conflicts = conflicts;
  const oneOf = stringList(raw.x_exactly_one_of);
  if (oneOf) attribute.one_of = oneOf;
  return attribute;
}

function compactBlock(raw: unknown, marks: SourceMarks): CompactBlock {
  const block = isObject(raw) ? raw : {};
  const attributes = isObject(block.attributes) ? block.attributes : {};
  const result: CompactBlock = {
    attrs: sortedRecord(
      Object.entries(attributes)
        .filter((entry): entry is [string, Json] => isObject(entry[1]))
        .map(([name, attr]) => [name, compactAttribute(attr)]),
    ),
  };
  const blockTypes = isObject(block.block_types) ? block.block_types : {};
  const nested = Object.entries(blockTypes)
    .filter((entry): entry is [string, Json] => isObject(entry[1]))
    .map(([name, blockType]): [string, CompactNestedBlock] => [name, compactNestedBlock(blockType, marks)]);
  if (nested.length > 0) result.blocks = sortedRecord(nested);
  return result;
}

/**
 * How the source encodes required blocks. Terraform's own output has no
 * "required" flag for blocks: the SDK prints min_items >= 1 for a required
 * block and zeroes MinItems of optional ones (helper/schema/core_schema.go).
 * The alicloud file in ../shared instead copies MinItems from the Go source
 * and marks required blocks with `x_required`, so there an optional block
 * can carry min_items (alicloud_instance.data_disks: min 1, optional).
 */
interface SourceMarks {
  requiredBlocksMarked: boolean;
}

/** Whether any block type in this block, at any depth, carries `x_required`; stops at the first. */
function blockMarksRequired(block: unknown): boolean {
  if (!isObject(block) || !isObject(block.block_types)) return false;
  return Object.values(block.block_types).some(
    (blockType) => isObject(blockType) && (Object.hasOwn(blockType, "x_required") || blockMarksRequired(blockType.block)),
  );
}

function sourceMarksRequiredBlocks(provider: Json, schema: Json): boolean {
  const schemas = [schema.resource_schemas, schema.data_source_schemas].flatMap((map) => (isObject(map) ? Object.values(map) : []));
  return [provider, ...schemas].some((entry) => isObject(entry) && blockMarksRequired(entry.block));
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

const NESTING_MODES: readonly NestingMode[] = ["single", "group", "list", "set", "map"];

function compactNestedBlock(raw: Json, marks: SourceMarks): CompactNestedBlock {
  const nesting = NESTING_MODES.find((mode) => mode === raw.nesting_mode) ?? "list";
  const inner = isObject(raw.block) ? raw.block : {};
  // Key order here is the output order: nesting facts first, then the body.
  const result: CompactNestedBlock = { nesting, attrs: {} };
  const min = positiveInteger(raw.min_items);
  if (min !== undefined) result.min = min;
  const max = positiveInteger(raw.max_items);
  if (max !== undefined) result.max = max;
  if (raw.x_required === true || (!marks.requiredBlocksMarked && min !== undefined)) result.req = true;
  // Terraform prints block deprecation on the inner block; the alicloud file adds `x_deprecated` on the block type.
  const dep = deprecationMessage(raw.x_deprecated ?? inner.deprecated, raw.x_deprecation);
  if (dep !== undefined) result.dep = dep;
  const body = compactBlock(inner, marks);
  result.attrs = body.attrs;
  if (body.blocks) result.blocks = body.blocks;
  return result;
}

function compactSchemaMap(raw: unknown, marks: SourceMarks): Record<string, CompactBlock> {
  if (!isObject(raw)) return {};
  return sortedRecord(
    Object.entries(raw)
      .filter((entry): entry is [string, Json] => isObject(entry[1]))
      .map(([type, schema]) => [type, compactBlock(schema.block, marks)]),
  );
}

/**
 * Derives the compact schema from parsed `terraform providers schema -json`
 * output (or the alicloud file in /work/shared, which adds `x_*` keys).
 * Unknown keys are ignored; output key order is sorted, so the same input
 * always serialises to the same bytes.
 */
export function compactProviderSchema(full: unknown, providerVersion = "unknown"): CompactSchema {
  const { source, schema } = selectProvider(full);
  const provider = isObject(schema.provider) ? schema.provider : {};
  const marks: SourceMarks = { requiredBlocksMarked: sourceMarksRequiredBlocks(provider, schema) };
  return {
    format: COMPACT_SCHEMA_FORMAT,
    provider_source: source,
    provider_version: providerVersion,
    provider: compactBlock(provider.block, marks),
    resources: compactSchemaMap(schema.resource_schemas, marks),
    data_sources: compactSchemaMap(schema.data_source_schemas, marks),
  };
}

/** One line of minified JSON: the shipped file is data for the loader, not for reading, and this keeps the package small. */
export function serialiseCompactSchema(schema: CompactSchema): string {
  return JSON.stringify(schema) + "\n";
}
