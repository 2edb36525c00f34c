/**
 * validateBlock against the shipped alicloud 1.289.0 schema. Every fact a case
 * relies on (which argument is required, deprecated, enumerated…) was read
 * from schema/alicloud-provider-schema.json; the case names say which.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/hcl/diagnostics.js";
import { loadCompactSchema } from "../../src/schema/provider-schema.js";
import { validateBlock, type BlockShape } from "../../src/schema/validate.js";
import { EXPR, block, dataSource, dynamicBlock, nameRangeOf, provider, resource, valueRangeOf } from "./shapes.js";

const schema = loadCompactSchema();

function check(shape: BlockShape): Diagnostic[] {
  return validateBlock(schema, shape);
}

function codes(shape: BlockShape): string[] {
  return check(shape).map((d) => d.code);
}

function only(shape: BlockShape, code: string): Diagnostic {
  const findings = check(shape);
  expect(findings.map((d) => d.code)).toEqual([code]);
  return findings[0] as Diagnostic;
}

describe("valid blocks", () => {
  it("accepts a plain alicloud_vpc", () => {
    expect(check(resource("alicloud_vpc", { vpc_name: "main", cidr_block: "10.0.0.0/16", tags: EXPR }))).toEqual([]);
  });

  it("accepts a node pool with nested blocks and expressions", () => {
    const pool = resource(
      "alicloud_cs_kubernetes_node_pool",
      { cluster_id: EXPR, node_pool_name: "workers", vswitch_ids: EXPR, instance_types: EXPR, desired_size: "3", image_type: "AliyunLinux3" },
      [
        block("scaling_config", { enable: true, min_size: 1, max_size: 5, type: "cpu" }),
        block("labels", { key: "team", value: "core" }),
        block("taints", { key: "dedicated", value: "gpu", effect: "NoSchedule" }),
      ],
    );
    expect(check(pool)).toEqual([]);
  });

  it("accepts every Terraform meta-argument on a resource", () => {
    const vpc = resource("alicloud_vpc", { vpc_name: "a", count: 2, for_each: EXPR, provider: EXPR, depends_on: EXPR }, [
      block("lifecycle", { create_before_destroy: true }),
      block("provisioner"),
      block("connection", { host: EXPR }),
    ]);
    expect(check(vpc)).toEqual([]);
  });

  it("accepts a timeouts block where the schema has one (alicloud_vpc)", () => {
    expect(check(resource("alicloud_vpc", { vpc_name: "a" }, [block("timeouts", { create: "10m" })]))).toEqual([]);
  });

  it("accepts a data source with its arguments and meta-arguments", () => {
    const zones = dataSource("alicloud_zones", { available_resource_creation: "VSwitch", count: 1 }, [block("lifecycle")]);
    expect(check(zones)).toEqual([]);
  });

  it("accepts a provider block with alias and assume_role", () => {
    const alicloud = provider("alicloud", { region: "cn-hangzhou", alias: "dr", protocol: "HTTPS" }, [block("assume_role", { role_arn: EXPR })]);
    expect(check(alicloud)).toEqual([]);
  });
});

describe("schema.unknown-type", () => {
  it("reports an unknown resource type at the type label, suggesting the near one", () => {
    const shape = resource("alicloud_vpcc", { vpc_name: "a" });
    const finding = only(shape, "schema.unknown-type");
    expect(finding).toMatchObject({ severity: "error", file: "main.tf", range: shape.typeRange });
    expect(finding.summary).toBe('Unknown resource type "alicloud_vpcc"');
    expect(finding.detail).toContain('did you mean "alicloud_vpc"?');
  });

  it("looks data sources up among data sources, not resources", () => {
    expect(only(dataSource("alicloud_vpc"), "schema.unknown-type").summary).toBe('Unknown data source type "alicloud_vpc"');
    expect(only(dataSource("alicloud_zone"), "schema.unknown-type").detail).toContain('"alicloud_zones"');
  });

  it("reports a provider block that is not alicloud", () => {
    expect(only(provider("aws", { region: "us-east-1" }), "schema.unknown-type").summary).toBe('Unknown provider "aws"');
  });
});

describe("schema.unknown-argument and schema.unknown-block", () => {
  it("reports an argument the resource does not take, at its name", () => {
    const shape = resource("alicloud_vpc", { vpc_name: "a", enable_dns_support: true });
    const finding = only(shape, "schema.unknown-argument");
    expect(finding.summary).toBe('Unknown argument "enable_dns_support" in resource "alicloud_vpc"');
    expect(finding.range).toEqual(nameRangeOf(shape, "enable_dns_support"));
  });

  it("suggests the closest settable name for a typo", () => {
    expect(only(resource("alicloud_vpc", { vpc_nme: "a" }), "schema.unknown-argument").detail).toContain('did you mean "vpc_name"?');
  });

  it("names the path of an unknown argument inside a nested block", () => {
    const shape = resource("alicloud_cs_kubernetes_node_pool", { cluster_id: EXPR, node_pool_name: "p" }, [block("scaling_config", { size: 3 })]);
    expect(only(shape, "schema.unknown-argument").summary).toBe('Unknown argument "scaling_config.size" in resource "alicloud_cs_kubernetes_node_pool"');
  });

  it("explains when an argument should have been written as a block", () => {
    const shape = resource("alicloud_cs_kubernetes_node_pool", { cluster_id: EXPR, node_pool_name: "p", scaling_config: EXPR });
    expect(only(shape, "schema.unknown-argument").detail).toContain("nested block");
  });

  it("reports an unknown block and explains when it should be an argument", () => {
    const tagsBlock = block("tags", { Name: "x" });
    const finding = only(resource("alicloud_vpc", { vpc_name: "a" }, [tagsBlock]), "schema.unknown-block");
    expect(finding.range).toEqual(tagsBlock.range);
    expect(finding.detail).toContain("tags = …");
  });

  it("rejects timeouts where the schema has none (alicloud_security_group_rule)", () => {
    const rule = resource("alicloud_security_group_rule", { type: "ingress", ip_protocol: "tcp", security_group_id: EXPR }, [block("timeouts", { create: "5m" })]);
    expect(codes(rule)).toEqual(["schema.unknown-block"]);
  });

  it("allows provisioner and connection on resources only", () => {
    expect(codes(dataSource("alicloud_zones", {}, [block("provisioner")]))).toEqual(["schema.unknown-block"]);
  });

  it("allows count on resources but not on provider blocks, and meta-arguments only at the top level", () => {
    expect(codes(provider("alicloud", { count: 1 }))).toEqual(["schema.unknown-argument"]);
    const pool = resource("alicloud_cs_kubernetes_node_pool", { cluster_id: EXPR, node_pool_name: "p" }, [block("scaling_config", { count: 1 })]);
    expect(codes(pool)).toEqual(["schema.unknown-argument"]);
  });

  it("checks the content of dynamic blocks", () => {
    const pool = resource("alicloud_cs_kubernetes_node_pool", { cluster_id: EXPR, node_pool_name: "p" }, [dynamicBlock("taints", { key: EXPR, colour: EXPR })]);
    expect(only(pool, "schema.unknown-argument").summary).toContain('"taints.colour"');
  });
});

describe("schema.missing-required-argument", () => {
  it("reports vpc_id missing from alicloud_nat_gateway at the type label", () => {
    const shape = resource("alicloud_nat_gateway", { nat_gateway_name: "nat", nat_type: "Enhanced" });
    const finding = only(shape, "schema.missing-required-argument");
    expect(finding.summary).toBe('Missing required argument "vpc_id" in resource "alicloud_nat_gateway"');
    expect(finding.range).toEqual(shape.typeRange);
  });

  it("treats `x = null` as not set", () => {
    expect(codes(resource("alicloud_nat_gateway", { vpc_id: null }))).toEqual(["schema.missing-required-argument"]);
  });

  it("is satisfied by an expression", () => {
    expect(check(resource("alicloud_nat_gateway", { vpc_id: EXPR }))).toEqual([]);
  });

  it("reports a required argument missing inside a nested block at that block", () => {
    const taint = block("taints", { value: "gpu" });
    const finding = only(resource("alicloud_cs_kubernetes_node_pool", { cluster_id: EXPR, node_pool_name: "p" }, [taint]), "schema.missing-required-argument");
    expect(finding.summary).toBe('Missing required argument "taints.key" in resource "alicloud_cs_kubernetes_node_pool"');
    expect(finding.range).toEqual(taint.range);
  });

  it("checks required arguments of data sources and provider sub-blocks", () => {
    expect(only(dataSource("alicloud_alidns_records"), "schema.missing-required-argument").summary).toContain('"domain_name"');
    expect(only(provider("alicloud", {}, [block("assume_role", { session_name: "s" })]), "schema.missing-required-argument").summary).toBe(
      'Missing required argument "assume_role.role_arn" in provider "alicloud"',
    );
  });
});

describe("schema.missing-required-block", () => {
  const albArguments = { vpc_id: EXPR, address_type: "Internet", load_balancer_edition: "Standard" } as const;

  it("reports each required block of alicloud_alb_load_balancer that is missing", () => {
    const shape = resource("alicloud_alb_load_balancer", albArguments);
    const findings = check(shape);
    expect(findings.map((d) => d.summary)).toEqual([
      'Missing required block "load_balancer_billing_config" in resource "alicloud_alb_load_balancer"',
      'Missing required block "zone_mappings" in resource "alicloud_alb_load_balancer"',
    ]);
    expect(findings.every((d) => d.code === "schema.missing-required-block" && d.range === shape.typeRange)).toBe(true);
  });

  it("is satisfied by a dynamic block of that name", () => {
    const shape = resource("alicloud_alb_load_balancer", albArguments, [
      block("load_balancer_billing_config", { pay_type: "PayAsYouGo" }),
      dynamicBlock("zone_mappings", { vswitch_id: EXPR, zone_id: EXPR }),
    ]);
    expect(check(shape)).toEqual([]);
  });

  it("does not require an optional block that has min_items (alicloud_instance.data_disks: min 1, optional)", () => {
    expect(check(resource("alicloud_instance", { image_id: EXPR, instance_type: "ecs.g7.large" }))).toEqual([]);
  });
});

describe("schema.too-many-blocks and schema.too-few-blocks", () => {
  const poolArguments = { cluster_id: EXPR, node_pool_name: "p" } as const;

  it("reports a second scaling_config (max_items 1) at the extra block", () => {
    const extra = block("scaling_config", { max_size: 3 });
    const finding = only(resource("alicloud_cs_kubernetes_node_pool", poolArguments, [block("scaling_config", { max_size: 2 }), extra]), "schema.too-many-blocks");
    expect(finding.range).toEqual(extra.range);
    expect(finding.detail).toContain("at most 1");
  });

  it("does not count dynamic blocks against max_items", () => {
    const pool = resource("alicloud_cs_kubernetes_node_pool", poolArguments, [block("scaling_config", { max_size: 2 }), dynamicBlock("scaling_config", { max_size: EXPR })]);
    expect(check(pool)).toEqual([]);
  });

  it("allows one block of nesting mode single (timeouts)", () => {
    expect(codes(resource("alicloud_vpc", { vpc_name: "a" }, [block("timeouts"), block("timeouts")]))).toEqual(["schema.too-many-blocks"]);
  });

  it("enforces min and max of alicloud_slb_master_slave_server_group.servers (2..2) only when written", () => {
    const group = { load_balancer_id: EXPR, name: "g" } as const;
    const server = () => block("servers", { server_id: EXPR, port: 80 });
    expect(check(resource("alicloud_slb_master_slave_server_group", group))).toEqual([]);
    expect(codes(resource("alicloud_slb_master_slave_server_group", group, [server()]))).toEqual(["schema.too-few-blocks"]);
    expect(check(resource("alicloud_slb_master_slave_server_group", group, [server(), server()]))).toEqual([]);
    expect(codes(resource("alicloud_slb_master_slave_server_group", group, [server(), server(), server()]))).toEqual(["schema.too-many-blocks"]);
  });

  it("reports a required block with min_items 2 as missing when absent and too few with one (alicloud_mongodb_sharding_instance.shard_list)", () => {
    const mongos = [block("mongo_list", { node_class: "dds.mongos.mid" }), block("mongo_list", { node_class: "dds.mongos.mid" })];
    const shard = () => block("shard_list", { node_class: "dds.shard.mid", node_storage: 10 });
    const shape = (shards: ReturnType<typeof shard>[]) => resource("alicloud_mongodb_sharding_instance", { engine_version: "4.2" }, [...mongos, ...shards]);
    expect(codes(shape([]))).toEqual(["schema.missing-required-block"]);
    expect(codes(shape([shard()]))).toEqual(["schema.too-few-blocks"]);
    expect(check(shape([shard(), shard()]))).toEqual([]);
  });

  it("limits provider sub-blocks too (assume_role: max 1)", () => {
    const alicloud = provider("alicloud", {}, [block("assume_role", { role_arn: EXPR }), block("assume_role", { role_arn: EXPR })]);
    expect(codes(alicloud)).toEqual(["schema.too-many-blocks"]);
  });
});

describe("schema.value-not-in-enum", () => {
  it("lists the accepted values of alicloud_nat_gateway.nat_type and points at the value", () => {
    const shape = resource("alicloud_nat_gateway", { vpc_id: EXPR, nat_type: "Advanced" });
    const finding = only(shape, "schema.value-not-in-enum");
    expect(finding.severity).toBe("error");
    expect(finding.summary).toBe('Value "Advanced" is not accepted for "nat_type" in resource "alicloud_nat_gateway"');
    expect(finding.detail).toBe('Accepted values: "Enhanced", "Normal".');
    expect(finding.range).toEqual(valueRangeOf(shape, "nat_type"));
  });

  it("says when only the letter case is wrong", () => {
    expect(only(resource("alicloud_nat_gateway", { vpc_id: EXPR, nat_type: "enhanced" }), "schema.value-not-in-enum").detail).toContain('"Enhanced" differs only in letter case');
  });

  it("skips values that are expressions", () => {
    expect(check(resource("alicloud_nat_gateway", { vpc_id: EXPR, nat_type: EXPR }))).toEqual([]);
  });

  it("checks enums inside nested blocks and provider blocks", () => {
    const pool = resource("alicloud_cs_kubernetes_node_pool", { cluster_id: EXPR, node_pool_name: "p" }, [block("scaling_config", { type: "memory" })]);
    expect(only(pool, "schema.value-not-in-enum").summary).toContain('"scaling_config.type"');
    expect(codes(provider("alicloud", { protocol: "FTP" }))).toEqual(["schema.value-not-in-enum"]);
  });
});

describe("schema.deprecated-argument and schema.deprecated-block", () => {
  it("warns about alicloud_vpc.name and quotes the provider's message naming vpc_name", () => {
    const shape = resource("alicloud_vpc", { name: "main" });
    const finding = only(shape, "schema.deprecated-argument");
    expect(finding.severity).toBe("warning");
    expect(finding.summary).toBe('Deprecated argument "name" in resource "alicloud_vpc"');
    expect(finding.detail).toContain("Field 'name' has been deprecated since provider version 1.119.0. New field 'vpc_name' instead.");
    expect(finding.range).toEqual(nameRangeOf(shape, "name"));
  });

  it("warns about a deprecated block (alicloud_alb_listener.xforwarded_for_config)", () => {
    const listener = resource("alicloud_alb_listener", { load_balancer_id: EXPR, listener_port: 80, listener_protocol: "HTTP" }, [
      block("default_actions", { type: "ForwardGroup" }, [block("forward_group_config", {}, [block("server_group_tuples", { server_group_id: EXPR })])]),
      block("xforwarded_for_config", {}),
    ]);
    const finding = only(listener, "schema.deprecated-block");
    expect(finding.severity).toBe("warning");
  });
});

describe("schema.computed-only-argument", () => {
  it("rejects setting alicloud_vpc.status, which the provider computes", () => {
    const shape = resource("alicloud_vpc", { vpc_name: "a", status: "Available" });
    const finding = only(shape, "schema.computed-only-argument");
    expect(finding).toMatchObject({ severity: "error", range: nameRangeOf(shape, "status") });
    expect(finding.summary).toBe('Read-only attribute "status" is set in resource "alicloud_vpc"');
  });
});

describe("schema.conflicting-arguments", () => {
  it("reports alicloud_vpc name with vpc_name once and advises keeping the current one", () => {
    const findings = check(resource("alicloud_vpc", { name: "a", vpc_name: "a" }));
    expect(findings.map((d) => d.code).sort()).toEqual(["schema.conflicting-arguments", "schema.deprecated-argument"]);
    const conflict = findings.find((d) => d.code === "schema.conflicting-arguments") as Diagnostic;
    expect(conflict.detail).toContain('keep "vpc_name"');
  });

  it("resolves a nested argument's conflict from the resource root (scaling_config.eip_bandwidth vs internet_charge_type)", () => {
    const pool = resource("alicloud_cs_kubernetes_node_pool", { cluster_id: EXPR, node_pool_name: "p", internet_charge_type: "PayByTraffic" }, [
      block("scaling_config", { eip_bandwidth: 5 }),
    ]);
    expect(only(pool, "schema.conflicting-arguments").summary).toBe(
      'Conflicting arguments "scaling_config.eip_bandwidth" and "internet_charge_type" in resource "alicloud_cs_kubernetes_node_pool"',
    );
  });

  it("reports a conflict declared several ways once (alicloud_ecs_launch_template system_disk vs system_disk_category)", () => {
    const template = resource("alicloud_ecs_launch_template", { system_disk_category: "cloud_ssd" }, [block("system_disk", { category: "cloud_essd" })]);
    expect(codes(template).sort()).toEqual(["schema.conflicting-arguments", "schema.deprecated-argument"]);
  });

  it("resolves SDK paths with indexes (alicloud_ros_stack_instances operation_preferences.0.*)", () => {
    const instances = resource("alicloud_ros_stack_instances", { stack_group_name: "g", region_ids: EXPR }, [
      block("operation_preferences", { failure_tolerance_count: 1, failure_tolerance_percentage: 10 }),
    ]);
    expect(only(instances, "schema.conflicting-arguments").summary).toContain('"operation_preferences.failure_tolerance_count"');
  });

  it("ignores conflicts with an argument set to null", () => {
    expect(check(resource("alicloud_vpc", { vpc_name: "a", name: null }))).toEqual([]);
  });
});

describe("schema.missing-one-of-arguments (ExactlyOneOf)", () => {
  it("requires zone_id or availability_zone on alicloud_vswitch", () => {
    const shape = resource("alicloud_vswitch", { vpc_id: EXPR, cidr_block: "10.0.1.0/24" });
    const finding = only(shape, "schema.missing-one-of-arguments");
    expect(finding.summary).toBe('Missing one of "availability_zone", "zone_id" in resource "alicloud_vswitch"');
    expect(finding.detail).toContain('set "zone_id"');
    expect(finding.range).toEqual(shape.typeRange);
  });

  it("accepts exactly one and reports both as a conflict", () => {
    expect(check(resource("alicloud_vswitch", { vpc_id: EXPR, zone_id: EXPR }))).toEqual([]);
    const both = check(resource("alicloud_vswitch", { zone_id: EXPR, availability_zone: EXPR }));
    expect(both.map((d) => d.code).sort()).toEqual(["schema.conflicting-arguments", "schema.deprecated-argument"]);
  });
});

describe("findings", () => {
  it("carry the block's file and come out in a stable order", () => {
    const shape = { ...resource("alicloud_vpc", { bogus: 1, status: "x", name: "n" }), file: "network/vpc.tf" };
    const findings = check(shape);
    expect(findings.map((d) => d.code)).toEqual(["schema.unknown-argument", "schema.computed-only-argument", "schema.deprecated-argument"]);
    expect(findings.every((d) => d.file === "network/vpc.tf")).toBe(true);
    expect(findings.every((d) => !d.summary.endsWith(".") && !d.summary.includes("\n"))).toBe(true);
  });
});
