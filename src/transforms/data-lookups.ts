/**
 * Data sources whose attributes change shape or units, or that have
 * nothing to look up on Alibaba Cloud:
 * - data.aws_ec2_instance_type → data.alicloud_instance_types (memory in
 *   GiB instead of MiB, GPU fields in one object);
 * - data.aws_organizations_organization → Resource Directory (root folder,
 *   member accounts through data.alicloud_resource_manager_accounts);
 * - data.aws_service_principal → the RAM service principal literal;
 * - data.aws_vpc_endpoint_service → the OSS gateway service name, or a
 *   lookup of a user-owned PrivateLink service.
 */

import { attributesOf, blocksOf } from "../hcl/cst.js";
import { getAttribute, quote, removeAttribute, removeBlock, renameBlock, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { META_ARGUMENTS } from "../mapping/engine.js";
import { lookupValue } from "../mapping/values.js";
import type { TransformContext } from "./context.js";
import { foldInto } from "./fold.js";
import { identifier, inputVariable, regionExpr } from "./retarget.js";
import { literal, rewriteOriginals, rewriteReferenceText } from "./serverless-shared.js";

const IDX = "(?:\\[0\\]|\\.0)";

// ---- EC2 instance type ---------------------------------------------------------------------------

export function dataEc2InstanceType(ctx: TransformContext): void {
  const notes: string[] = [];
  rewriteReferenceText(ctx, ctx.top.address, (addr, rest) => {
    if (rest === ".memory_size") {
      notes.push("memory_size");
      return `(${addr}.instance_types[0].memory_size * 1024)`;
    }
    if (rest === ".default_threads_per_core") {
      notes.push("default_threads_per_core");
      return "2";
    }
    if (new RegExp(`^\\.gpus${IDX}\\.count$`).test(rest)) return `${addr}.instance_types[0].gpu.amount`;
    if (new RegExp(`^\\.gpus${IDX}\\.(manufacturer|name)$`).test(rest)) return `${addr}.instance_types[0].gpu.category`;
    if (new RegExp(`^\\.gpus${IDX}\\.memory_size$`).test(rest)) return undefined;
    return undefined;
  });
  if (notes.includes("memory_size")) ctx.change({ argument: "(reference) memory_size", kind: "value-mapped", to: "instance_types[0].memory_size * 1024", severity: "info", reason: "ECS reports memory in GiB, EC2 in MiB: references multiply by 1024." });
  if (notes.includes("default_threads_per_core")) ctx.change({ argument: "(reference) default_threads_per_core", kind: "value-mapped", to: "2", severity: "warning", reason: "data.alicloud_instance_types does not export threads per core; references became 2 (most ECS families run two threads per core).", action: "Check the family: some (e.g. high-frequency or bare-metal types) differ." });
  ctx.change({ argument: "instance_type", kind: "note", severity: "info", reason: "The lookup returns the type only if the provider's region sells it; an empty list makes instance_types[0] fail at plan time.", action: "Add availability_zone to check one zone, or guard references with length(...ids) > 0." });
}

// ---- Organizations ---------------------------------------------------------------------------------

export function dataOrganizationsOrganization(ctx: TransformContext): void {
  const name = ctx.top.name;
  const accounts = `data.alicloud_resource_manager_accounts.${name}`;
  let usesAccounts = false;
  let loose = false;
  const vars: string[] = [];
  const variable = (attr: string, description: string): string => {
    const v = inputVariable(ctx, `${identifier(name)}_org_${attr}`, description, { type: "string" });
    if (!vars.includes(v)) vars.push(v);
    return v;
  };
  rewriteReferenceText(ctx, ctx.top.address, (addr, rest) => {
    if (new RegExp(`^\\.roots${IDX}\\.id$`).test(rest)) return `${addr}.directories[0].root_folder_id`;
    if (new RegExp(`^\\.roots${IDX}\\.name$`).test(rest)) return '"Root"';
    if (new RegExp(`^\\.roots${IDX}\\.arn$`).test(rest)) return variable("root_arn", "Stands for the organization root's ARN; Resource Directory folders have no ARN (use the root folder id).");
    const m = /^\.(accounts|non_master_accounts)((?:\[[^\]]*\]|\.\d+)?)(?:\.([a-z_]+))?$/.exec(rest);
    if (!m) return undefined;
    usesAccounts = true;
    const all = m[1] === "accounts";
    const notMaster = `a.account_id != ${addr}.directories[0].master_account_id`;
    const list = all ? `${accounts}.accounts` : `[for a in ${accounts}.accounts : a if ${notMaster}]`;
    const field = m[3];
    const map: Record<string, string> = { id: "account_id", name: "display_name", status: "status" };
    if (!field) {
      loose = true;
      return m[2] ? `${list}${m[2]}` : list;
    }
    const to = map[field];
    if (!to) return variable(`account_${field}`, `Stands for the accounts' ${field}; data.alicloud_resource_manager_accounts does not export it.`);
    if (m[2] === "[*]" || m[2] === ".*") return all ? `${list}[*].${to}` : `[for a in ${accounts}.accounts : a.${to} if ${notMaster}]`;
    return m[2] ? `${list}${m[2]}.${to}` : undefined;
  });
  if (usesAccounts) {
    ctx.emitAfter([{ type: "data", labels: ["alicloud_resource_manager_accounts", name], items: [] }]);
    ctx.change({ argument: "(reference) accounts", kind: "value-mapped", to: `${accounts}.accounts`, severity: loose ? "warning" : "info", reason: "Member accounts come from data.alicloud_resource_manager_accounts (id → account_id, name → display_name; non_master_accounts leaves out the management account)." + (loose ? " Some references use the account objects themselves, whose fields differ." : ""), ...(loose ? { action: "In expressions over the account objects use account_id, display_name and status; email and arn do not exist." } : {}) });
  }
  for (const v of vars) ctx.change({ argument: "(reference)", kind: "note", severity: "warning", reason: `Resource Directory exports nothing for this attribute; references became ${v}.`, action: "Set the variable or remove the references." });
}

// ---- service principals ------------------------------------------------------------------------------

/**
 * `data.aws_service_principal.x.name` → "ecs.aliyuncs.com": RAM service
 * principals are fixed strings, so there is nothing to look up and the block
 * is not emitted. Policies built from the original blocks see the literal too.
 */
export function servicePrincipal(ctx: TransformContext): void {
  const svc = getAttribute(ctx.plan.original, "service_name");
  const value = svc ? staticValue(svc.expr) : undefined;
  if (typeof value !== "string") {
    ctx.change({ argument: "service_name", kind: "note", severity: "warning", reason: `The service comes from ${svc ? exprSource(svc.expr) : "(unset)"}; aws2ali cannot tell which RAM principal it stands for.`, action: "Replace the references with the RAM principal (<product>.aliyuncs.com)." });
    return;
  }
  const aws = value.includes(".") ? value : `${value}.amazonaws.com`;
  const map = ctx.run.table.values.get("iam-service-principals");
  const found = map ? lookupValue(map, aws) : {};
  if (typeof found.value !== "string") {
    ctx.change({ argument: "service_name", kind: "note", severity: "warning", reason: `No RAM service principal is known for ${aws}.`, action: "Find the Alibaba Cloud service that takes over its job and use its principal (<product>.aliyuncs.com)." });
    return;
  }
  const principal = found.value;
  const rewrite = (_a: string, rest: string): string | undefined => (rest === ".name" || rest === ".id" ? literal(principal) : rest === ".suffix" ? literal("aliyuncs.com") : undefined);
  rewriteOriginals(ctx, ctx.top.address, rewrite);
  const n = rewriteReferenceText(ctx, ctx.top.address, rewrite);
  foldInto(ctx, quote(principal), `RAM service principals are fixed strings (${principal}); there is nothing to look up${n > 0 ? ", and references now use the string" : ""}.`);
  ctx.plan.item.changes.push({ argument: "service_name", kind: "value-mapped", to: quote(principal), severity: "info", reason: `${aws} → ${principal}${found.note ? ` (${found.note})` : ""}.` });
}

// ---- VPC endpoint services ----------------------------------------------------------------------------

/** "com.amazonaws.eu-west-1.s3" → { region: "eu-west-1", service: "s3" }. */
function parseServiceName(name: string): { region?: string; service?: string; vpce?: boolean } {
  if (/^com\.amazonaws\.vpce\./.test(name)) return { vpce: true };
  const m = /^com\.amazonaws\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.([a-z0-9.-]+)$/.exec(name);
  return m ? { region: m[1]!, service: m[2]! } : {};
}

export function vpcEndpointService(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const service = getAttribute(o, "service");
  const serviceName = getAttribute(o, "service_name");
  const type = getAttribute(o, "service_type");
  const sv = service ? staticValue(service.expr) : undefined;
  const sn = serviceName ? staticValue(serviceName.expr) : undefined;
  const parsed = typeof sn === "string" ? parseServiceName(sn) : {};
  const svc = typeof sv === "string" ? sv : parsed.service;
  const gateway = !type || staticValue(type.expr) === "Gateway";
  if (svc === "s3" && gateway) return ossGateway(ctx, parsed.region);
  if (parsed.vpce) return userService(ctx, sn as string);
  if (svc === "dynamodb") {
    ctx.change({ argument: "service", kind: "note", severity: "warning", reason: "DynamoDB gateway endpoints have no counterpart: a Tablestore instance is reached from a VPC through its own VPC attachment.", action: "Bind the Tablestore instance to the VPC (alicloud_ots_instance_attachment) and use its private endpoint." });
    return;
  }
  const v = inputVariable(ctx, `${identifier(ctx.top.name)}_service_name`, `Alibaba Cloud PrivateLink service name standing for the AWS endpoint service ${svc ?? (typeof sn === "string" ? sn : ctx.top.address)} (VPC console → Endpoints → Alibaba Cloud services).`, { type: "string" });
  const n = rewriteReferenceText(ctx, ctx.top.address, (_a, rest) => (rest === ".service_name" || rest === ".id" ? v : undefined));
  ctx.change({ argument: "service", kind: "note", severity: "warning", reason: `The AWS service ${svc ?? "(computed)"} has no known Alibaba Cloud PrivateLink service name${n > 0 ? `; references to its name became ${v}` : ""}.`, action: `Find the service's PrivateLink name in the VPC console (Endpoints → create → Alibaba Cloud services) and set ${v}.` });
}

/** S3 gateway lookups → the fixed OSS gateway endpoint service name com.aliyun.<region>.oss. */
function ossGateway(ctx: TransformContext, awsRegion: string | undefined): void {
  let name: string;
  let note = "";
  if (awsRegion) {
    const map = ctx.run.table.values.get("regions");
    const found = map ? lookupValue(map, awsRegion) : {};
    name = typeof found.value === "string" ? quote(`com.aliyun.${found.value}.oss`) : `"com.aliyun.\${${regionExpr(ctx)}}.oss"`;
    if (typeof found.value !== "string") note = ` No Alibaba Cloud region is known for ${awsRegion}; the provider's region is used.`;
  } else name = `"com.aliyun.\${${regionExpr(ctx)}}.oss"`;
  const n = rewriteReferenceText(ctx, ctx.top.address, (_a, rest) => (rest === ".service_name" || rest === ".id" ? name : undefined));
  foldInto(ctx, name, `the OSS gateway endpoint service has a fixed name (${name}), so there is nothing to look up${n > 0 ? "; references now use it" : ""}.`);
  ctx.plan.item.changes.push({ argument: "service", kind: "value-mapped", to: name, severity: note ? "warning" : "info", reason: `The S3 gateway service becomes the OSS gateway service ${name}, as the vpc-endpoint transform names it.${note}`, ...(note ? { action: "Check the region in the name." } : {}) });
}

/**
 * A user-owned endpoint service (com.amazonaws.vpce.…) → a lookup of the
 * PrivateLink endpoint service that replaces it, by name.
 */
function userService(ctx: TransformContext, awsName: string): void {
  const to = "alicloud_privatelink_vpc_endpoint_services";
  const plan = ctx.plan;
  const block = ctx.top.block;
  renameBlock(block, undefined, [to, ctx.top.name]);
  for (const a of attributesOf(block.body)) if (!META_ARGUMENTS.has(a.name.text)) removeAttribute(block, a.name.text);
  for (const b of blocksOf(block.body)) if (b.blockType.text !== "lifecycle") removeBlock(block, b);
  const v = inputVariable(ctx, `${identifier(ctx.top.name)}_endpoint_service_name`, `Name of the PrivateLink endpoint service (alicloud_privatelink_vpc_endpoint_service) that replaces ${awsName}.`, { type: "string" });
  setAttribute(block, "vpc_endpoint_service_name", v);
  const rule = { ...plan.rule!, to, attributes: { service_name: "services[0].vpc_endpoint_service_name", service_id: "ids[0]", id: "ids[0]", private_dns_name: "services[0].service_domain", base_endpoint_dns_names: { drop: true, reason: "PrivateLink services export one service_domain.", action: "Use services[0].service_domain." } } };
  delete (rule as { manual?: unknown }).manual;
  delete (rule as { transform?: unknown }).transform;
  plan.rule = rule;
  plan.target = { names: ["data", to, ctx.top.name] };
  plan.item.targets.push(`data.${to}.${ctx.top.name}`);
  ctx.change({ argument: "service_name", kind: "value-mapped", to: `vpc_endpoint_service_name = ${v}`, severity: "warning", reason: `${awsName} is an endpoint service of your own (behind a load balancer); on Alibaba Cloud it is an alicloud_privatelink_vpc_endpoint_service, looked up here by name.`, action: `Create the PrivateLink endpoint service for the migrated load balancer and set ${v} to its name.` });
}
