/**
 * aws_dynamodb_table → alicloud_ots_table in one alicloud_ots_instance per
 * folder, with secondary indexes as alicloud_ots_secondary_index.
 *
 * Tablestore keeps tables in an instance (DynamoDB has no such level), so
 * the first table of a folder emits the instance. Its primary key is an
 * ordered list of up to four typed columns (partition key first), declared
 * in primary_key blocks; a secondary index may only use primary-key and
 * predefined columns, so index keys and projected attributes are declared
 * as defined_column blocks. DynamoDB always encrypts tables; Tablestore does
 * when asked (enable_sse).
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { addBlock, getAttribute, quote, removeAttribute, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { instanceRef, repetition } from "./aws-graph.js";
import type { TransformContext } from "./context.js";
import { foldInto, keepAsManual } from "./fold.js";
import { retractChanges } from "./report-changes.js";
import { OTS_TABLE_NAME, sanitizedName } from "./resource-names.js";
import { stackBaseName, stackSingleton } from "./stack-singletons.js";

interface KeySchema {
  hash: string | undefined;
  range: string | undefined;
}

export function dynamodbTable(ctx: TransformContext): void {
  const absorbed = ctx.plan.absorbedInto;
  if (absorbed) {
    // The Terraform state lock table: the backend bootstrap creates it (frame stage); keep the AWS text in the comment.
    foldInto(ctx, absorbed.target, absorbed.reason);
    return;
  }
  const original = ctx.plan.original;
  const types = attributeTypes(ctx, original);
  const keys: KeySchema = { hash: literal(original, "hash_key"), range: literal(original, "range_key") };
  if (!keys.hash || !types.has(keys.hash)) {
    // Tablestore needs typed primary keys up front; computed key schemas cannot be written down.
    keepAsManual(ctx, { reason: "The table's key schema is computed (hash_key or its attribute type comes from an expression), and a Tablestore table needs its primary key columns and their types written out.", action: "Write one alicloud_ots_table per table with primary_key { name, type } blocks (String, Integer or Binary), in an alicloud_ots_instance.", alternative: "alicloud_ots_table", effort_hours: 1 });
    return;
  }
  const instance = otsInstance(ctx);
  setAttribute(ctx.block, "instance_name", `${instance}.name`);
  nameTable(ctx);
  addPrimaryKey(ctx, keys, types);
  const indexes = secondaryIndexes(original, keys);
  addDefinedColumns(ctx, keys, types, indexes);
  encrypt(ctx, original);
  emitIndexes(ctx, instance, indexes);
  ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: "The table is created empty: DynamoDB data is not migrated by Terraform.", action: "Copy the data with DataX / DataWorks (DynamoDB reader → Tablestore writer) or an export to OSS and the Tablestore import tools." });
}

function literal(block: Block, name: string): string | undefined {
  const a = getAttribute(block, name);
  const v = a ? staticValue(a.expr) : undefined;
  return typeof v === "string" ? v : undefined;
}

/** attribute { name, type } blocks → Tablestore column types (S → String, N → Integer, B → Binary). */
function attributeTypes(ctx: TransformContext, original: Block): Map<string, string> {
  const map = ctx.run.table.values.get("dynamodb-attribute-types");
  const out = new Map<string, string>();
  for (const a of blocksOf(original.body).filter((b) => b.blockType.text === "attribute")) {
    const name = literal(a, "name");
    const type = literal(a, "type");
    if (name && type) out.set(name, String(map?.entries[type] ?? "String"));
  }
  return out;
}

function otsInstance(ctx: TransformContext): string {
  // Tablestore instance names: 3–16 letters, digits and hyphens, starting with a letter.
  const name = `${stackBaseName(ctx.stack).replace(/^[^a-z]+/, "").slice(0, 12) || "app"}-ots`;
  const spec: BlockSpec = {
    type: "resource",
    labels: ["alicloud_ots_instance", "this"],
    items: [
      { attr: "name", expr: quote(name) },
      { attr: "description", expr: quote("Tables migrated from DynamoDB by aws2ali") },
      { attr: "instance_type", expr: '"HighPerformance"' },
      { attr: "accessed_by", expr: '"Any"' },
    ],
  };
  return stackSingleton(ctx, spec, () => {
    ctx.change({ argument: "(block)", kind: "note", severity: "warning", to: `alicloud_ots_instance.this (${name})`, reason: `Tablestore keeps tables in an instance; aws2ali emitted one (HighPerformance, SSD, for DynamoDB-like latency) for the tables of this folder, named "${name}". Instance names are unique within a region across all accounts.`, action: "Choose a name that is free in the region; use instance_type = \"Capacity\" for cheaper, less latency-sensitive tables where the region offers it." });
  });
}

function nameTable(ctx: TransformContext): void {
  const attr = getAttribute(ctx.block, "table_name");
  if (!attr) {
    setAttribute(ctx.block, "table_name", quote(ctx.top.name.replace(OTS_TABLE_NAME.invalid, "_")));
    return;
  }
  const fixed = sanitizedName(attr.expr, OTS_TABLE_NAME);
  if (!fixed) return;
  const before = exprSource(attr.expr);
  replaceAttributeValue(attr, fixed);
  ctx.change({ argument: "name", kind: "value-mapped", to: fixed, severity: "info", reason: `Tablestore table names take letters, digits and "_" only: ${before} → ${fixed}.` });
}

/** Partition key first, then the sort key: Tablestore orders rows by its primary key columns in this order. */
function addPrimaryKey(ctx: TransformContext, keys: KeySchema, types: Map<string, string>): void {
  for (const key of [keys.hash, keys.range]) {
    if (!key) continue;
    const type = types.get(key) ?? "String";
    addBlock(ctx.block, { type: "primary_key", labels: [], items: [{ attr: "name", expr: quote(key) }, { attr: "type", expr: quote(type) }] });
    if (type === "Integer") ctx.change({ argument: "attribute", kind: "value-mapped", to: `primary_key ${key} Integer`, severity: "warning", reason: `${key} is a DynamoDB number key; Tablestore number keys are 64-bit integers.`, action: "If the key holds decimals, store it as a String key instead." });
  }
  if (!keys.hash) ctx.change({ argument: "hash_key", kind: "note", severity: "warning", reason: "The partition key is computed, so no primary_key block could be written; Tablestore tables need one.", action: "Add primary_key { name, type } blocks for the table's keys." });
}

interface Index {
  name: string;
  type: "Global" | "Local";
  keys: string[];
  /** Projected non-key attributes; "all" for projection ALL. */
  projected: string[] | "all";
  capacity: boolean;
}

function secondaryIndexes(original: Block, keys: KeySchema): Index[] {
  const out: Index[] = [];
  for (const b of blocksOf(original.body)) {
    const kind = b.blockType.text;
    if (kind !== "global_secondary_index" && kind !== "local_secondary_index") continue;
    const name = literal(b, "name");
    if (!name) continue;
    const hash = kind === "global_secondary_index" ? literal(b, "hash_key") : keys.hash;
    const indexKeys = [hash, literal(b, "range_key")].filter((k): k is string => k !== undefined);
    const projection = literal(b, "projection_type");
    const nonKey = getAttribute(b, "non_key_attributes");
    const listed = nonKey ? staticValue(nonKey.expr) : undefined;
    const projected = projection === "ALL" ? "all" : projection === "INCLUDE" && Array.isArray(listed) ? listed.filter((x): x is string => typeof x === "string") : [];
    out.push({ name, type: kind === "global_secondary_index" ? "Global" : "Local", keys: indexKeys, projected, capacity: Boolean(getAttribute(b, "read_capacity") || getAttribute(b, "write_capacity")) });
  }
  return out;
}

/** Index keys and projected attributes must be predefined columns of the table in Tablestore. */
function addDefinedColumns(ctx: TransformContext, keys: KeySchema, types: Map<string, string>, indexes: Index[]): void {
  const primary = new Set([keys.hash, keys.range]);
  const columns = new Map<string, string>();
  for (const [name, type] of types) if (!primary.has(name)) columns.set(name, type);
  const untyped: string[] = [];
  for (const index of indexes) {
    if (index.projected === "all") continue;
    for (const a of index.projected) {
      if (primary.has(a) || columns.has(a)) continue;
      columns.set(a, "String");
      untyped.push(a);
    }
  }
  for (const [name, type] of columns) addBlock(ctx.block, { type: "defined_column", labels: [], items: [{ attr: "name", expr: quote(name) }, { attr: "type", expr: quote(type) }] });
  if (untyped.length > 0) ctx.change({ argument: "global_secondary_index.non_key_attributes", kind: "note", severity: "warning", reason: `Tablestore indexes can only carry predefined columns; ${untyped.join(", ")} were declared as String columns because DynamoDB does not type non-key attributes.`, action: "Correct the defined_column types (String, Integer, Double, Boolean, Binary) to what the application stores." });
}

/** DynamoDB encrypts every table at rest; Tablestore does with enable_sse. */
function encrypt(ctx: TransformContext, original: Block): void {
  const sse = blocksOf(original.body).find((b) => b.blockType.text === "server_side_encryption");
  const key = sse ? getAttribute(sse, "kms_key_arn") : undefined;
  retractChanges(ctx, "server_side_encryption", true);
  removeAttribute(ctx.block, "sse_key_id");
  setAttribute(ctx.block, "enable_sse", "true");
  setAttribute(ctx.block, "sse_key_type", '"SSE_KMS_SERVICE"');
  if (key) ctx.change({ argument: "server_side_encryption.kms_key_arn", kind: "note", severity: "warning", reason: `The table was encrypted with the customer key ${exprSource(key.expr)}; it is encrypted here with Tablestore's KMS service key.`, action: "To use your own key, set sse_key_type = \"SSE_BYOK\" with sse_key_id (the alicloud_kms_key id) and sse_role_arn (a RAM role Tablestore may assume)." });
  else ctx.change({ argument: "server_side_encryption", kind: "note", severity: "info", reason: "DynamoDB encrypts every table at rest; Tablestore encrypts with its KMS service key when enable_sse = true (sse_key_type SSE_KMS_SERVICE)." });
}

function emitIndexes(ctx: TransformContext, instance: string, indexes: Index[]): void {
  const table = instanceRef(`alicloud_ots_table.${ctx.top.name}`, ctx.plan.original);
  for (const index of indexes) {
    const label = `${ctx.top.name}_${index.name.replace(/[^A-Za-z0-9_]+/g, "_")}`;
    const defined = index.projected === "all" ? undefined : index.projected;
    const items: ItemSpec[] = [
      ...repetition(ctx.plan.original),
      { attr: "instance_name", expr: `${instance}.name` },
      { attr: "table_name", expr: `${table}.table_name` },
      { attr: "index_name", expr: quote(index.name.replace(/[^A-Za-z0-9_]+/g, "_")) },
      { attr: "index_type", expr: quote(index.type) },
      { attr: "include_base_data", expr: "true" },
      { attr: "primary_keys", expr: `[${index.keys.map(quote).join(", ")}]` },
      ...(defined && defined.length > 0 ? [{ attr: "defined_columns", expr: `[${defined.map(quote).join(", ")}]` }] : []),
    ];
    ctx.emitAfter([{ type: "resource", labels: ["alicloud_ots_secondary_index", label], items }]);
    const notes = [
      index.projected === "all" ? "projection ALL: Tablestore indexes carry only the columns listed in defined_columns, so list the attributes the queries read" : "",
      index.capacity ? "its provisioned read/write capacity has no Tablestore setting" : "",
      index.name !== index.name.replace(/[^A-Za-z0-9_]+/g, "_") ? `the index name became ${index.name.replace(/[^A-Za-z0-9_]+/g, "_")} (letters, digits and "_" only)` : "",
    ].filter(Boolean);
    ctx.change({ argument: `${index.type === "Global" ? "global" : "local"}_secondary_index`, kind: "moved", to: `alicloud_ots_secondary_index.${label}`, severity: notes.length > 0 && index.projected === "all" ? "warning" : "info", reason: `The ${index.type.toLowerCase()} secondary index ${index.name} became a Tablestore secondary index on ${index.keys.join(", ")}${notes.length > 0 ? `; ${notes.join("; ")}` : ""}.`, ...(index.projected === "all" ? { action: "Add the attributes the index queries read to defined_columns (and as defined_column blocks on the table)." } : {}) });
  }
}
