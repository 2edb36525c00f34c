/**
 * The terraform block: required_providers aws → aliyun/alicloud pinned to
 * the schema we validate against, and backend "s3" → backend "oss" with
 * Tablestore locking. The state bucket and the lock table are bootstrapped
 * by a generated aliyun CLI script, never by Terraform itself: state that
 * manages its own bucket can destroy itself.
 */

import { attributesOf, blocksOf, type Block } from "../hcl/cst.js";
import { blockLabels, getAttribute, quote, removeAttribute, renameBlock, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import { staticValue } from "../hcl/value.js";
import { lookupValue } from "../mapping/values.js";
import type { TopBlock } from "../model/model.js";
import type { Change, ReportItem } from "../report/model.js";
import { decide, type RunContext } from "./context.js";
import { CREDENTIAL_ARGUMENTS } from "./provider-aws.js";

export interface StateBackend {
  bucket: string | undefined;
  lockTable: string | undefined;
  region: string | undefined;
  instance: string;
}

export function translateTerraformBlock(run: RunContext, top: TopBlock): ReportItem[] {
  const items: ReportItem[] = [];
  for (const nested of blocksOf(top.block.body)) {
    if (nested.blockType.text === "required_providers") items.push(translateRequiredProviders(run, top, nested));
    if (nested.blockType.text === "backend" && blockLabels(nested)[0] === "s3") items.push(translateBackend(run, top, nested));
  }
  return items;
}

function itemFor(top: TopBlock, address: string, block: Block): ReportItem {
  const pos = top.unit.source.pos(block.blockType.pos);
  return { address, awsType: address, service: "Terraform", module: top.unit.dir, file: top.unit.path, line: pos.line, column: pos.column, status: "translated", targets: [], changes: [], injected: [] };
}

function translateRequiredProviders(run: RunContext, top: TopBlock, rp: Block): ReportItem {
  const item = itemFor(top, "terraform.required_providers.aws", rp);
  const aws = getAttribute(rp, "aws");
  if (!aws) return item;
  const spec = `{\n  source  = "aliyun/alicloud"\n  version = ${quote(run.settings.providerVersion)}\n}`;
  replaceAttributeValue(aws, spec);
  aws.name.text = "alicloud";
  item.targets.push("terraform.required_providers.alicloud");
  item.changes.push({ argument: "aws", kind: "renamed", to: `aliyun/alicloud ${run.settings.providerVersion}`, severity: "info", reason: `Pinned to the provider version whose schema aws2ali validated the output against (${run.schema.provider_version}).` });
  return item;
}

function literal(block: Block, name: string): string | undefined {
  const a = getAttribute(block, name);
  const v = a ? staticValue(a.expr) : undefined;
  return typeof v === "string" ? v : undefined;
}

function translateBackend(run: RunContext, top: TopBlock, backend: Block): ReportItem {
  const item = itemFor(top, "terraform.backend.s3", backend);
  const change = (c: Change): void => {
    item.changes.push(c);
  };
  const bucket = literal(backend, "bucket");
  const key = literal(backend, "key");
  const awsRegion = literal(backend, "region");
  const lockTable = literal(backend, "dynamodb_table");
  const regions = run.table.values.get("regions");
  const region = awsRegion && regions ? (lookupValue(regions, awsRegion).value as string | undefined) : undefined;
  const instance = otsInstanceName(bucket);
  renameBlock(backend, undefined, ["oss"]);
  item.targets.push("terraform.backend.oss");
  for (const attr of attributesOf(backend.body)) {
    const name = attr.name.text;
    if (name === "bucket" || name === "encrypt" || name === "acl") continue;
    if (name === "key") {
      const { prefix, file } = splitKey(key);
      replaceAttributeValue(attr, quote(file));
      if (prefix) setAttribute(backend, "prefix", quote(prefix));
      change({ argument: "key", kind: "value-mapped", to: `prefix ${JSON.stringify(prefix)} + key ${JSON.stringify(file)}`, severity: "info", reason: "The OSS backend splits the state path into a prefix (folder) and a key (file name)." });
    } else if (name === "region") {
      if (region) replaceAttributeValue(attr, quote(region));
      change({ argument: "region", kind: region ? "value-mapped" : "note", to: region ?? "", severity: region ? "info" : "warning", reason: region ? `${awsRegion} → ${region}.` : "The backend region could not be mapped.", ...(region ? {} : { action: "Set the Alibaba Cloud region by hand." }) });
    } else if (name === "dynamodb_table") {
      removeAttribute(backend, name);
      setAttribute(backend, "tablestore_table", quote(lockTable ?? "terraform-locks"));
      setAttribute(backend, "tablestore_endpoint", quote(`https://${instance}.${region ?? "REGION"}.ots.aliyuncs.com`));
      change({ argument: "dynamodb_table", kind: "renamed", to: "tablestore_table + tablestore_endpoint", severity: "info", reason: `State locks move to the Tablestore table ${lockTable} in instance ${instance}, created by bootstrap-state.sh.` });
    } else if (name === "role_arn") {
      removeAttribute(backend, name);
      setAttribute(backend, "assume_role_role_arn", '"acs:ram::ACCOUNT_ID:role/terraform"');
      change({ argument: "role_arn", kind: "note", severity: "warning", reason: "Backends cannot read variables, so the RAM role ARN is a placeholder.", action: "Replace ACCOUNT_ID in assume_role_role_arn, or pass -backend-config=assume_role_role_arn=… to terraform init." });
    } else if (CREDENTIAL_ARGUMENTS.has(name) || name === "secret_key" || name === "access_key") {
      removeAttribute(backend, name);
      change({ argument: name, kind: "dropped", severity: "warning", reason: "A static credential in the backend was not copied (its value is not shown).", action: "Authenticate with RAM role assumption (assume_role_role_arn) or an aliyun CLI profile." });
    } else if (name === "profile") {
      change({ argument: name, kind: "kept", severity: "info", reason: "The OSS backend reads aliyun CLI profiles of the same name." });
    } else {
      removeAttribute(backend, name);
      change({ argument: name, kind: "dropped", severity: "info", reason: `The OSS backend has no '${name}'.`, action: "Nothing to do unless you relied on it." });
    }
  }
  if (!getAttribute(backend, "region") && region) setAttribute(backend, "region", quote(region));
  run.stateBackend = { bucket, lockTable, region, instance };
  run.extraFiles.set("bootstrap-state.sh", bootstrapScript(run.stateBackend));
  item.injected.push({ address: "bootstrap-state.sh", why: "Creates the versioned OSS state bucket and the Tablestore lock table with the aliyun CLI, before terraform init." });
  decide(run, { topic: "state-backend", summary: "State in OSS with versioning, locks in Tablestore", detail: `backend "oss" keeps state in bucket ${bucket} with versioning; locks live in Tablestore table ${lockTable ?? "terraform-locks"} (instance ${instance}). Both are created once by bootstrap-state.sh with the aliyun CLI, not by Terraform.` });
  return item;
}

/** `env/app/terraform.tfstate` → prefix `env/app`, key `terraform.tfstate`. */
function splitKey(key: string | undefined): { prefix: string; file: string } {
  if (!key) return { prefix: "", file: "terraform.tfstate" };
  const k = key.replace(/^\/+|\/+$/g, "");
  const i = k.lastIndexOf("/");
  return i < 0 ? { prefix: "", file: k } : { prefix: k.slice(0, i), file: k.slice(i + 1) };
}

/** Tablestore instance names: 3–16 letters, digits and hyphens, starting with a letter. */
function otsInstanceName(bucket: string | undefined): string {
  const base = (bucket ?? "tfstate").toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^[^a-z]+/, "");
  return ("tf-" + base).slice(0, 16).replace(/-+$/, "") || "tf-state";
}

function bootstrapScript(b: StateBackend): string {
  const region = b.region ?? "REGION";
  const table = b.lockTable ?? "terraform-locks";
  return `#!/usr/bin/env bash
# Generated by aws2ali: create the Terraform state backend on Alibaba Cloud, once,
# before 'terraform init'. The state bucket is created here with the aliyun CLI
# rather than by Terraform, so no Terraform run can ever destroy its own state.
# Needs: aliyun CLI (configured with a profile that may create OSS buckets and
# Tablestore instances), ossutil, and the Tablestore CLI (ts).
set -euo pipefail

REGION="\${REGION:-${region}}"
BUCKET="\${BUCKET:-${b.bucket ?? "CHANGE-ME-tfstate"}}"
OTS_INSTANCE="\${OTS_INSTANCE:-${b.instance}}"
LOCK_TABLE="\${LOCK_TABLE:-${table}}"

echo "Creating OSS bucket oss://$BUCKET in $REGION (private, versioned)"
aliyun oss mb "oss://$BUCKET" --region "$REGION" --acl private
ossutil api put-bucket-versioning --bucket "$BUCKET" --versioning-configuration '{"Status":"Enabled"}'

echo "Creating Tablestore instance $OTS_INSTANCE and lock table $LOCK_TABLE"
aliyun ots CreateInstance --region "$REGION" --InstanceName "$OTS_INSTANCE" --ClusterType SSD
ts config --endpoint "https://$OTS_INSTANCE.$REGION.ots.aliyuncs.com" --instance "$OTS_INSTANCE"
ts create -t "$LOCK_TABLE" --pk '[{"c":"LockID","t":"string"}]'

echo "Done. Now run: terraform init"
`;
}

/** True when an AWS DynamoDB table only serves state locking (primary key LockID). */
export function isStateLockTable(block: Block): boolean {
  const hash = getAttribute(block, "hash_key");
  return hash !== undefined && staticValue(hash.expr) === "LockID";
}
