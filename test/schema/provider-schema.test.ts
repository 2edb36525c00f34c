import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CompactSchema } from "../../src/schema/compact.js";
import {
  dataSourceSchema,
  enumOf,
  hasArgument,
  loadCompactSchema,
  loadProviderSchemaFile,
  resourceSchema,
  shippedSchemaPath,
  takesResourceGroupId,
  takesTags,
} from "../../src/schema/provider-schema.js";
import { validateBlock } from "../../src/schema/validate.js";
import { COMMITTED_SCHEMA, FULL_SCHEMA, HAVE_FULL_SCHEMA, NO_FULL_SCHEMA_REASON, fullSchemaVersion } from "./paths.js";
import { EXPR, block, resource } from "./shapes.js";

describe("loadCompactSchema", () => {
  it("defaults to the shipped file, two levels above the module (src/schema or dist/schema)", () => {
    expect(shippedSchemaPath()).toBe(COMMITTED_SCHEMA);
  });

  it("reads a path once and then answers from its cache", () => {
    expect(loadCompactSchema()).toBe(loadCompactSchema(COMMITTED_SCHEMA));
  });

  it.skipIf(!HAVE_FULL_SCHEMA)("points a full-format file at loadProviderSchemaFile", () => {
    expect(() => loadCompactSchema(FULL_SCHEMA)).toThrow(/not an aws2ali compact schema.*loadProviderSchemaFile/);
  });
});

describe("query helpers (shipped schema)", () => {
  it("finds resources and data sources by type", () => {
    expect(resourceSchema("alicloud_vpc")?.attrs.vpc_name).toEqual({ t: "string", m: "oc", conflicts: ["name"] });
    expect(resourceSchema("alicloud_zones")).toBeUndefined();
    expect(dataSourceSchema("alicloud_zones")?.attrs.available_resource_creation?.m).toBe("o");
    expect(resourceSchema("constructor")).toBeUndefined();
  });

  it("hasArgument: settable attributes and blocks, by dotted path; not computed-only attributes", () => {
    expect(hasArgument("alicloud_vpc", "vpc_name")).toBe(true);
    expect(hasArgument("alicloud_vpc", "status")).toBe(false);
    expect(hasArgument("alicloud_vpc", "timeouts")).toBe(true);
    expect(hasArgument("alicloud_vpc", "nonsense")).toBe(false);
    expect(hasArgument("alicloud_cs_kubernetes_node_pool", "scaling_config.max_size")).toBe(true);
    expect(hasArgument("alicloud_cs_kubernetes_node_pool", "scaling_config.nonsense")).toBe(false);
    expect(hasArgument("alicloud_no_such_type", "name")).toBe(false);
  });

  it("takesResourceGroupId only where it can be set", () => {
    expect(takesResourceGroupId("alicloud_vpc")).toBe(true);
    expect(takesResourceGroupId("alicloud_vswitch")).toBe(false);
    // alicloud_route_table reports its resource group but does not take one.
    expect(takesResourceGroupId("alicloud_route_table")).toBe(false);
  });

  it("takesTags only for a tags map", () => {
    expect(takesTags("alicloud_vswitch")).toBe(true);
    expect(takesTags("alicloud_mse_nacos_config")).toBe(false);
  });

  it("counts match the mapping facts (197 settable resource_group_id, 235 tag maps)", () => {
    const types = Object.keys(loadCompactSchema().resources);
    expect(types.filter((t) => takesResourceGroupId(t))).toHaveLength(197);
    expect(types.filter((t) => takesTags(t))).toHaveLength(235);
  });

  it("enumOf gives accepted values, also inside nested blocks", () => {
    expect(enumOf("alicloud_nat_gateway", "nat_type")).toEqual(["Enhanced", "Normal"]);
    expect(enumOf("alicloud_cs_kubernetes_node_pool", "scaling_config.type")).toEqual(["cpu", "gpu", "gpushare", "spot"]);
    expect(enumOf("alicloud_nat_gateway", "vpc_id")).toBeUndefined();
  });
});

/** Questions whose answers must not depend on which form of the schema was loaded. */
const vswitch = resource("alicloud_vswitch", { vpc_id: EXPR, name: "x", status: "y" });
const pool = resource("alicloud_cs_kubernetes_node_pool", { cluster_id: EXPR, name: "p" }, [block("scaling_config", { type: "tpu" }), block("scaling_config")]);

function answers(schema: CompactSchema): unknown[] {
  const types = ["alicloud_vpc", "alicloud_vswitch", "alicloud_nat_gateway", "alicloud_cs_kubernetes_node_pool", "alicloud_route_table", "alicloud_mse_nacos_config"];
  return [
    ...types.map((t) => [t, takesResourceGroupId(t, schema), takesTags(t, schema), hasArgument(t, "name", schema), resourceSchema(t, schema)]),
    enumOf("alicloud_nat_gateway", "nat_type", schema),
    dataSourceSchema("alicloud_zones", schema),
    validateBlock(schema, vswitch),
    validateBlock(schema, pool),
  ];
}

describe("loadProviderSchemaFile", () => {
  it.skipIf(!HAVE_FULL_SCHEMA)(`compacts ../shared on the fly to the shipped schema (${HAVE_FULL_SCHEMA ? "present" : NO_FULL_SCHEMA_REASON})`, () => {
    const full = loadProviderSchemaFile(FULL_SCHEMA, fullSchemaVersion());
    const shipped = loadCompactSchema();
    expect(answers(full)).toEqual(answers(shipped));
    expect(full).toEqual(shipped);
    expect(loadProviderSchemaFile(FULL_SCHEMA, fullSchemaVersion())).toBe(full);
  });

  it("accepts terraform's own output (no x_ keys) and answers from it", () => {
    const dir = mkdtempSync(join(tmpdir(), "aws2ali-schema-"));
    const path = join(dir, "schema.json");
    const vpc = {
      version: 0,
      block: {
        attributes: {
          vpc_name: { type: "string", optional: true, computed: true, description_kind: "plain" },
          name: { type: "string", optional: true, computed: true, deprecated: true },
          status: { type: "string", computed: true },
          resource_group_id: { type: "string", optional: true, computed: true },
          tags: { type: ["map", "string"], optional: true },
        },
        block_types: { timeouts: { nesting_mode: "single", block: { attributes: { create: { type: "string", optional: true } } } } },
      },
    };
    writeFileSync(path, JSON.stringify({ format_version: "1.0", provider_schemas: { "registry.terraform.io/aliyun/alicloud": { provider: { block: {} }, resource_schemas: { alicloud_vpc: vpc } } } }));
    const schema = loadProviderSchemaFile(path);
    expect(schema.provider_version).toBe("unknown");
    expect(takesResourceGroupId("alicloud_vpc", schema)).toBe(true);
    expect(takesTags("alicloud_vpc", schema)).toBe(true);
    expect(hasArgument("alicloud_vpc", "status", schema)).toBe(false);
    const findings = validateBlock(schema, resource("alicloud_vpc", { name: "a", status: "b" }, [block("timeouts", { create: "1m" })]));
    expect(findings.map((d) => [d.code, d.detail])).toEqual([
      ["schema.deprecated-argument", "The provider marks this argument as deprecated; use its replacement."],
      ["schema.computed-only-argument", expect.stringContaining("status") as unknown],
    ]);
  });
});
