/**
 * aws_lambda_function → alicloud_fcv3_function (Function Compute 3.0).
 *
 * The rule renames the plain arguments; this transform writes what depends
 * on Function Compute's own rules or on other blocks:
 * - the code (a zip file, an OSS object, or a container image in ACR);
 * - CPU: FC sizes CPU and memory separately and checks that they fit
 *   together, where Lambda derives CPU from memory;
 * - VPC access needs the VPC id as well as the vSwitches;
 * - logs: FC writes to an SLS log store only when log_config names one;
 * - reserved concurrency is a resource of its own.
 * Handlers keep their format, but FC's event and context objects are not
 * Lambda's: the report always asks for a code review.
 */

import { blocksOf } from "../hcl/cst.js";
import { addBlock, getAttribute, quote, removeAttribute, removeBlock, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { instanceRef, originalSource, plansOfType, refersTo, repetition } from "./aws-graph.js";
import type { Plan, TransformContext } from "./context.js";
import { ecrLookupsIn, ecrRepositoriesIn, rewriteDataRepositoryUrls, rewriteRepositoryUrls } from "./ecr-repository.js";
import { retractChanges } from "./report-changes.js";
import { inputVariable } from "./retarget.js";
import { rewriteReferenceText, subnetAttribute, subnetElements } from "./serverless-shared.js";

/** Lambda gives a function one vCPU per 1,769 MB of memory (AWS Lambda docs, "Memory and computing power"). */
const LAMBDA_MB_PER_VCPU = 1769;
/** FC 3.0: memory in multiples of 64 MB from 128 MB; CPU in multiples of 0.05 vCPU with vCPU:GB between 1:1 and 1:4 (FC docs, "Instance types and specifications"). */
const FC_MEMORY_STEP = 64;
const FC_CPU_STEP = 0.05;
/** FC 3.0 disk sizes (MB): 512 or 10,240. */
const FC_DISK_SIZES = [512, 10240];
const LAMBDA_DEFAULTS = { memory: 128, timeout: 3 };

export function lambdaFunction(ctx: TransformContext): void {
  setCode(ctx);
  setRuntime(ctx);
  setVpc(ctx);
  setSizes(ctx);
  setDisk(ctx);
  setLogs(ctx);
  emitConcurrency(ctx);
  checkRole(ctx);
  checkLayers(ctx);
  ctx.change({ argument: "handler", kind: "note", severity: "warning", reason: "Function Compute calls the same handler string, but its event and context objects differ from Lambda's (triggers deliver CloudEvents or FC's own event formats; there is no Lambda context, no AWS SDK credentials in the environment).", action: "Port the handler: read events in FC's format for each trigger, take credentials from the FC context (the function's RAM role), and replace AWS SDK calls with Alibaba Cloud SDK calls." });
}

// ---- code ------------------------------------------------------------------------------------

function setCode(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const filename = getAttribute(o, "filename");
  const bucket = getAttribute(o, "s3_bucket");
  const key = getAttribute(o, "s3_key");
  const image = getAttribute(o, "image_uri");
  if (image) return setImage(ctx, exprSource(image.expr));
  if (filename) {
    retractChanges(ctx, "filename");
    retractChanges(ctx, "source_code_hash");
    addBlock(ctx.block, { type: "code", labels: [], items: [{ attr: "zip_file", expr: `filebase64(${exprSource(filename.expr)})` }] });
    ctx.change({ argument: "filename", kind: "moved", to: "code.zip_file", severity: "info", reason: "FC takes the zip package inline, base64-encoded: code { zip_file = filebase64(<file>) }. Changes to the file change the argument, so source_code_hash is not needed." });
    return;
  }
  if (bucket && key) {
    retractChanges(ctx, "s3_bucket");
    retractChanges(ctx, "s3_key");
    addBlock(ctx.block, { type: "code", labels: [], items: [{ attr: "oss_bucket_name", expr: exprSource(bucket.expr) }, { attr: "oss_object_name", expr: exprSource(key.expr) }] });
    const translated = /\baws_s3_bucket\./.test(exprSource(bucket.expr));
    ctx.change({ argument: "s3_bucket", kind: "moved", to: "code { oss_bucket_name, oss_object_name }", severity: translated ? "info" : "warning", reason: `FC reads the package from OSS: the bucket ${exprSource(bucket.expr)} and object ${exprSource(key.expr)}.`, action: translated ? "Upload the package to the translated OSS bucket (same key) before applying." : "The bucket is not part of this configuration: copy the package to an OSS bucket in the function's region and set oss_bucket_name to it." });
    return;
  }
  ctx.change({ argument: "code", kind: "note", severity: "warning", reason: "The function names no code (filename, s3_bucket/s3_key or image_uri); FC creates a function without code only to fail on invocation.", action: "Add code { zip_file = filebase64(<zip>) } or code { oss_bucket_name, oss_object_name }." });
}

/** A container image: custom_container_config { image } with runtime custom-container; the image must be in ACR. */
function setImage(ctx: TransformContext, uri: string): void {
  retractChanges(ctx, "image_uri");
  retractChanges(ctx, "package_type");
  const existing = blocksOf(ctx.block.body).find((b) => b.blockType.text === "custom_container_config");
  if (existing) setAttribute(existing, "image", uri);
  else addBlock(ctx.block, { type: "custom_container_config", labels: [], items: [{ attr: "image", expr: uri }] });
  setAttribute(ctx.block, "runtime", '"custom-container"');
  retractChanges(ctx, "runtime");
  if (!getAttribute(ctx.block, "handler")) {
    setAttribute(ctx.block, "handler", '"index.handler"');
    ctx.change({ argument: "handler", kind: "note", to: '"index.handler"', severity: "info", reason: "FC requires a handler even for container images; it is not used by the container." });
  }
  const repos = [...ecrRepositoriesIn(ctx, uri), ...ecrLookupsIn(ctx, uri)];
  for (const r of repos) if (r.startsWith("data.")) rewriteDataRepositoryUrls(ctx, r);
  else rewriteRepositoryUrls(ctx, r);
  ctx.change({ argument: "image_uri", kind: "moved", to: "custom_container_config.image", severity: repos.length > 0 ? "info" : "warning", reason: `The image runs as a custom container (runtime = "custom-container"). FC pulls images from Alibaba Cloud Container Registry only${repos.length > 0 ? "; the ECR repository's address became the ACR address" : ""}. The container must serve HTTP on custom_container_config.port (default 9000) instead of the Lambda Runtime API${existing ? "; in Lambda images CMD (image_config.command, copied to command) names the handler, while FC runs it as the container's command" : ""}.`, action: repos.length > 0 ? "Push the image to ACR and rebuild it to serve FC's HTTP interface (drop the Lambda runtime interface client)." : "Push the image to ACR, set image to its ACR address, and rebuild it to serve FC's HTTP interface." });
}

// ---- runtime -------------------------------------------------------------------------------------

/**
 * A Lambda runtime FC has no same-version counterpart for: the next newer
 * FC version of the language (python3.11 → python3.12), else a custom
 * runtime on Debian 12 that brings its own language runtime.
 */
export function fallbackRuntime(aws: string, accepted: string[]): string {
  const m = /^(python|nodejs)(\d+)(?:\.(\d+))?/.exec(aws);
  if (m) {
    const want = Number(m[2]) * 100 + Number(m[3] ?? 0);
    const candidates = accepted
      .map((r) => ({ r, v: /^(python|nodejs)(\d+)(?:\.(\d+))?$/.exec(r) }))
      // Python runtimes are compared by minor version (python3.12), Node.js by major (nodejs20).
      .filter((c) => c.v && c.v[1] === m[1] && (c.v[3] !== undefined) === (m[1] === "python"))
      .map((c) => ({ r: c.r, n: Number(c.v![2]) * 100 + Number(c.v![3] ?? 0) }))
      .filter((c) => c.n >= want)
      .sort((a, b) => a.n - b.n);
    if (candidates[0]) return candidates[0].r;
  }
  return "custom.debian12";
}

function setRuntime(ctx: TransformContext): void {
  const rt = getAttribute(ctx.block, "runtime");
  const v = rt ? staticValue(rt.expr) : undefined;
  const accepted = ctx.run.schema.resources["alicloud_fcv3_function"]?.attrs.runtime?.enum ?? [];
  if (typeof v !== "string" || accepted.length === 0 || accepted.includes(v)) return;
  const to = fallbackRuntime(v, accepted);
  setAttribute(ctx.block, "runtime", quote(to));
  retractChanges(ctx, "runtime");
  const custom = to.startsWith("custom");
  ctx.change({ argument: "runtime", kind: "value-mapped", to: JSON.stringify(to), severity: "warning", reason: custom ? `FC has no ${v} runtime: the function runs on FC's custom runtime (${to}), which must bring the language runtime and start an HTTP server (bootstrap) instead of Lambda's runtime API.` : `FC has no ${v} runtime; ${to} is the nearest newer one.`, action: custom ? "Package the language runtime with the code and add a bootstrap script, or run the function as a custom container; or pick a runtime FC offers." : `Test the code on ${to} (newer language version).` });
}

// ---- VPC -------------------------------------------------------------------------------------

/** FC VPC access needs vpc_id next to vswitch_ids: the VPC of the first subnet. */
function setVpc(ctx: TransformContext): void {
  const vpc = blocksOf(ctx.block.body).find((b) => b.blockType.text === "vpc_config");
  if (!vpc) return;
  const original = blocksOf(ctx.plan.original.body).find((b) => b.blockType.text === "vpc_config");
  const ids = original ? getAttribute(original, "subnet_ids")?.expr : undefined;
  const first = subnetElements(ctx, ids).first;
  const vpcId = subnetAttribute(ctx, first, "vpc_id");
  if (vpcId) {
    setAttribute(vpc, "vpc_id", vpcId);
    ctx.change({ argument: "vpc_config", kind: "note", severity: "info", to: "vpc_config.vpc_id", reason: "FC's VPC access also names the VPC: vpc_id is the VPC of the first vSwitch." });
  } else {
    setAttribute(vpc, "vpc_id", inputVariable(ctx, `${ctx.top.name}_vpc_id`, `VPC of the vSwitches ${ctx.top.address} runs in (FC's vpc_config needs it).`, { type: "string" }));
    ctx.change({ argument: "vpc_config", kind: "note", severity: "warning", reason: "FC's VPC access also names the VPC, which aws2ali cannot tell from the subnets here.", action: `Set the input variable ${ctx.top.name}_vpc_id to the VPC of the vSwitches.` });
  }
  if (!getAttribute(ctx.block, "internet_access")) ctx.change({ argument: "vpc_config", kind: "note", severity: "info", reason: "An FC function with VPC access keeps its own internet access (internet_access defaults to true), where a Lambda function in a VPC reaches the internet only through a NAT gateway.", action: "Set internet_access = false if the function must reach the internet only through the VPC." });
}

// ---- CPU, memory, disk ------------------------------------------------------------------------------

function roundStep(x: number, step: number, dir: "up" | "down"): number {
  const n = dir === "up" ? Math.ceil(x / step - 1e-9) : Math.floor(x / step + 1e-9);
  return Math.round(n * step * 100) / 100;
}

/** FC CPU for a memory size: Lambda's share, rounded up to 0.05 vCPU, kept within 1:1–1:4 vCPU:GB. */
export function fcCpu(memoryMb: number): number {
  const gb = memoryMb / 1024;
  const want = roundStep(memoryMb / LAMBDA_MB_PER_VCPU, FC_CPU_STEP, "up");
  const low = roundStep(gb / 4, FC_CPU_STEP, "up");
  const high = roundStep(gb, FC_CPU_STEP, "down");
  return Math.max(FC_CPU_STEP, Math.min(high, Math.max(low, want)));
}

function setSizes(ctx: TransformContext): void {
  const mem = getAttribute(ctx.plan.original, "memory_size");
  const value = mem ? staticValue(mem.expr) : LAMBDA_DEFAULTS.memory;
  if (!getAttribute(ctx.plan.original, "timeout")) {
    setAttribute(ctx.block, "timeout", String(LAMBDA_DEFAULTS.timeout));
    ctx.change({ argument: "timeout", kind: "note", to: String(LAMBDA_DEFAULTS.timeout), severity: "info", reason: "Lambda's default timeout (3 s) is written out: FC's default differs." });
  }
  if (typeof value !== "number") {
    const m = exprSource(mem!.expr);
    setAttribute(ctx.block, "cpu", `min(floor(${m} / 1024 * 20) / 20, max(ceil(${m} / ${LAMBDA_MB_PER_VCPU} * 20) / 20, ceil(${m} / 4096 * 20) / 20))`);
    ctx.change({ argument: "memory_size", kind: "note", severity: "warning", reason: `memory_size comes from ${m}; cpu is computed from it (Lambda's ${LAMBDA_MB_PER_VCPU} MB per vCPU, kept within FC's 1:1–1:4 vCPU:GB). FC takes memory in multiples of ${FC_MEMORY_STEP} MB.`, action: `Make sure the value is a multiple of ${FC_MEMORY_STEP} MB.` });
    return;
  }
  const memory = Math.max(128, Math.ceil(value / FC_MEMORY_STEP) * FC_MEMORY_STEP);
  if (memory !== value || !mem) {
    setAttribute(ctx.block, "memory_size", String(memory));
    retractChanges(ctx, "memory_size");
    ctx.change({ argument: "memory_size", kind: "value-mapped", to: String(memory), severity: "info", reason: mem ? `FC takes memory in multiples of ${FC_MEMORY_STEP} MB: ${value} → ${memory}.` : `Lambda's default memory (${LAMBDA_DEFAULTS.memory} MB) is written out: FC's default differs.` });
  }
  const cpu = fcCpu(memory);
  setAttribute(ctx.block, "cpu", String(cpu));
  ctx.change({ argument: "memory_size", kind: "note", to: `cpu = ${cpu}`, severity: "info", reason: `FC sizes CPU separately: cpu = ${cpu} vCPU for ${memory} MB, Lambda's share (one vCPU per ${LAMBDA_MB_PER_VCPU} MB) rounded up to ${FC_CPU_STEP} vCPU within FC's 1:1–1:4 vCPU:GB.` });
}

function setDisk(ctx: TransformContext): void {
  const disk = getAttribute(ctx.block, "disk_size");
  if (!disk) return;
  const v = staticValue(disk.expr);
  retractChanges(ctx, "ephemeral_storage.size");
  if (typeof v !== "number") {
    ctx.change({ argument: "ephemeral_storage.size", kind: "note", severity: "warning", reason: `FC's disk_size is 512 or 10240 (MB); the value comes from ${exprSource(disk.expr)}.`, action: "Make sure it yields 512 or 10240." });
    return;
  }
  const size = FC_DISK_SIZES.find((s) => s >= v) ?? FC_DISK_SIZES[FC_DISK_SIZES.length - 1]!;
  setAttribute(ctx.block, "disk_size", String(size));
  ctx.change({ argument: "ephemeral_storage.size", kind: "value-mapped", to: `disk_size = ${size}`, severity: "info", reason: `FC offers 512 MB or 10 GB of /tmp: ${v} MB → ${size}.` });
}

// ---- logs ------------------------------------------------------------------------------------

/** The log group that holds this function's logs: logging_config.log_group, or one named /aws/lambda/<function name>. */
function logGroupOf(ctx: TransformContext): { plan: Plan; viaName: boolean } | undefined {
  const lc = blocksOf(ctx.plan.original.body).find((b) => b.blockType.text === "logging_config");
  const lg = lc ? getAttribute(lc, "log_group")?.expr : undefined;
  const groups = plansOfType(ctx, "aws_cloudwatch_log_group").filter((p) => p.rule?.to && !p.absorbedInto);
  if (lg) {
    const p = groups.find((g) => refersTo(lg, g.top.address));
    return p ? { plan: p, viaName: false } : undefined;
  }
  const fnName = originalSource(ctx.plan, "function_name");
  const fnValue = getAttribute(ctx.plan.original, "function_name");
  const literalName = fnValue ? staticValue(fnValue.expr) : undefined;
  for (const g of groups) {
    const name = getAttribute(g.original, "name");
    if (!name) continue;
    const v = staticValue(name.expr);
    if (typeof v === "string" && typeof literalName === "string" && v === `/aws/lambda/${literalName}`) return { plan: g, viaName: true };
    const src = exprSource(name.expr);
    if (src.startsWith('"/aws/lambda/') && (refersTo(name.expr, ctx.top.address) || (fnName && src === `"/aws/lambda/\${${fnName}}"`))) return { plan: g, viaName: true };
  }
  return undefined;
}

function setLogs(ctx: TransformContext): void {
  const group = logGroupOf(ctx);
  let logConfig = blocksOf(ctx.block.body).find((b) => b.blockType.text === "log_config");
  if (!group) {
    if (logConfig) {
      removeBlock(ctx.block, logConfig);
      retractChanges(ctx, "logging_config", true);
      retractChanges(ctx, "logging_config");
      ctx.change({ argument: "logging_config.log_group", kind: "dropped", severity: "warning", reason: "The log group is not a translated aws_cloudwatch_log_group of this folder, so the SLS project and log store are unknown; log_config was left out (FC then keeps no function logs).", action: "Add log_config { project, logstore } naming an SLS project and log store." });
      return;
    }
    ctx.change({ argument: "logging_config", kind: "note", severity: "warning", reason: "Lambda always logs to CloudWatch Logs; FC keeps function logs only when log_config names an SLS project and log store, and this configuration has none for the function.", action: "Add log_config { project, logstore } with an alicloud_log_project and alicloud_log_store (or translate the function's aws_cloudwatch_log_group)." });
    return;
  }
  const g = group.plan.top.address;
  breakNameCycle(ctx, group.plan);
  if (!logConfig) logConfig = addBlock(ctx.block, { type: "log_config", labels: [], items: [] });
  setAttribute(logConfig, "project", `${g}.project_name`);
  setAttribute(logConfig, "logstore", `${g}.name`);
  setAttribute(logConfig, "enable_request_metrics", "true");
  setAttribute(logConfig, "enable_instance_metrics", "true");
  retractChanges(ctx, "logging_config.log_group");
  ctx.change({ argument: "logging_config", kind: "note", severity: "info", to: "log_config", reason: `FC writes the function's logs to the SLS log store of ${g}${group.viaName ? " (the function's /aws/lambda/ log group)" : ""}, with request and instance metrics.` });
}

/**
 * `/aws/lambda/${aws_lambda_function.x.function_name}` makes the log store
 * depend on the function; the function now names the log store, so the log
 * store takes the function's name expression itself instead.
 */
function breakNameCycle(ctx: TransformContext, group: Plan): void {
  const fnName = getAttribute(ctx.plan.original, "function_name");
  if (!fnName || /\baws_cloudwatch_log_group\./.test(exprSource(fnName.expr))) return;
  const value = staticValue(fnName.expr);
  const replacement = typeof value === "string" ? quote(value) : exprSource(fnName.expr);
  rewriteReferenceText(ctx, ctx.top.address, (_addr, rest) => (rest === ".function_name" || rest === ".id" ? replacement : undefined), [group.top.block]);
}

// ---- concurrency, role, layers -------------------------------------------------------------------

function emitConcurrency(ctx: TransformContext): void {
  const rc = getAttribute(ctx.plan.original, "reserved_concurrent_executions");
  if (!rc) return;
  const v = staticValue(rc.expr);
  if (typeof v === "number" && v < 0) {
    retractChanges(ctx, "reserved_concurrent_executions");
    ctx.change({ argument: "reserved_concurrent_executions", kind: "dropped", severity: "info", reason: "-1 means no reserved concurrency, FC's default." });
    return;
  }
  const fn = instanceRef(`alicloud_fcv3_function.${ctx.top.name}`, ctx.plan.original);
  ctx.emitAfter([{ type: "resource", labels: ["alicloud_fcv3_concurrency_config", ctx.top.name], items: [...repetition(ctx.plan.original), { attr: "function_name", expr: `${fn}.function_name` }, { attr: "reserved_concurrency", expr: exprSource(rc.expr) }] }]);
  retractChanges(ctx, "reserved_concurrent_executions");
  ctx.change({ argument: "reserved_concurrent_executions", kind: "moved", to: `alicloud_fcv3_concurrency_config.${ctx.top.name}`, severity: "info", reason: "Reserved concurrency is a resource of its own in FC (alicloud_fcv3_concurrency_config)." });
}

/** The role must trust fc.aliyuncs.com: the iam-role transform maps lambda.amazonaws.com there. */
function checkRole(ctx: TransformContext): void {
  const role = getAttribute(ctx.plan.original, "role");
  if (!role) return;
  const m = /\baws_iam_role\.([A-Za-z0-9_-]+)/.exec(exprSource(role.expr));
  const plan = m ? ctx.planOf(`aws_iam_role.${m[1]}`) : undefined;
  if (!plan) {
    const awsArn = /^"arn:aws/.test(exprSource(role.expr));
    if (awsArn) setAttribute(ctx.block, "role", inputVariable(ctx, `${ctx.top.name}_role_arn`, `ARN of the RAM role (acs:ram::<uid>:role/<name>, trusting fc.aliyuncs.com) that ${ctx.top.address} runs as; AWS: ${exprSource(role.expr)}.`, { type: "string" }));
    ctx.change({ argument: "role", kind: "note", severity: "warning", reason: `The role ${exprSource(role.expr)} is not a role of this configuration; FC takes a RAM role ARN (acs:ram::<uid>:role/<name>) whose trust policy names fc.aliyuncs.com${awsArn ? `; role is the input variable ${ctx.top.name}_role_arn` : ""}.`, action: awsArn ? `Set ${ctx.top.name}_role_arn to such a RAM role.` : "Set role to such a RAM role, or remove it if the function calls no Alibaba Cloud API." });
    return;
  }
  if (trusts(ctx, plan, "lambda.amazonaws.com")) return;
  ctx.change({ argument: "role", kind: "note", severity: "warning", reason: `${plan.top.address} does not visibly trust lambda.amazonaws.com, so its RAM translation will not trust fc.aliyuncs.com, which FC needs to assume it.`, action: "Add fc.aliyuncs.com to the role's trust policy (Principal.Service)." });
}

function trusts(ctx: TransformContext, role: Plan, principal: string): boolean {
  const text = exprSource(role.original);
  if (text.includes(principal)) return true;
  for (const m of text.matchAll(/data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)/g)) {
    const doc = ctx.planOf(`data.aws_iam_policy_document.${m[1]}`);
    if (doc && exprSource(doc.original).includes(principal)) return true;
  }
  return false;
}

function checkLayers(ctx: TransformContext): void {
  const layers = getAttribute(ctx.block, "layers");
  if (!layers) return;
  retractChanges(ctx, "layers");
  ctx.change({ argument: "layers", kind: "note", severity: "warning", reason: `Lambda layer ARNs (${exprSource(layers.expr).slice(0, 80)}) do not resolve in FC; FC layers are acs:fc:<region>:<uid>:layers/<name>/versions/<n>, and AWS-published layers (extensions, Powertools) have no FC build${/arn:aws/.test(exprSource(layers.expr)) ? "; the AWS layer ARNs were removed" : ""}.`, action: "Publish the layers' contents with alicloud_fcv3_layer_version and reference their layer_version_arn, or bundle them into the package." });
  if (/arn:aws/.test(exprSource(layers.expr))) removeAttribute(ctx.block, "layers");
}
