/**
 * aws_ecs_service + aws_ecs_task_definition → alicloud_sae_application.
 *
 * SAE (Serverless App Engine) has no task definitions: an application
 * carries its container's image, command, size, environment and health
 * check itself. The ecs-service transform reads the task definition the
 * service runs (container_definitions as jsonencode(...) or JSON text) and
 * writes those arguments; the ecs-task-definition transform then folds the
 * definition into the application(s) that run it. SAE runs one container
 * per application, in CPU/memory sizes from a fixed list.
 */

import { blocksOf } from "../hcl/cst.js";
import { addBlock, getAttribute, quote, setAttribute } from "../hcl/edit.js";
import type { ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { firstAddress, originalLiteral, plansOfType } from "./aws-graph.js";
import type { Plan, TransformContext } from "./context.js";
import { dataRepositoryInstance, ecrLookupsIn, ecrRepositoriesIn, REGISTRY, rewriteDataRepositoryUrls, rewriteRepositoryUrls } from "./ecr-repository.js";
import { foldInto } from "./fold.js";
import { retractChanges } from "./report-changes.js";
import { identifier, inputVariable } from "./retarget.js";
import { field, hvalSource, readStructured, rewriteReferenceText, scalar, subnetAttribute, subnetElements, type HVal } from "./serverless-shared.js";

/** SAE CPU sizes in millicores and memory sizes in MB (provider docs, sae_application). */
const SAE_CPU = [500, 1000, 2000, 4000, 8000, 16000, 32000];
const SAE_MEMORY = [1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072];
/** SAE pairs memory with CPU between 1 and 4 GB per core (console size list; 0.5 core takes 1–2 GB). */
const GB_PER_CORE = { min: 1, max: 4 };

// ---- task definitions ---------------------------------------------------------------------------

/** The aws_ecs_task_definition plan a service runs: by reference, or by a literal family ("web" or "web:3"). */
export function taskPlanOf(ctx: TransformContext, service: Plan): Plan | undefined {
  const td = getAttribute(service.original, "task_definition")?.expr;
  if (!td) return undefined;
  const address = firstAddress(td);
  if (address?.startsWith("aws_ecs_task_definition.")) return ctx.planOf(address);
  const v = staticValue(td);
  if (typeof v !== "string") return undefined;
  const family = v.replace(/^arn:aws[a-z-]*:ecs:[^:]+:\d+:task-definition\//, "").replace(/:\d+$/, "");
  return plansOfType(ctx, "aws_ecs_task_definition").find((p) => originalLiteral(p, "family") === family);
}

interface Task {
  containers?: HVal[];
  /** Why container_definitions could not be read. */
  unreadable?: string;
}

function readTask(task: Plan): Task {
  const cd = getAttribute(task.original, "container_definitions")?.expr;
  if (!cd) return { unreadable: "it has no container_definitions" };
  const v = readStructured(cd);
  if (v?.kind === "list") return { containers: v.items };
  return { unreadable: `container_definitions is ${exprSource(cd).split("\n")[0]!.slice(0, 60)}, which aws2ali cannot read (only jsonencode([...]) and literal JSON are read)` };
}

// ---- the service -----------------------------------------------------------------------------------

export function ecsService(ctx: TransformContext): void {
  setAppName(ctx);
  setNamespace(ctx);
  setReplicas(ctx);
  setVpc(ctx);
  setMinReady(ctx);
  const task = taskPlanOf(ctx, ctx.plan);
  retractChanges(ctx, "task_definition");
  if (!task) {
    const td = getAttribute(ctx.plan.original, "task_definition");
    setAttribute(ctx.block, "image_url", inputVariable(ctx, `${ctx.top.name}_image_url`, `Container image (in ACR) of the SAE application ${ctx.top.name}.`, { type: "string" }));
    ctx.change({ argument: "task_definition", kind: "note", severity: "warning", reason: `The task definition ${td ? exprSource(td.expr) : "(unset)"} is not part of this configuration, so the container settings are unknown; image_url is an input variable.`, action: "Set image_url, cpu, memory, envs, command and health checks from the task definition by hand." });
    return;
  }
  const t = readTask(task);
  if (!t.containers || t.containers.length === 0) {
    setAttribute(ctx.block, "image_url", inputVariable(ctx, `${ctx.top.name}_image_url`, `Container image (in ACR) of the SAE application ${ctx.top.name}.`, { type: "string" }));
    ctx.change({ argument: "task_definition", kind: "note", severity: "warning", reason: `The container of ${task.top.address} cannot be read: ${t.unreadable ?? "it lists no container"}; image_url is an input variable.`, action: "Set image_url, envs, command and liveness_v2 from the container definition by hand." });
    setSize(ctx, task, undefined);
    return;
  }
  const container = mainContainer(ctx, task, t.containers);
  setImage(ctx, container);
  setCommand(ctx, container);
  setEnvs(ctx, task, container);
  setHealthCheck(ctx, container);
  setLogs(ctx, container);
  setSize(ctx, task, container);
  noteTaskSettings(ctx, task);
  notePorts(ctx, container);
}

/** SAE application names: letters, digits and '-', starting with a letter, at most 36 characters (provider docs). */
function setAppName(ctx: TransformContext): void {
  const name = getAttribute(ctx.block, "app_name");
  const v = name ? staticValue(name.expr) : undefined;
  if (typeof v !== "string") return;
  const fixed = v.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^[^A-Za-z]+/, "").slice(0, 36).replace(/-+$/, "") || "app";
  if (fixed === v) return;
  setAttribute(ctx.block, "app_name", quote(fixed));
  ctx.change({ argument: "name", kind: "value-mapped", to: JSON.stringify(fixed), severity: "info", reason: `SAE application names take letters, digits and '-' (starting with a letter, at most 36): "${v}" → "${fixed}".` });
}

/** The cluster is a namespace; its id (region:name) is what namespace_id takes, whatever attribute AWS used. */
function setNamespace(ctx: TransformContext): void {
  const cluster = getAttribute(ctx.plan.original, "cluster")?.expr;
  if (!cluster) {
    ctx.change({ argument: "cluster", kind: "note", severity: "info", reason: "The service ran in the default ECS cluster; the application goes into SAE's default namespace of the region." });
    return;
  }
  const m = /^(aws_ecs_cluster\.[A-Za-z0-9_-]+(?:\[[^\]]+\])?)\.(id|arn|name)$/.exec(exprSource(cluster));
  if (m && ctx.planOf(m[1]!.replace(/\[.*$/, ""))?.rule?.to) {
    setAttribute(ctx.block, "namespace_id", `${m[1]}.id`);
    retractChanges(ctx, "cluster");
    ctx.change({ argument: "cluster", kind: "renamed", to: "namespace_id", severity: "info", reason: "The ECS cluster is an SAE namespace; namespace_id takes its id (<region>:<name>)." });
    return;
  }
  retractChanges(ctx, "cluster");
  setAttribute(ctx.block, "namespace_id", inputVariable(ctx, `${ctx.top.name}_namespace_id`, `SAE namespace id (<region>:<name>) for ${ctx.top.address} (AWS cluster ${exprSource(cluster)}).`, { type: "string" }));
  ctx.change({ argument: "cluster", kind: "renamed", to: "namespace_id", severity: "warning", reason: `The cluster ${exprSource(cluster)} is not a cluster of this configuration; SAE needs the namespace id (<region>:<name>).`, action: `Set the input variable ${ctx.top.name}_namespace_id.` });
}

function setReplicas(ctx: TransformContext): void {
  if (getAttribute(ctx.block, "replicas")) return;
  setAttribute(ctx.block, "replicas", "1");
  ctx.change({ argument: "desired_count", kind: "note", to: "replicas = 1", severity: "info", reason: "SAE requires the instance count; ECS started services without desired_count at 0 tasks, SAE at 1 instance here.", action: "Set replicas to the intended count." });
}

function setVpc(ctx: TransformContext): void {
  const net = blocksOf(ctx.plan.original.body).find((b) => b.blockType.text === "network_configuration");
  if (!net) {
    ctx.change({ argument: "network_configuration", kind: "note", severity: "warning", reason: "SAE applications run in a VPC vSwitch; the service names no subnets (bridge / host networking on EC2).", action: "Set vpc_id, vswitch_id and security_group_id." });
    return;
  }
  const first = subnetElements(ctx, getAttribute(net, "subnets")?.expr).first;
  const vpc = subnetAttribute(ctx, first, "vpc_id");
  if (vpc) setAttribute(ctx.block, "vpc_id", vpc);
  else setAttribute(ctx.block, "vpc_id", inputVariable(ctx, `${ctx.top.name}_vpc_id`, `VPC of the SAE application ${ctx.top.name}.`, { type: "string" }));
  ctx.change({ argument: "network_configuration.subnets", kind: "note", severity: vpc ? "info" : "warning", to: "vpc_id", reason: `SAE also names the VPC: vpc_id is ${vpc ? "the VPC of the first vSwitch" : `the input variable ${ctx.top.name}_vpc_id`}.` });
}

function setMinReady(ctx: TransformContext): void {
  const min = getAttribute(ctx.plan.original, "deployment_minimum_healthy_percent");
  if (min) {
    retractChanges(ctx, "deployment_minimum_healthy_percent");
    setAttribute(ctx.block, "min_ready_instance_ratio", exprSource(min.expr));
    ctx.change({ argument: "deployment_minimum_healthy_percent", kind: "renamed", to: "min_ready_instance_ratio", severity: "info", reason: "SAE keeps this percentage of instances ready during a deployment." });
  }
}

// ---- container settings -------------------------------------------------------------------------

function str(v: HVal | undefined): string | undefined {
  const s = scalar(v);
  return typeof s === "string" ? s : undefined;
}

function mainContainer(ctx: TransformContext, task: Plan, containers: HVal[]): HVal {
  const essential = containers.filter((c) => scalar(field(c, "essential")) !== false);
  const main = essential[0] ?? containers[0]!;
  if (containers.length > 1) {
    const names = containers.map((c) => str(field(c, "name")) ?? "?");
    ctx.change({ argument: "task_definition", kind: "note", severity: "warning", reason: `${task.top.address} runs ${containers.length} containers (${names.join(", ")}); an SAE application runs one. The application takes ${str(field(main, "name")) ?? "the first essential container"}.`, action: "Run the other containers as their own SAE applications, or bake sidecars (log shippers, proxies) into the image; SAE collects logs itself (sls_configs)." });
  }
  return main;
}

function setImage(ctx: TransformContext, c: HVal): void {
  const image = field(c, "image");
  if (!image) {
    setAttribute(ctx.block, "image_url", inputVariable(ctx, `${ctx.top.name}_image_url`, `Container image of the SAE application ${ctx.top.name}.`, { type: "string" }));
    return;
  }
  const src = hvalSource(image);
  setAttribute(ctx.block, "image_url", src);
  const repos = ecrRepositoriesIn(ctx, src);
  for (const r of repos) rewriteRepositoryUrls(ctx, r);
  const lookups = ecrLookupsIn(ctx, src);
  for (const l of lookups) rewriteDataRepositoryUrls(ctx, l);
  const instance = repos.length > 0 ? `${REGISTRY}.id` : lookups.map((l) => dataRepositoryInstance(ctx, l)).find((x) => x !== undefined) ?? (lookups[0] ? `${lookups[0]}.instance_id` : undefined);
  if (instance) {
    setAttribute(ctx.block, "acr_instance_id", instance);
    const from = [...repos, ...lookups];
    ctx.change({ argument: "container_definitions.image", kind: "moved", to: "image_url", severity: "info", reason: `The image comes from ${from.join(", ")}, now an ACR Enterprise Edition repository; acr_instance_id lets SAE pull from that instance.`, action: "Push the images to ACR, and let the application's VPC reach the instance (alicloud_cr_ee_vpc_endpoint_linked_vpc) or the instance's public endpoint." });
  } else {
    const literal = str(image);
    const ecr = literal !== undefined && /\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com/.test(literal);
    ctx.change({ argument: "container_definitions.image", kind: "moved", to: "image_url", severity: ecr ? "warning" : "info", reason: ecr ? "The image is in an ECR registry that this configuration does not manage; SAE pulls from ACR or public registries." : "The container image became image_url.", ...(ecr ? { action: "Copy the image to ACR and point image_url at it." } : {}) });
  }
}

/** Elements of a list value as HCL: [first, rest…]; undefined when it is not a literal list. */
function listItems(v: HVal | undefined): string[] | undefined {
  return v?.kind === "list" ? v.items.map(hvalSource) : undefined;
}

/** entryPoint + command → SAE's start command (command) and its arguments (command_args_v2). */
function setCommand(ctx: TransformContext, c: HVal): void {
  const entry = field(c, "entryPoint");
  const command = field(c, "command");
  if (!entry && !command) return;
  const parts = [...(listItems(entry) ?? []), ...(listItems(command) ?? [])];
  const computed = (entry && entry.kind !== "list") || (command && command.kind !== "list");
  if (computed) {
    ctx.change({ argument: "container_definitions.command", kind: "note", severity: "warning", reason: "The container's entryPoint / command is computed; SAE takes a start command and a list of arguments.", action: "Set command (the executable) and command_args_v2 (its arguments) by hand." });
    return;
  }
  if (parts.length === 0) return;
  setAttribute(ctx.block, "command", parts[0]!);
  if (parts.length > 1) setAttribute(ctx.block, "command_args_v2", `[${parts.slice(1).join(", ")}]`);
  ctx.change({ argument: "container_definitions.command", kind: "moved", to: "command, command_args_v2", severity: entry ? "info" : "warning", reason: `SAE replaces the image's start command with command and command_args_v2${entry ? " (entryPoint, then command)" : ""}.`, ...(entry ? {} : { action: "ECS passed command as arguments to the image's ENTRYPOINT; SAE's command replaces the ENTRYPOINT. If the image has one, put it in front (command = <entrypoint>, command_args_v2 = [<command>…])." }) });
}

function setEnvs(ctx: TransformContext, task: Plan, c: HVal): void {
  const env = field(c, "environment");
  const secrets = field(c, "secrets");
  const entries: string[] = [];
  let computed: string | undefined;
  if (env?.kind === "list") entries.push(...env.items.map(hvalSource));
  else if (env) computed = hvalSource(env);
  if (secrets?.kind === "list") {
    for (const s of secrets.items) {
      const name = str(field(s, "name"));
      if (!name) continue;
      const from = field(s, "valueFrom");
      const variable = inputVariable(ctx, `${ctx.top.name}_${identifier(name).toLowerCase()}`, `Value of the secret environment variable ${name} of ${ctx.top.address} (ECS read it from ${from ? hvalSource(from).slice(0, 120) : "Secrets Manager"}).`, { type: "string", sensitive: true });
      entries.push(`{ name = ${quote(name)}, value = ${variable} }`);
    }
    ctx.change({ argument: "container_definitions.secrets", kind: "note", severity: "warning", reason: `ECS injected ${secrets.items.length} secret(s) from Secrets Manager / SSM at start; SAE environment variables are plain values or references to SAE config maps and secrets. They are now sensitive input variables.`, action: "Pass the values from KMS Secrets Manager at apply time, or create SAE secrets (console) and reference them in envs (valueFrom)." });
  }
  if (entries.length === 0 && !computed) return;
  const list = computed ? (entries.length > 0 ? `concat(${computed}, [${entries.join(", ")}])` : computed) : `[\n${entries.map((e) => `  ${e},`).join("\n")}\n]`;
  setAttribute(ctx.block, "envs", `jsonencode(${list})`);
  ctx.change({ argument: "container_definitions.environment", kind: "moved", to: "envs", severity: "info", reason: `The container's environment became envs (JSON list of { name, value }) from ${task.top.address}.` });
}

/** Docker HEALTHCHECK ["CMD-SHELL", "…"] / ["CMD", …] → liveness_v2 { exec { command } } and the timings. */
function setHealthCheck(ctx: TransformContext, c: HVal): void {
  const hc = field(c, "healthCheck");
  if (!hc) {
    ctx.change({ argument: "container_definitions.healthCheck", kind: "note", severity: "info", reason: "The container has no health check; SAE then only watches the process.", action: "Consider liveness_v2 / readiness_v2 (http_get or tcp_socket) for the service port." });
    return;
  }
  const cmd = field(hc, "command");
  const items = cmd?.kind === "list" ? cmd.items : undefined;
  const head = items ? str(items[0]) : undefined;
  let command: string | undefined;
  if (items && head === "CMD-SHELL") command = `["sh", "-c", ${items.slice(1).map(hvalSource).join(", ")}]`;
  else if (items && head === "CMD") command = `[${items.slice(1).map(hvalSource).join(", ")}]`;
  else if (items) command = `[${items.map(hvalSource).join(", ")}]`;
  if (!command) {
    ctx.change({ argument: "container_definitions.healthCheck", kind: "note", severity: "warning", reason: "The health check command is computed.", action: "Write liveness_v2 { exec { command } } by hand." });
    return;
  }
  const grace = getAttribute(ctx.plan.original, "health_check_grace_period_seconds");
  const items2: ItemSpec[] = [
    { block: { type: "exec", labels: [], items: [{ attr: "command", expr: command }] } },
    { attr: "initial_delay_seconds", expr: grace ? exprSource(grace.expr) : field(hc, "startPeriod") ? hvalSource(field(hc, "startPeriod")!) : "0" },
    { attr: "period_seconds", expr: field(hc, "interval") ? hvalSource(field(hc, "interval")!) : "30" },
    { attr: "timeout_seconds", expr: field(hc, "timeout") ? hvalSource(field(hc, "timeout")!) : "5" },
    { attr: "failure_threshold", expr: field(hc, "retries") ? hvalSource(field(hc, "retries")!) : "3" },
  ];
  addBlock(ctx.block, { type: "liveness_v2", labels: [], items: items2 });
  retractChanges(ctx, "health_check_grace_period_seconds");
  ctx.change({ argument: "container_definitions.healthCheck", kind: "moved", to: "liveness_v2", severity: "info", reason: `The container health check became SAE's liveness check (exec command, with ECS's defaults of 30 s interval, 5 s timeout and 3 retries where unset${grace ? "; the service's grace period is the initial delay" : ""}). SAE restarts instances that fail it.`, action: "Add readiness_v2 too if instances must not get traffic before they are ready." });
}

function setLogs(ctx: TransformContext, c: HVal): void {
  const lc = field(c, "logConfiguration");
  const driver = str(field(lc, "logDriver"));
  if (!lc) return;
  if (driver === "awslogs") {
    const group = field(field(lc, "options"), "awslogs-group");
    const m = group ? /^(aws_cloudwatch_log_group\.[A-Za-z0-9_-]+)\.(name|id)$/.exec(hvalSource(group)) : null;
    const store = m && ctx.planOf(m[1]!)?.rule?.to ? m[1]! : undefined;
    const target = store ? `, projectName = ${store}.project_name, logstoreName = ${store}.name` : "";
    setAttribute(ctx.block, "sls_configs", `jsonencode([{ logDir = "", logType = "stdout"${target} }])`);
    ctx.change({ argument: "container_definitions.logConfiguration", kind: "value-mapped", to: "sls_configs", severity: "info", reason: `awslogs shipped stdout/stderr to CloudWatch Logs; SAE collects the container's standard output into SLS (sls_configs with logType stdout${store ? `, into the log store of ${store}` : ", in a project SAE creates"}).`, ...(store ? {} : { action: "To use a log store of your own, set projectName and logstoreName in sls_configs." }) });
    return;
  }
  ctx.change({ argument: "container_definitions.logConfiguration", kind: "note", severity: "warning", reason: `The log driver ${driver ?? hvalSource(lc).slice(0, 40)} has no SAE counterpart; SAE collects logs into SLS or Kafka.`, action: "Set sls_configs (or kafka_configs) for the container's logs." });
}

/** "256", 256, "1 vCPU" → CPU units; "512", "2 GB" → MiB. */
function units(v: string | number | undefined, kind: "cpu" | "memory"): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const n = Number(v);
  if (Number.isFinite(n)) return n;
  const m = kind === "cpu" ? /^([\d.]+)\s*vcpu$/i.exec(v.trim()) : /^([\d.]+)\s*gb$/i.exec(v.trim());
  return m ? Number(m[1]) * 1024 : undefined;
}

/** The smallest SAE CPU / memory pair that holds the task's CPU units and MiB. */
export function saeSize(cpuUnits: number | undefined, memoryMib: number | undefined): { cpu: number; memory: number } {
  const wantCpu = cpuUnits === undefined ? 0 : (cpuUnits / 1024) * 1000;
  const wantMem = memoryMib ?? 0;
  for (const cpu of SAE_CPU) {
    if (cpu < wantCpu) continue;
    const cores = cpu / 1000;
    const mem = SAE_MEMORY.find((m) => m >= wantMem && m / 1024 >= Math.max(GB_PER_CORE.min * cores, 1) && m / 1024 <= Math.max(GB_PER_CORE.max * cores, 2));
    if (mem !== undefined) return { cpu, memory: mem };
  }
  return { cpu: SAE_CPU[SAE_CPU.length - 1]!, memory: SAE_MEMORY[SAE_MEMORY.length - 1]! };
}

function setSize(ctx: TransformContext, task: Plan, c: HVal | undefined): void {
  const tcpu = getAttribute(task.original, "cpu");
  const tmem = getAttribute(task.original, "memory");
  const cpuV = tcpu ? staticValue(tcpu.expr) : scalar(field(c, "cpu"));
  const memV = tmem ? staticValue(tmem.expr) : (scalar(field(c, "memory")) ?? scalar(field(c, "memoryReservation")));
  const cpu = units(cpuV as string | number | undefined, "cpu");
  const mem = units(memV as string | number | undefined, "memory");
  const computed = (tcpu && cpu === undefined) || (tmem && mem === undefined);
  if (computed) {
    const v = inputVariable(ctx, `${ctx.top.name}_cpu`, `CPU of the SAE application ${ctx.top.name} in millicores (500, 1000, 2000, 4000, 8000, 16000 or 32000).`, { type: "number" });
    const m = inputVariable(ctx, `${ctx.top.name}_memory`, `Memory of the SAE application ${ctx.top.name} in MB (1024 to 131072, a size SAE pairs with the CPU).`, { type: "number" });
    setAttribute(ctx.block, "cpu", v);
    setAttribute(ctx.block, "memory", m);
    ctx.change({ argument: "task_definition.cpu", kind: "note", severity: "warning", reason: `The task's size is computed (${tcpu ? exprSource(tcpu.expr) : "?"} CPU units, ${tmem ? exprSource(tmem.expr) : "?"} MiB); SAE takes one of its fixed sizes.`, action: `Set ${ctx.top.name}_cpu and ${ctx.top.name}_memory.` });
    return;
  }
  const size = saeSize(cpu, mem);
  setAttribute(ctx.block, "cpu", String(size.cpu));
  setAttribute(ctx.block, "memory", String(size.memory));
  ctx.change({ argument: "task_definition.cpu", kind: "value-mapped", to: `cpu = ${size.cpu}, memory = ${size.memory}`, severity: "info", reason: `${cpu ?? "no"} CPU units and ${mem ?? "no"} MiB → SAE's smallest size that holds them: ${size.cpu / 1000} vCPU (cpu = ${size.cpu} millicores) and ${size.memory / 1024} GB (SAE sizes: 0.5–32 vCPU with 1–4 GB per vCPU).`, action: "SAE bills per vCPU and GB-second; check the size against the service's real use." });
}

function noteTaskSettings(ctx: TransformContext, task: Plan): void {
  const o = task.original;
  const role = getAttribute(o, "task_role_arn");
  if (role) ctx.change({ argument: "task_definition.task_role_arn", kind: "dropped", severity: "warning", reason: `The task role ${exprSource(role.expr)} gave the containers AWS credentials; SAE applications have no per-application RAM role argument in Terraform.`, action: "Attach the RAM role to the application in the SAE console (or give the application credentials through KMS Secrets Manager), and use the Alibaba Cloud SDK credential chain in the code." });
  const exec = getAttribute(o, "execution_role_arn");
  if (exec) ctx.change({ argument: "task_definition.execution_role_arn", kind: "dropped", severity: "info", reason: "The execution role pulled images and wrote logs; SAE does both with its own service role (AliyunServiceRoleForSAE)." });
  const arch = blocksOf(o.body).find((b) => b.blockType.text === "runtime_platform");
  if (arch && /ARM64/.test(exprSource(arch))) ctx.change({ argument: "task_definition.runtime_platform", kind: "note", severity: "warning", reason: "The task ran on ARM64; SAE runs x86-64 instances.", action: "Build and push an amd64 (or multi-arch) image." });
  const volumes = blocksOf(o.body).filter((b) => b.blockType.text === "volume");
  if (volumes.length > 0) ctx.change({ argument: "task_definition.volume", kind: "dropped", severity: "warning", reason: `The task mounts ${volumes.length} volume(s)${volumes.some((v) => /efs_volume_configuration/.test(exprSource(v))) ? " (EFS)" : ""}; SAE mounts NAS file systems (nas_configs) and OSS buckets (oss_mount_descs_v2), and keeps no shared task volumes.`, action: "Add nas_configs { nas_id, mount_domain, nas_path, mount_path } for EFS volumes migrated to NAS; bind-mount volumes between containers have no counterpart." });
  const mode = getAttribute(o, "network_mode");
  const nm = mode ? staticValue(mode.expr) : undefined;
  if (typeof nm === "string" && nm !== "awsvpc") ctx.change({ argument: "task_definition.network_mode", kind: "note", severity: "warning", reason: `The task used ${nm} networking on EC2 hosts; SAE instances each get a VPC address (like awsvpc).`, action: "Check host ports and links between containers." });
}

function notePorts(ctx: TransformContext, c: HVal): void {
  const ports = field(c, "portMappings");
  if (ports?.kind !== "list" || ports.items.length === 0) return;
  const list = ports.items.map((p) => hvalSource(field(p, "containerPort") ?? p)).join(", ");
  const lb = blocksOf(ctx.plan.original.body).some((b) => b.blockType.text === "load_balancer");
  if (lb) {
    retractChanges(ctx, "load_balancer");
    ctx.change({ argument: "load_balancer", kind: "dropped", severity: "warning", reason: `The service registered container port ${list} with a load balancer target group; SAE applications are exposed through their own CLB/NLB bindings or an ALB ingress, not through target groups.`, action: `Add alicloud_sae_load_balancer_intranet (or _internet) { app_id = <this application>.id, intranet { port, target_port = ${list.split(", ")[0]}, protocol } }, or an alicloud_sae_ingress for ALB; remove the target group if it only served this service.` });
  }
}

// ---- the task definition ------------------------------------------------------------------------------

/** Services of the folder that run this task definition and are translated. */
function consumersOf(ctx: TransformContext): Plan[] {
  return plansOfType(ctx, "aws_ecs_service").filter((p) => p.rule?.to && !p.absorbedInto && taskPlanOf(ctx, p) === ctx.plan);
}

/**
 * The task definition is folded into the SAE application(s) that run it;
 * references to it (.arn, .family, .id) name the first application. Used
 * by no service, it stays manual (an SAE job or ECI container group).
 */
export function ecsTaskDefinition(ctx: TransformContext): void {
  const consumers = consumersOf(ctx);
  if (consumers.length === 0) return;
  const targets = consumers.map((p) => p.target!.names.join("."));
  const first = consumers[0]!;
  const repeated = getAttribute(first.original, "count") ? "[0]" : getAttribute(first.original, "for_each") ? undefined : "";
  let n = 0;
  if (repeated !== undefined) {
    n = rewriteReferenceText(ctx, ctx.top.address, (_addr, rest) => (/^\.(arn|arn_without_revision|family|id)$/.test(rest) ? `${first.top.address}${repeated}.id` : undefined));
  }
  foldInto(ctx, targets.join(", "), `SAE has no task definitions: the container settings (image, command, CPU/memory, environment, health check) are arguments of ${targets.join(", ")}${n > 0 ? `; references to the definition now name ${targets[0]}` : ""}.`);
  ctx.plan.item.changes.push({ argument: "(block)", kind: "note", severity: "info", reason: `Folded into ${targets.join(", ")}, the SAE application${consumers.length === 1 ? "" : "s"} that run${consumers.length === 1 ? "s" : ""} it.` });
  const cd = getAttribute(ctx.plan.original, "container_definitions")?.expr;
  if (cd && !readStructured(cd)) ctx.plan.item.changes.push({ argument: "container_definitions", kind: "note", severity: "warning", reason: "aws2ali could not read container_definitions (only jsonencode([...]) and literal JSON are read), so the application's container settings are input variables.", action: "Copy image, command, environment and sizes into the SAE application by hand." });
}

// ---- the cluster -------------------------------------------------------------------------------------

/** SAE namespace short ids: lower-case letters and digits, at most 20 (provider docs, sae_namespace). */
export function ecsCluster(ctx: TransformContext): void {
  if (getAttribute(ctx.block, "namespace_id") || getAttribute(ctx.block, "namespace_short_id")) return;
  const name = getAttribute(ctx.plan.original, "name");
  const v = name ? staticValue(name.expr) : undefined;
  let expr: string;
  if (typeof v === "string") expr = quote(v.toLowerCase().replace(/[^a-z0-9]+/g, "").slice(0, 20) || ctx.top.name.toLowerCase().replace(/[^a-z0-9]+/g, "").slice(0, 20) || "ns");
  else if (name) expr = `substr(replace(lower(${exprSource(name.expr)}), "/[^a-z0-9]/", ""), 0, 20)`;
  else expr = quote(ctx.top.name.toLowerCase().replace(/[^a-z0-9]+/g, "").slice(0, 20) || "ns");
  setAttribute(ctx.block, "namespace_short_id", expr);
  ctx.change({ argument: "name", kind: "note", to: `namespace_short_id = ${expr}`, severity: "info", reason: "An SAE namespace needs a short id (lower-case letters and digits, at most 20; the namespace id becomes <region>:<short id>); it is derived from the cluster name." });
}
