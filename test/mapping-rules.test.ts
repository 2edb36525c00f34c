/** The rule format is validated when it loads, and a user's --mappings folder overrides built-in rules. */

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadMappingTable } from "../src/mapping/load.js";
import { RuleError, validateRule } from "../src/mapping/rule.js";
import { DEFAULT_SETTINGS, migrate } from "../src/pipeline/index.js";

const base = { aws_type: "aws_vpc", kind: "resource", service: "VPC", summary: "x", to: "alicloud_vpc" };

describe("rule validation", () => {
  test("a valid rule loads", () => {
    expect(validateRule(base, "aws_vpc.yaml").to).toBe("alicloud_vpc");
  });
  test.each([
    [{ ...base, arguments: { instance_tenancy: { drop: true } } }, "arguments.instance_tenancy is dropped without a 'reason'"],
    [{ ...base, arguments: { instance_tenancy: { drop: true, reason: "r" } } }, "arguments.instance_tenancy is dropped without a suggested 'action'"],
    [{ ...base, blocks: { timeouts: { drop: true } } }, "blocks.timeouts is dropped without a 'reason'"],
    [{ ...base, to: undefined }, "a rule needs a target ('to') or a 'manual' section saying why there is none"],
    [{ ...base, colour: "red" }, "unknown key 'colour'"],
    [{ ...base, to: "aws_vpc" }, "to must name an alicloud type"],
    [{ ...base, arguments: { cidr: { severity: "loud", to: "x" } } }, "arguments.cidr.severity must be info or warning"],
    [{ ...base, to: undefined, manual: { reason: "r" } }, "manual.action is required"],
  ])("rejects %j", (doc, message) => {
    expect(() => validateRule(doc, "aws_vpc.yaml")).toThrow(RuleError);
    expect(() => validateRule(doc, "aws_vpc.yaml")).toThrow(message);
  });
});

describe("--mappings overrides", () => {
  test("a user rule replaces the built-in one and reaches the output", () => {
    const dir = mkdtempSync(join(tmpdir(), "aws2ali-rules-"));
    writeFileSync(join(dir, "aws_vpc.yaml"), "aws_type: aws_vpc\nkind: resource\nservice: VPC\nsummary: ours\nto: alicloud_vpc\narguments:\n  cidr_block: cidr_block\n  instance_tenancy:\n    drop: true\n    reason: Our team never uses dedicated tenancy.\n    action: Nothing.\n    severity: info\n");
    const table = loadMappingTable(dir);
    expect(table.rules.get("resource.aws_vpc")?.summary).toBe("ours");
    const src = join(dir, "src");
    mkdirSync(src);
    writeFileSync(join(src, "main.tf"), 'resource "aws_vpc" "main" {\n  cidr_block       = "10.0.0.0/16"\n  instance_tenancy = "dedicated"\n}\n');
    const result = migrate({ src, out: null, maxFileBytes: 1e7, mappingsDir: dir, settings: DEFAULT_SETTINGS, version: "test" });
    const item = result.report.items.find((i) => i.address === "aws_vpc.main")!;
    expect(item.rule).toBe(`${dir}/aws_vpc.yaml`);
    expect(item.changes.find((c) => c.argument === "instance_tenancy")?.reason).toBe("Our team never uses dedicated tenancy.");
    expect(result.outputs.get("main.tf")).toContain('resource "alicloud_vpc" "main"');
    expect(result.outputs.get("main.tf")).not.toContain("instance_tenancy");
  });
});

describe("registry module calls", () => {
  test("a mapped module gets source, version, inputs and outputs rewritten; an unmapped one stays manual", () => {
    const dir = mkdtempSync(join(tmpdir(), "aws2ali-mod-"));
    writeFileSync(
      join(dir, "main.tf"),
      'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.8.1"\n\n  name = "shop"\n  cidr = "10.0.0.0/16"\n}\n\nmodule "lambda" {\n  source = "terraform-aws-modules/lambda/aws"\n}\n\noutput "vpc" {\n  value = module.vpc.vpc_id\n}\n\noutput "fn" {\n  value = module.lambda.lambda_function_arn\n}\n',
    );
    const result = migrate({ src: dir, out: null, maxFileBytes: 1e7, settings: DEFAULT_SETTINGS, version: "test" });
    const main = result.outputs.get("main.tf")!;
    const rule = loadMappingTable().modules.get("terraform-aws-modules/vpc/aws")!;
    expect(main).toContain(`source  = "${rule.to}"`);
    expect(main).not.toMatch(/^module "lambda"/m);
    expect(main).toMatch(/^# module "lambda" \{/m);
    expect(main).toContain("value = var.aws2ali_module_lambda_lambda_function_arn");
    const vpcOut = typeof rule.outputs?.vpc_id === "string" ? rule.outputs.vpc_id : rule.outputs?.vpc_id?.to;
    expect(main).toContain(`value = module.vpc.${vpcOut}`);
    const items = result.report.items.filter((i) => i.awsType === "module");
    expect(items.map((i) => [i.address, i.status])).toEqual([
      ["module.vpc", expect.stringMatching(/translated|partial/)],
      ["module.lambda", "manual"],
    ]);
  });
});
