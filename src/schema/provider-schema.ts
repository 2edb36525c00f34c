/**
 * Loading the alicloud provider schema and asking it simple questions.
 *
 * The shipped compact schema is read on first use, never at import time:
 * parsing ~1.4 MB of JSON costs tens of milliseconds that commands which
 * never validate (help, version) should not pay.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  COMPACT_SCHEMA_FORMAT,
  compactProviderSchema,
  type CompactAttribute,
  type CompactBlock,
  type CompactSchema,
} from "./compact.js";

/**
 * The shipped file sits at <package>/schema/; this module runs from
 * <package>/dist/schema/ when installed and from <repo>/src/schema/ under
 * vitest, and both are two levels below the root.
 */
export function shippedSchemaPath(): string {
  return fileURLToPath(new URL("../../schema/alicloud-provider-schema.json", import.meta.url));
}

const compactCache = new Map<string, CompactSchema>();
const fullCache = new Map<string, CompactSchema>();

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

function isCompactSchema(value: unknown): value is CompactSchema {
  return typeof value === "object" && value !== null && (value as { format?: unknown }).format === COMPACT_SCHEMA_FORMAT;
}

/** Loads a compact schema (default: the one shipped with the package), once per path. */
export function loadCompactSchema(path: string = shippedSchemaPath()): CompactSchema {
  const cached = compactCache.get(path);
  if (cached) return cached;
  const json = readJson(path);
  if (!isCompactSchema(json)) {
    throw new Error(`${path}: not an aws2ali compact schema (expected "format": "${COMPACT_SCHEMA_FORMAT}"); for \`terraform providers schema -json\` output use loadProviderSchemaFile`);
  }
  compactCache.set(path, json);
  return json;
}

/**
 * Loads a full `terraform providers schema -json` file, e.g. one a user made
 * against a newer provider than the one we ship, and compacts it in memory.
 */
export function loadProviderSchemaFile(path: string, providerVersion = "unknown"): CompactSchema {
  const key = `${path}\u0000${providerVersion}`;
  const cached = fullCache.get(key);
  if (cached) return cached;
  const schema = compactProviderSchema(readJson(path), providerVersion);
  fullCache.set(key, schema);
  return schema;
}

// The helpers below answer for the shipped schema unless given another one.

export function resourceSchema(type: string, schema: CompactSchema = loadCompactSchema()): CompactBlock | undefined {
  return Object.hasOwn(schema.resources, type) ? schema.resources[type] : undefined;
}

export function dataSourceSchema(type: string, schema: CompactSchema = loadCompactSchema()): CompactBlock | undefined {
  return Object.hasOwn(schema.data_sources, type) ? schema.data_sources[type] : undefined;
}

/** The nested block reached by following block names, e.g. ["scaling_config"]. */
function descend(block: CompactBlock, blockNames: string[]): CompactBlock | undefined {
  let current: CompactBlock | undefined = block;
  for (const name of blockNames) {
    current = current?.blocks && Object.hasOwn(current.blocks, name) ? current.blocks[name] : undefined;
  }
  return current;
}

/** Splits "a.b.c" into the blocks to descend ("a","b") and the final name ("c"). */
function splitPath(path: string): { blocks: string[]; name: string } {
  const parts = path.split(".");
  const name = parts.pop() ?? "";
  return { blocks: parts, name };
}

/** The attribute at a dotted path inside a resource, e.g. "scaling_config.type". */
export function attributeOf(type: string, attrPath: string, schema: CompactSchema = loadCompactSchema()): CompactAttribute | undefined {
  const resource = resourceSchema(type, schema);
  if (!resource) return undefined;
  const { blocks, name } = splitPath(attrPath);
  const block = descend(resource, blocks);
  return block && Object.hasOwn(block.attrs, name) ? block.attrs[name] : undefined;
}

/**
 * Whether a resource accepts `name` (a dotted path for nested blocks) in its
 * configuration: a settable attribute or a nested block. Computed-only
 * attributes are not arguments: writing them is an error.
 */
export function hasArgument(type: string, name: string, schema: CompactSchema = loadCompactSchema()): boolean {
  const attribute = attributeOf(type, name, schema);
  if (attribute) return attribute.m !== "c";
  const resource = resourceSchema(type, schema);
  const { blocks, name: last } = splitPath(name);
  const parent = resource ? descend(resource, blocks) : undefined;
  return parent?.blocks !== undefined && Object.hasOwn(parent.blocks, last);
}

/** Whether the resource's `resource_group_id` can be set (many alicloud resources only report it). */
export function takesResourceGroupId(type: string, schema: CompactSchema = loadCompactSchema()): boolean {
  return hasArgument(type, "resource_group_id", schema);
}

/**
 * Whether the resource takes a `tags` map. One resource (alicloud_mse_nacos_config)
 * has a `tags` string instead, which an AWS tag map cannot be written into.
 */
export function takesTags(type: string, schema: CompactSchema = loadCompactSchema()): boolean {
  const tags = attributeOf(type, "tags", schema);
  return tags !== undefined && tags.m !== "c" && tags.t.startsWith("map(");
}

/** The accepted values of a resource argument, when the provider validates it against a fixed list. */
export function enumOf(type: string, attrPath: string, schema: CompactSchema = loadCompactSchema()): readonly string[] | undefined {
  return attributeOf(type, attrPath, schema)?.enum;
}
