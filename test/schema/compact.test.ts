import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  COMPACT_SCHEMA_FORMAT,
  compactProviderSchema,
  compactType,
  serialiseCompactSchema,
  type CompactBlock,
  type CompactSchema,
} from "../../src/schema/compact.js";
import { COMMITTED_SCHEMA, FULL_SCHEMA, HAVE_FULL_SCHEMA, NO_FULL_SCHEMA_REASON, fullSchema, fullSchemaVersion } from "./paths.js";

const REBUILD = `npm run schema:build (= npm run build && node dist/schema/build-compact-schema.js ${FULL_SCHEMA} schema/alicloud-provider-schema.json <version>)`;

describe("the committed compact schema", () => {
  const text = readFileSync(COMMITTED_SCHEMA, "utf8");
  const committed = JSON.parse(text) as CompactSchema;

  it("is small enough to ship (< 1.5 MB)", () => {
    expect(statSync(COMMITTED_SCHEMA).size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it("records its format, source and provider version", () => {
    expect(committed.format).toBe(COMPACT_SCHEMA_FORMAT);
    expect(committed.provider_source).toBe("registry.terraform.io/aliyun/alicloud");
    expect(committed.provider_version).toBe("1.289.0");
  });

  it("holds every resource type and data source of alicloud 1.289.0", () => {
    expect(Object.keys(committed.resources)).toHaveLength(1184);
    expect(Object.keys(committed.data_sources)).toHaveLength(780);
    expect(Object.keys(committed.provider.attrs)).toContain("region");
  });

  it.skipIf(!HAVE_FULL_SCHEMA)(`is what the build script makes from ../shared today (${HAVE_FULL_SCHEMA ? "regenerating" : NO_FULL_SCHEMA_REASON})`, () => {
    const regenerated = compactProviderSchema(fullSchema(), fullSchemaVersion());
    const fresh = serialiseCompactSchema(regenerated);
    if (fresh !== text) {
      // A readable diff of the first difference, before the blunt byte comparison.
      expect(committed, `stale; rebuild with: ${REBUILD}`).toEqual(regenerated);
    }
    expect(fresh === text, `committed file differs in bytes; rebuild with: ${REBUILD}`).toBe(true);
  });
});

/** A minimal `terraform providers schema -json` document around one resource. */
function terraformOutput(resource: unknown, providers: Record<string, unknown> = {}): unknown {
  return {
    format_version: "1.0",
    provider_schemas: {
      ...providers,
      "registry.terraform.io/aliyun/alicloud": {
        provider: { version: 0, block: { attributes: { region: { type: "string", optional: true, description: "Region" } } } },
        resource_schemas: { alicloud_thing: { version: 0, block: resource } },
        data_source_schemas: {},
      },
    },
  };
}

function thing(schema: CompactSchema): CompactBlock {
  return schema.resources.alicloud_thing as CompactBlock;
}

describe("compactProviderSchema", () => {
  it("keeps types, modes and the x_ facts, and drops everything else", () => {
    const schema = compactProviderSchema(
      terraformOutput({
        attributes: {
          name: { type: "string", required: true, description: "The name.", description_kind: "plain", sensitive: true },
          size: { type: "number", optional: true, x_default: 5, x_force_new: true },
          kind: { type: "string", optional: true, computed: true, x_enum: ["a", "b"], x_conflicts_with: ["size"], x_exactly_one_of: ["kind", "name"] },
          old: { type: "bool", optional: true, deprecated: true, x_deprecation: "Use kind." },
          gone: { type: "bool", optional: true, deprecated: true },
          status: { type: ["list", ["object", { a: "string" }]], computed: true },
          labels: { type: ["map", "string"], optional: true, some_future_key: 1 },
        },
        description: "A thing",
      }),
      "9.9.9",
    );
    expect(schema.provider_version).toBe("9.9.9");
    expect(thing(schema)).toEqual({
      attrs: {
        gone: { t: "bool", m: "o", dep: "" },
        kind: { t: "string", m: "oc", enum: ["a", "b"], conflicts: ["size"], one_of: ["kind", "name"] },
        labels: { t: "map(string)", m: "o" },
        name: { t: "string", m: "r" },
        old: { t: "bool", m: "o", dep: "Use kind." },
        size: { t: "number", m: "o" },
        status: { t: "list(object)", m: "c" },
      },
    });
    expect(schema.provider).toEqual({ attrs: { region: { t: "string", m: "o" } } });
  });

  it("writes types in type-constraint syntax, collapsing object types", () => {
    expect(compactType("string")).toBe("string");
    expect(compactType(["set", "number"])).toBe("set(number)");
    expect(compactType(["list", ["map", "string"]])).toBe("list(map(string))");
    expect(compactType(["map", ["object", { x: "string" }]])).toBe("map(object)");
    expect(compactType(["tuple", ["string"]])).toBe("tuple");
    expect(compactType("dynamic")).toBe("dynamic");
  });

  it("takes plugin-framework nested attributes as object types", () => {
    const schema = compactProviderSchema(terraformOutput({ attributes: { rules: { nested_type: { nesting_mode: "list", attributes: {} }, optional: true } } }));
    expect(thing(schema).attrs.rules).toEqual({ t: "list(object)", m: "o" });
  });

  it("reads terraform's encoding of required blocks: min_items >= 1, optional ones printed with 0", () => {
    const schema = compactProviderSchema(
      terraformOutput({
        block_types: {
          must: { nesting_mode: "list", min_items: 1, max_items: 1, block: { attributes: { a: { type: "string", required: true } } } },
          may: { nesting_mode: "set", block: { deprecated: true } },
          one: { nesting_mode: "single", block: {} },
        },
      }),
    );
    expect(thing(schema).blocks).toEqual({
      may: { nesting: "set", dep: "", attrs: {} },
      must: { nesting: "list", min: 1, max: 1, req: true, attrs: { a: { t: "string", m: "r" } } },
      one: { nesting: "single", attrs: {} },
    });
  });

  it("reads the alicloud file's encoding: x_required marks required blocks, min_items alone does not", () => {
    const schema = compactProviderSchema(
      terraformOutput({
        block_types: {
          must: { nesting_mode: "list", x_required: true, block: {} },
          disks: { nesting_mode: "list", min_items: 1, max_items: 16, block: {} },
          old: { nesting_mode: "set", x_deprecated: true, block: {} },
        },
      }),
    );
    expect(thing(schema).blocks).toEqual({
      disks: { nesting: "list", min: 1, max: 16, attrs: {} },
      must: { nesting: "list", req: true, attrs: {} },
      old: { nesting: "set", dep: "", attrs: {} },
    });
  });

  it("produces the same bytes whatever the input's key order", () => {
    const a = terraformOutput({ attributes: { b: { type: "string", optional: true }, a: { optional: true, type: "string" } } });
    const b = terraformOutput({ attributes: { a: { type: "string", optional: true }, b: { type: "string", optional: true } } });
    const text = serialiseCompactSchema(compactProviderSchema(a));
    expect(text).toBe(serialiseCompactSchema(compactProviderSchema(b)));
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("picks aliyun/alicloud out of a multi-provider output, or the only provider", () => {
    const multi = terraformOutput({}, { "registry.terraform.io/hashicorp/aws": { provider: {}, resource_schemas: { aws_vpc: { block: {} } } } });
    const schema = compactProviderSchema(multi);
    expect(schema.provider_source).toBe("registry.terraform.io/aliyun/alicloud");
    expect(Object.keys(schema.resources)).toEqual(["alicloud_thing"]);
    const mirror = compactProviderSchema({ provider_schemas: { "mirror.example.com/acme/alicloud": { resource_schemas: {} } } });
    expect(mirror.provider_source).toBe("mirror.example.com/acme/alicloud");
    expect(mirror.provider).toEqual({ attrs: {} });
  });

  it("refuses input without an alicloud provider", () => {
    expect(() => compactProviderSchema({ provider_schemas: { a: {}, b: {} } })).toThrow(/no aliyun\/alicloud provider.*found: a, b/);
    expect(() => compactProviderSchema({ format: COMPACT_SCHEMA_FORMAT })).toThrow(/provider_schemas/);
    expect(() => compactProviderSchema("nope")).toThrow(/provider_schemas/);
  });
});

/**
 * Rewrites the alicloud file the way terraform itself would print it: no x_
 * keys, required blocks with min_items >= 1, optional blocks with min_items 0
 * (helper/schema/core_schema.go). Compacting that must give the same
 * structure as compacting the original, minus the x_ facts.
 */
function asTerraformWouldPrint(value: unknown, isNameMap = false): unknown {
  if (Array.isArray(value)) return value.map((item) => asTerraformWouldPrint(item));
  if (typeof value !== "object" || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) {
    // Names of attributes and blocks stay (alicloud_alb_listener has a block named x_forwarded_for_config).
    const childIsNameMap = key === "attributes" || key === "block_types" || key.endsWith("_schemas") || key === "provider_schemas";
    if (isNameMap || !key.startsWith("x_")) out[key] = asTerraformWouldPrint(item, childIsNameMap);
  }
  if (typeof source.nesting_mode === "string") {
    const min = typeof source.min_items === "number" ? source.min_items : 0;
    if (source.x_required === true) out.min_items = Math.max(min, 1);
    else delete out.min_items;
  }
  return out;
}

/** Required-ness and types of every attribute and block, by path: what both encodings must agree on. */
function structure(block: CompactBlock, path: string, into: Map<string, string>): Map<string, string> {
  for (const [name, attr] of Object.entries(block.attrs)) into.set(`${path}${name}`, `${attr.t} ${attr.m}`);
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    into.set(`${path}${name}{}`, `${nested.nesting} req=${nested.req === true} max=${nested.max ?? "-"}`);
    structure(nested, `${path}${name}.`, into);
  }
  return into;
}

describe.skipIf(!HAVE_FULL_SCHEMA)(`compacting ../shared (${HAVE_FULL_SCHEMA ? "present" : NO_FULL_SCHEMA_REASON})`, () => {
  it("gives the same structure from the alicloud file and from terraform's own encoding of it", () => {
    const fromFile = compactProviderSchema(fullSchema());
    const fromTerraform = compactProviderSchema(asTerraformWouldPrint(fullSchema()));
    for (const [type, block] of Object.entries(fromFile.resources)) {
      const other = fromTerraform.resources[type] as CompactBlock;
      expect(structure(other, "", new Map()), type).toEqual(structure(block, "", new Map()));
    }
    expect(structure(fromTerraform.provider, "", new Map())).toEqual(structure(fromFile.provider, "", new Map()));
  });
});
