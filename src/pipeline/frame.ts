/**
 * Stage 5a, frame: the blocks around the resources — provider "aws", the
 * terraform block (required_providers, backend), variable defaults and
 * .tfvars values that name AWS things (regions, instance types) — and the
 * AWS blocks that exist only to serve the state backend.
 */

import { attributesOf, type Attribute } from "../hcl/cst.js";
import { getAttribute, quote, replaceAttributeValue } from "../hcl/edit.js";
import { staticValue } from "../hcl/value.js";
import { lookupValue } from "../mapping/values.js";
import type { TopBlock, Unit } from "../model/model.js";
import type { Change, ReportItem } from "../report/model.js";
import type { RunContext } from "../transforms/context.js";
import { translateModuleCall } from "../transforms/module-call.js";
import { translateProvider } from "../transforms/provider-aws.js";
import { scrubTfvars, scrubVariableDefault } from "../transforms/secrets.js";
import { isStateLockTable, translateTerraformBlock } from "../transforms/terraform-block.js";

/** Which value map a variable or .tfvars key goes through, by its name. */
const VALUE_BY_NAME: Array<[RegExp, string]> = [
  [/(^|_)region$/, "regions"],
  [/instance_types?$/, "instance-types"],
];

export function frameStage(run: RunContext): void {
  for (const dir of run.model.dirs.values()) {
    const stack = run.stacks.get(dir.dir)!;
    for (const top of dir.blocks) {
      if (top.kind === "provider" && top.type === "aws") run.extraItems.push(translateProvider(run, stack, top));
      else if (top.kind === "terraform") run.extraItems.push(...translateTerraformBlock(run, top));
      else if (top.kind === "module") {
        const call = translateModuleCall(run, top);
        if (call) run.moduleCalls.push(call);
      }
      else if (top.kind === "variable") {
        const secret = scrubVariableDefault(top.block, top.name);
        if (secret) run.extraItems.push(valueItem(top.unit, top.address, top.pos.line, top.pos.column, [secret]));
        else mapVariableDefault(run, top);
      }
    }
    for (const unit of dir.units) if (unit.isTfvars) scrubAndMapTfvars(run, unit);
  }
  absorbStateBackendBlocks(run);
}

function mapVariableDefault(run: RunContext, top: TopBlock): void {
  const mapName = valueMapFor(top.name);
  const def = getAttribute(top.block, "default");
  if (!mapName || !def) return;
  const changes = mapAttributeValue(run, def, mapName);
  if (changes.length > 0) run.extraItems.push(valueItem(top.unit, top.address, top.pos.line, top.pos.column, changes));
}

function scrubAndMapTfvars(run: RunContext, unit: Unit): void {
  for (const { attr, change } of scrubTfvars(unit.tree)) {
    const pos = unit.source.pos(attr.name.pos);
    run.extraItems.push(valueItem(unit, `${unit.path}:${attr.name.text}`, pos.line, pos.column, [change]));
  }
  mapTfvars(run, unit);
}

function mapTfvars(run: RunContext, unit: Unit): void {
  for (const attr of attributesOf(unit.tree.body)) {
    const mapName = valueMapFor(attr.name.text);
    if (!mapName) continue;
    const changes = mapAttributeValue(run, attr, mapName);
    const pos = unit.source.pos(attr.name.pos);
    if (changes.length > 0) run.extraItems.push(valueItem(unit, `${unit.path}:${attr.name.text}`, pos.line, pos.column, changes));
  }
}

function valueMapFor(name: string): string | undefined {
  return VALUE_BY_NAME.find(([re]) => re.test(name))?.[1];
}

/** Map a literal string, or each string of a literal list, through a value map. */
function mapAttributeValue(run: RunContext, attr: Attribute, mapName: string): Change[] {
  const map = run.table.values.get(mapName);
  const value = staticValue(attr.expr);
  if (!map || value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === "string")) return [];
  const changes: Change[] = [];
  const mapped = (values as string[]).map((v) => {
    const found = lookupValue(map, v);
    if (found.value === undefined) {
      changes.push({ argument: attr.name.text, kind: "note", severity: "warning", reason: `No Alibaba Cloud equivalent is known for ${JSON.stringify(v)} in ${mapName}.`, action: "Set the Alibaba Cloud value by hand." });
      return v;
    }
    if (found.value !== v) changes.push({ argument: attr.name.text, kind: "value-mapped", to: JSON.stringify(found.value), severity: "info", reason: `${JSON.stringify(v)} → ${JSON.stringify(found.value)}${found.note ? ` (${found.note})` : ""}.` });
    return String(found.value);
  });
  if (changes.some((c) => c.kind === "value-mapped")) replaceAttributeValue(attr, Array.isArray(value) ? `[${mapped.map(quote).join(", ")}]` : quote(mapped[0]!));
  return changes;
}

function valueItem(unit: Unit, address: string, line: number, column: number, changes: Change[]): ReportItem {
  return { address, awsType: "value", service: "Values", module: unit.dir, file: unit.path, line, column, status: "translated", targets: [address], changes, injected: [] };
}

/**
 * The DynamoDB lock table and the state bucket (with its companions) are
 * created by bootstrap-state.sh, so they leave the Terraform code.
 */
function absorbStateBackendBlocks(run: RunContext): void {
  const backend = run.stateBackend;
  const buckets = literalBucketNames(run);
  for (const plan of run.plans.values()) {
    const { top } = plan;
    if (top.type === "aws_dynamodb_table" && isStateLockTable(top.block)) {
      plan.absorbedInto = { target: "terraform.backend.oss (tablestore_table)", reason: "it only locks Terraform state; the OSS backend locks in a Tablestore table that bootstrap-state.sh creates." };
      plan.item.changes.push({ argument: "(block)", kind: "moved", to: "bootstrap-state.sh", severity: "info", reason: "State locking moves to Tablestore, created by bootstrap-state.sh rather than by Terraform." });
      continue;
    }
    if (backend?.bucket && top.type.startsWith("aws_s3_bucket") && bucketOf(top, buckets) === backend.bucket) {
      plan.absorbedInto = { target: "bootstrap-state.sh", reason: `bucket ${backend.bucket} holds the Terraform state; bootstrap-state.sh creates it (versioned) with the aliyun CLI, so no Terraform run can destroy its own state.` };
      plan.item.changes.push({ argument: "(block)", kind: "moved", to: "bootstrap-state.sh", severity: "info", reason: "The state bucket is bootstrapped outside Terraform." });
    }
  }
}

/** Literal bucket names of aws_s3_bucket blocks, by folder and address. */
function literalBucketNames(run: RunContext): Map<string, string> {
  const names = new Map<string, string>();
  for (const dir of run.model.dirs.values()) {
    for (const b of dir.blocks) {
      if (b.kind !== "resource" || b.type !== "aws_s3_bucket") continue;
      const attr = getAttribute(b.block, "bucket");
      const v = attr ? staticValue(attr.expr) : undefined;
      if (typeof v === "string") names.set(`${dir.dir}:${b.address}`, v);
    }
  }
  return names;
}

/** The bucket a block is about: `bucket = "name"`, or `bucket = aws_s3_bucket.x.id` (or .bucket) of a literally named bucket. */
function bucketOf(top: TopBlock, buckets: Map<string, string>): string | undefined {
  const attr = getAttribute(top.block, "bucket");
  if (!attr) return undefined;
  const v = staticValue(attr.expr);
  if (typeof v === "string") return v;
  const e = attr.expr;
  if (e.type === "GetAttr" && e.target.type === "GetAttr" && e.target.target.type === "Variable") {
    return buckets.get(`${top.unit.dir}:${e.target.target.name.text}.${e.target.name.text}`);
  }
  return undefined;
}
