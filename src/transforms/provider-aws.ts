/**
 * provider "aws" → provider "alicloud". The region goes through the region
 * map; identity goes through RAM role assumption (the role ARN is an input
 * variable); static keys are never copied — Alibaba's own guidance is to
 * use RAM roles or OIDC, and a key in a provider block ends up in state,
 * logs and pull requests.
 */

import { attributesOf, blocksOf, type Block } from "../hcl/cst.js";
import { getAttribute, quote, removeAttribute, removeBlock, renameBlock, replaceAttributeValue, setAttribute, addBlock } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { lookupValue } from "../mapping/values.js";
import type { TopBlock } from "../model/model.js";
import type { Change, ReportItem } from "../report/model.js";
import { decide, type RunContext, type StackContext } from "./context.js";

/** Arguments that carry credentials: dropped, never echoed (not even in the report). */
export const CREDENTIAL_ARGUMENTS = new Set(["access_key", "secret_key", "token"]);

const DROPPED: Record<string, { reason: string; action: string; severity: "info" | "warning" }> = {
  profile: { reason: "AWS CLI profiles do not exist on Alibaba Cloud.", action: "Use an aliyun CLI profile (~/.aliyun/config.json) or role assumption.", severity: "info" },
  shared_credentials_files: { reason: "AWS credential files do not apply.", action: "Use an aliyun CLI profile or role assumption.", severity: "info" },
  shared_config_files: { reason: "AWS config files do not apply.", action: "Use an aliyun CLI profile or role assumption.", severity: "info" },
  allowed_account_ids: { reason: "The alicloud provider has no account allow-list.", action: "Restrict with the RAM role's trust policy instead.", severity: "warning" },
  forbidden_account_ids: { reason: "The alicloud provider has no account deny-list.", action: "Restrict with the RAM role's trust policy instead.", severity: "warning" },
  skip_credentials_validation: { reason: "No equivalent.", action: "None needed.", severity: "info" },
  skip_metadata_api_check: { reason: "No equivalent.", action: "None needed.", severity: "info" },
  skip_region_validation: { reason: "No equivalent.", action: "None needed.", severity: "info" },
  skip_requesting_account_id: { reason: "No equivalent.", action: "None needed.", severity: "info" },
  max_retries: { reason: "The alicloud provider retries throttled calls itself.", action: "Run terraform with -parallelism=5 or lower: Alibaba Cloud throttles API calls strictly.", severity: "info" },
  endpoints: { reason: "AWS service endpoints do not apply.", action: "Set alicloud endpoints only if you use private endpoints (the provider's endpoints block).", severity: "warning" },
  ignore_tags: { reason: "The alicloud provider has no ignore_tags.", action: "Use lifecycle.ignore_changes on tags where needed.", severity: "warning" },
};

export function translateProvider(run: RunContext, stack: StackContext, top: TopBlock): ReportItem {
  const block = top.block;
  const item: ReportItem = { address: top.address, awsType: "provider", service: "Provider", module: top.unit.dir, file: top.unit.path, line: top.pos.line, column: top.pos.column, status: "translated", targets: [], changes: [], injected: [] };
  const change = (c: Change): void => {
    item.changes.push(c);
  };
  renameBlock(block, undefined, ["alicloud"]);
  item.targets.push(top.name ? `provider.alicloud.${top.name}` : "provider.alicloud");
  for (const attr of attributesOf(block.body)) {
    const name = attr.name.text;
    if (CREDENTIAL_ARGUMENTS.has(name)) {
      removeAttribute(block, name);
      change({ argument: name, kind: "dropped", severity: "warning", reason: "A static credential was found in the provider block and was not copied (its value is not shown anywhere).", action: "Revoke the AWS key if it was real. On Alibaba Cloud, authenticate by RAM role assumption via OIDC (assume_role_with_oidc) in CI, or an aliyun CLI profile locally — never keys in code." });
    } else if (name === "region") mapRegion(run, block, change);
    else if (DROPPED[name]) {
      removeAttribute(block, name);
      change({ argument: name, kind: "dropped", ...DROPPED[name]! });
    } else if (name !== "alias") {
      removeAttribute(block, name);
      change({ argument: name, kind: "dropped", severity: "warning", reason: `The alicloud provider has no '${name}'.`, action: "Check whether the setting matters on Alibaba Cloud." });
    }
  }
  for (const nested of blocksOf(block.body)) translateNested(block, nested, stack, change);
  ensureAssumeRole(block, stack, change);
  decide(run, { topic: "identity", summary: "Provider identity by RAM role assumption", detail: "Every provider assumes a RAM role whose ARN is the input variable alicloud_assume_role_arn; static keys are never copied. In CI use assume_role_with_oidc with the pipeline's OIDC token." });
  decide(run, { topic: "throttling", summary: "Run with -parallelism=5", detail: "Alibaba Cloud throttles API calls per account more strictly than AWS; terraform apply -parallelism=5 avoids Throttling.User errors on large stacks." });
  return item;
}

function mapRegion(run: RunContext, block: Block, change: (c: Change) => void): void {
  const attr = getAttribute(block, "region")!;
  const value = staticValue(attr.expr);
  if (typeof value !== "string") return; // a variable: mapped where its value is set
  const map = run.table.values.get("regions");
  const found = map ? lookupValue(map, value) : {};
  if (found.value === undefined) {
    change({ argument: "region", kind: "note", severity: "warning", reason: `No Alibaba Cloud region is known for ${value}.`, action: "Choose the target region by hand." });
    return;
  }
  if (found.value !== value) replaceAttributeValue(attr, quote(String(found.value)));
  change({ argument: "region", kind: "value-mapped", to: JSON.stringify(found.value), severity: "info", reason: `${value} → ${found.value}${found.note ? ` (${found.note})` : ""}.` });
}

function translateNested(block: Block, nested: Block, stack: StackContext, change: (c: Change) => void): void {
  const name = nested.blockType.text;
  if (name === "default_tags") {
    const tags = getAttribute(nested, "tags");
    if (tags) stack.defaultTags = exprSource(tags.expr);
    removeBlock(block, nested);
    change({ argument: "default_tags", kind: "moved", to: "tags", severity: "info", reason: "The alicloud provider has no default tags; aws2ali merged them into the tags of every resource that takes tags." });
    return;
  }
  if (name === "assume_role") {
    for (const a of attributesOf(nested.body)) {
      const n = a.name.text;
      if (n === "role_arn") replaceAttributeValue(a, "var.alicloud_assume_role_arn");
      else if (n === "duration") {
        removeAttribute(nested, n);
        setAttribute(nested, "session_expiration", "3600");
      } else if (n !== "session_name" && n !== "external_id" && n !== "policy") removeAttribute(nested, n);
    }
    declareRoleVariable(stack);
    change({ argument: "assume_role.role_arn", kind: "value-mapped", to: "var.alicloud_assume_role_arn", severity: "info", reason: "An AWS role ARN means nothing on Alibaba Cloud: the RAM role to assume is an input variable." });
    return;
  }
  removeBlock(block, nested);
  change({ argument: name, kind: "dropped", severity: "warning", reason: `The alicloud provider has no '${name}' block.`, action: "Check whether the setting matters on Alibaba Cloud." });
}

function ensureAssumeRole(block: Block, stack: StackContext, change: (c: Change) => void): void {
  if (blocksOf(block.body).some((b) => b.blockType.text === "assume_role")) return;
  addBlock(block, { type: "assume_role", labels: [], items: [{ attr: "role_arn", expr: "var.alicloud_assume_role_arn" }] });
  declareRoleVariable(stack);
  change({ argument: "assume_role", kind: "note", severity: "info", reason: "Added: the provider assumes a RAM role (ARN from var.alicloud_assume_role_arn) instead of using static keys." });
}

function declareRoleVariable(stack: StackContext): void {
  stack.inputs.set("alicloud_assume_role_arn", { description: "ARN of the RAM role Terraform assumes, e.g. acs:ram::<account-id>:role/terraform. Authenticate to assume it with OIDC in CI or an aliyun CLI profile locally.", type: "string" });
}
