/**
 * aws_eks_cluster → alicloud_cs_managed_kubernetes (ACK Pro) with Terway.
 *
 * The rule maps the plain arguments; this transform adds what depends on
 * Alibaba behaviour or on other blocks:
 * - Terway networking (terway-eniip): every pod gets a VPC address from the
 *   pod vSwitches, as the AWS VPC CNI gives pods addresses from the node
 *   subnets. pod_vswitch_ids is create-time only, so the vSwitches it names
 *   are checked for size now (ACK's advice: /19–/18 per zone).
 * - The version: ACK takes a full release string (1.30.1-aliyun.1), which a
 *   data source resolves from the mapped minor.
 * - Control-plane logs: audit logs are a separate block, authenticator logs
 *   do not exist.
 * - References whose path changes shape (certificate_authority[0].data, …).
 */

import { blocksOf, type Block, type Expr } from "../hcl/cst.js";
import { addBlock, findReferences, getAttribute, quote, removeAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { lookupValue } from "../mapping/values.js";
import { cidrPrefixLength } from "./cidr.js";
import { decide, type Plan, type TransformContext } from "./context.js";
import { rewriteReferencePaths } from "./reference-paths.js";
import { retractChanges } from "./report-changes.js";
import { ensureTimeouts } from "./timeouts.js";

/** Add-ons every translated cluster gets at create time: Terway, and disks through the CSI driver (EBS CSI's counterpart). */
export const DEFAULT_ADDONS = ["terway-eniip", "csi-plugin", "managed-csiprovisioner"];

/** Terway pod vSwitches smaller than this prefix run out of pod addresses quickly. */
const POD_VSWITCH_MAX_PREFIX = 19;

export function eksCluster(ctx: TransformContext): void {
  const original = ctx.plan.original;
  setVersion(ctx, getAttribute(original, "version")?.expr);
  setControlPlaneLogs(ctx, getAttribute(original, "enabled_cluster_log_types")?.expr);
  setSecurityGroup(ctx, nestedAttribute(original, "vpc_config", "security_group_ids"));
  useKmsKeyId(ctx);
  addTerway(ctx);
  ensureTimeouts(ctx.block, { create: "120m" });
  rewriteClusterReferences(ctx, isPrivateEndpoint(original));
}

export function nestedAttribute(block: Block, nested: string, name: string): Expr | undefined {
  const b = blocksOf(block.body).find((x) => x.blockType.text === nested);
  return b ? getAttribute(b, name)?.expr : undefined;
}

/** `aws_eks_cluster.x` when the expression refers to an EKS cluster of the configuration (by .name or .id). */
export function referencedCluster(expr: Expr | undefined): string | undefined {
  if (!expr) return undefined;
  const ref = findReferences(expr).find((r) => r.root === "aws_eks_cluster" && r.steps[0]?.kind === "attr");
  return ref && ref.steps[0]?.kind === "attr" ? `aws_eks_cluster.${ref.steps[0].name}` : undefined;
}

// ---- version -------------------------------------------------------------------

/**
 * ACK's `version` is a release string such as "1.30.1-aliyun.1"; the value
 * map gives the ACK minor, and data.alicloud_cs_kubernetes_version returns
 * the releases of that minor (metadata[0] is taken).
 */
function setVersion(ctx: TransformContext, awsVersion: Expr | undefined): void {
  if (!awsVersion) return;
  const literal = staticValue(awsVersion);
  const map = ctx.run.table.values.get("eks-versions");
  let minorExpr: string;
  if (typeof literal === "string") {
    const minor = map ? lookupValue(map, literal).value : undefined;
    if (minor === undefined) {
      removeAttribute(ctx.block, "version");
      retractChanges(ctx, "version");
      ctx.change({ argument: "version", kind: "dropped", severity: "warning", reason: `ACK offers no Kubernetes release for EKS ${literal}; without version ACK creates the cluster on its newest release.`, action: "Choose a supported ACK version (data.alicloud_cs_kubernetes_version lists them) and check the manifests against it." });
      return;
    }
    minorExpr = quote(String(minor));
    noteDiscontinued(ctx, String(minor), map?.extra.discontinued);
  } else {
    minorExpr = exprSource(awsVersion);
    retractChanges(ctx, "version");
    ctx.change({ argument: "version", kind: "note", severity: "warning", reason: `The version comes from ${minorExpr}; its value must be a minor ACK offers (ACK skipped odd minors before 1.31: EKS 1.29 becomes 1.30)${variableHint(ctx, awsVersion, map)}.`, action: "Set the variable to an ACK minor version, e.g. \"1.30\"." });
  }
  const label = ctx.top.name;
  ctx.emitAfter([{ type: "data", labels: ["alicloud_cs_kubernetes_version", label], items: [
    { attr: "cluster_type", expr: '"ManagedKubernetes"' },
    { attr: "kubernetes_version", expr: minorExpr },
    { attr: "profile", expr: '"Default"' },
  ] }]);
  setAttribute(ctx.block, "version", `data.alicloud_cs_kubernetes_version.${label}.metadata[0].version`);
  ctx.change({ argument: "version", kind: "note", severity: "info", to: `data.alicloud_cs_kubernetes_version.${label}`, reason: "ACK takes a full release (such as 1.30.1-aliyun.1), looked up for the minor version by data.alicloud_cs_kubernetes_version. ACK upgrades one minor at a time and cannot downgrade." });
}

function noteDiscontinued(ctx: TransformContext, minor: string, table: unknown): void {
  const ends = (table as Record<string, string> | undefined)?.[minor];
  if (ends) ctx.change({ argument: "version", kind: "note", severity: "info", reason: `ACK supports Kubernetes ${minor} until ${ends} (ACK version calendar); new clusters cannot be created on it after that.`, action: "Plan the upgrade to a newer minor before that date." });
}

/** For `var.x` with a literal default: what the default should become. */
function variableHint(ctx: TransformContext, expr: Expr, map: { entries: Record<string, unknown> } | undefined): string {
  if (!(expr.type === "GetAttr" && expr.target.type === "Variable" && expr.target.name.text === "var")) return "";
  const variable = ctx.stack.dir.blocks.find((b) => b.kind === "variable" && b.name === expr.name.text);
  const def = variable ? getAttribute(variable.block, "default") : undefined;
  const value = def ? staticValue(def.expr) : undefined;
  if (typeof value !== "string" || !map) return "";
  const minor = map.entries[value];
  return minor === undefined ? `; its default "${value}" has no ACK release` : minor === value ? "" : `; its default "${value}" should become "${String(minor)}"`;
}

// ---- control-plane logs ------------------------------------------------------------

/**
 * EKS log types → ACK control-plane components (api → apiserver, …). ACK
 * collects audit logs through audit_log_config, not as a component, and has
 * no authenticator log.
 */
function setControlPlaneLogs(ctx: TransformContext, types: Expr | undefined): void {
  if (!types) return;
  const list = staticValue(types);
  if (!Array.isArray(list) || !list.every((t) => typeof t === "string")) return; // an expression: the engine's rename and note stand
  retractChanges(ctx, "enabled_cluster_log_types");
  const map = ctx.run.table.values.get("eks-log-types");
  const components: string[] = [];
  for (const t of list as string[]) {
    const mapped = map?.entries[t];
    if (t === "audit") {
      addBlock(ctx.block, { type: "audit_log_config", labels: [], items: [{ attr: "enabled", expr: "true" }] });
      ctx.change({ argument: "enabled_cluster_log_types", kind: "moved", to: "audit_log_config.enabled", severity: "info", reason: "ACK collects API server audit logs into SLS through audit_log_config, not as a control-plane component." });
    } else if (typeof mapped === "string") components.push(mapped);
    else ctx.change({ argument: "enabled_cluster_log_types", kind: "dropped", severity: "warning", reason: `ACK has no control-plane log "${t}"${t === "authenticator" ? " (it logs IAM authentication, which ACK does through RAM and RBAC)" : ""}.`, action: "Nothing to configure; use ActionTrail for RAM authentication events." });
  }
  if (components.length === 0) {
    removeAttribute(ctx.block, "control_plane_log_components");
    return;
  }
  setAttribute(ctx.block, "control_plane_log_components", `[${components.map(quote).join(", ")}]`);
  if (!getAttribute(ctx.block, "control_plane_log_ttl")) setAttribute(ctx.block, "control_plane_log_ttl", '"30"');
  ctx.change({ argument: "enabled_cluster_log_types", kind: "value-mapped", to: `control_plane_log_components = [${components.join(", ")}]`, severity: "info", reason: "EKS log types became ACK control-plane components; ACK keeps them in an SLS project for control_plane_log_ttl days (30 here; EKS kept them as long as the CloudWatch log group did)." });
}

// ---- security group and KMS key --------------------------------------------------------

/** ACK takes one security group for the cluster; EKS takes a list of additional groups. */
function setSecurityGroup(ctx: TransformContext, groups: Expr | undefined): void {
  if (!groups) return;
  retractChanges(ctx, "vpc_config.security_group_ids");
  const first = groups.type === "Tuple" ? groups.elements[0] : undefined;
  const count = groups.type === "Tuple" ? groups.elements.length : undefined;
  if (groups.type === "Tuple" && !first) {
    removeAttribute(ctx.block, "security_group_id");
    return;
  }
  setAttribute(ctx.block, "security_group_id", first ? exprSource(first) : `element(${exprSource(groups)}, 0)`);
  const extra = count === undefined || count > 1;
  ctx.change({ argument: "vpc_config.security_group_ids", kind: "value-mapped", to: "security_group_id", severity: extra ? "warning" : "info", reason: `ACK attaches one security group to the cluster's control-plane and default node ENIs${extra ? "; only the first of the EKS groups was kept" : ""}.`, ...(extra ? { action: "Merge the rules of the other groups into that group, or attach them to the node pools (security_group_ids)." } : {}) });
}

/** encryption_provider_key takes a KMS key id, not an ARN; ACK needs disable_encryption = false with it. */
function useKmsKeyId(ctx: TransformContext): void {
  const key = getAttribute(ctx.block, "encryption_provider_key");
  if (!key) return;
  for (const ref of findReferences(key.expr)) {
    const last = ref.steps[ref.steps.length - 1];
    const isKeyArn = ref.root === "aws_kms_key" && ref.steps.length === 2 && last?.kind === "attr" && last.name === "arn";
    if (isKeyArn && last.node.type === "GetAttr") last.node.name.text = "id";
  }
  setAttribute(ctx.block, "disable_encryption", "false");
  ctx.change({ argument: "encryption_config", kind: "note", severity: "info", reason: "ACK encrypts Kubernetes Secrets with the KMS key given by id (encryption_provider_key, with disable_encryption = false)." });
}

// ---- Terway --------------------------------------------------------------------------

/** Node groups of this folder that belong to the cluster. */
function nodeGroupsOf(ctx: TransformContext): Plan[] {
  const address = ctx.top.address;
  return [...ctx.run.plans.values()].filter((p) => p.top.unit.dir === ctx.stack.dir.dir && p.top.type === "aws_eks_node_group" && referencedCluster(getAttribute(p.original, "cluster_name")?.expr) === address);
}

/**
 * Terway's pod vSwitches. With the AWS VPC CNI pods take addresses from the
 * subnets of the nodes they run on, so those subnets (the node groups')
 * become the pod vSwitches; without node groups, the cluster's own.
 */
function podVSwitchSources(ctx: TransformContext): { exprs: Expr[]; from: string } {
  const groups = nodeGroupsOf(ctx).map((p) => getAttribute(p.original, "subnet_ids")?.expr).filter((e): e is Expr => e !== undefined);
  if (groups.length > 0) return { exprs: groups, from: "the node groups' subnets (where the AWS VPC CNI placed pods)" };
  const own = nestedAttribute(ctx.plan.original, "vpc_config", "subnet_ids");
  return { exprs: own ? [own] : [], from: "the cluster's subnets" };
}

function addonName(addons: Block): unknown {
  const name = getAttribute(addons, "name");
  return name ? staticValue(name.expr) : undefined;
}

function addTerway(ctx: TransformContext): void {
  const present = new Set(blocksOf(ctx.block.body).filter((b) => b.blockType.text === "addons").map(addonName));
  for (const name of DEFAULT_ADDONS) if (!present.has(name)) addBlock(ctx.block, { type: "addons", labels: [], items: [{ attr: "name", expr: quote(name) }] });
  ctx.change({ argument: "addons", kind: "note", severity: "info", reason: `Installed at create time: ${DEFAULT_ADDONS.join(", ")} (Terway networking in ENI multi-IP mode and the disk CSI driver). ACK installs add-ons listed here only when the cluster is created; later ones use alicloud_cs_kubernetes_addon.` });
  const { exprs, from } = podVSwitchSources(ctx);
  if (exprs.length === 0) return;
  const sources = [...new Set(exprs.map(exprSource))];
  setAttribute(ctx.block, "pod_vswitch_ids", sources.length === 1 ? sources[0]! : `distinct(concat(${sources.join(", ")}))`);
  ctx.change({ argument: "pod_vswitch_ids", kind: "note", severity: "info", reason: `Terway gives every pod a VPC address from pod_vswitch_ids, set to ${from}. It can only be set when the cluster is created.`, action: "Consider dedicated pod vSwitches in the same zones as the node vSwitches." });
  checkPodVSwitchSizes(ctx, exprs);
  decide(ctx.run, { topic: "terway-sizing", summary: "ACK clusters use Terway; pod vSwitches sized /19–/18 per zone", detail: "Terway (terway-eniip) gives every pod an address of the VPC, taken from the cluster's pod_vswitch_ids, as the AWS VPC CNI did from node subnets. A /24 holds about 250 pods; size pod vSwitches /19 to /18 per zone (8,192–16,384 addresses). pod_vswitch_ids is fixed at cluster creation, so resize before applying." });
}

/** A warning per pod vSwitch whose literal size is smaller than /19. */
function checkPodVSwitchSizes(ctx: TransformContext, exprs: Expr[]): void {
  const seen = new Set<string>();
  for (const e of exprs) {
    for (const ref of findReferences(e)) {
      if (ref.root !== "aws_subnet" || ref.steps[0]?.kind !== "attr") continue;
      const address = `aws_subnet.${ref.steps[0].name}`;
      if (seen.has(address)) continue;
      seen.add(address);
      const subnet = ctx.planOf(address);
      const cidr = subnet ? getAttribute(subnet.original, "cidr_block")?.expr : undefined;
      const prefix = cidr ? cidrPrefixLength(cidr, ctx.stack) : undefined;
      if (prefix === undefined || prefix <= POD_VSWITCH_MAX_PREFIX) continue;
      const vswitch = subnet?.target ? subnet.target.names.join(".") : address;
      ctx.change({ argument: "pod_vswitch_ids", kind: "note", severity: "warning", reason: `The pod vSwitch ${vswitch} (from ${address}, cidr_block ${exprSource(cidr!)}) is a /${prefix}: about ${2 ** (32 - prefix)} addresses per vSwitch, and Terway gives every pod one of them.`, action: "Make pod vSwitches /19 to /18 per zone (8,192–16,384 addresses), or add larger dedicated pod vSwitches to pod_vswitch_ids before the cluster is created." });
    }
  }
}

// ---- references ---------------------------------------------------------------------

function isPrivateEndpoint(original: Block): boolean {
  const v = nestedAttribute(original, "vpc_config", "endpoint_public_access");
  return v !== undefined && staticValue(v) === false;
}

/** Paths the rule's attribute table cannot express, rewritten in every block of the folder. */
function rewriteClusterReferences(ctx: TransformContext, privateEndpoint: boolean): void {
  rewriteReferencePaths(ctx, ctx.top.address, [
    // ACK exports the CA base64-encoded, as EKS does.
    { from: ["certificate_authority", "[]", "data"], to: (a) => `${a}.certificate_authority.cluster_cert` },
    { from: ["identity", "[]", "oidc", "[]", "issuer"], to: (a) => `${a}.rrsa_metadata[0].rrsa_oidc_issuer_url` },
    { from: ["vpc_config", "[]", "vpc_id"], to: (a) => `${a}.vpc_id` },
    { from: ["vpc_config", "[]", "cluster_security_group_id"], to: (a) => `${a}.security_group_id` },
    { from: ["kubernetes_network_config", "[]", "service_ipv4_cidr"], to: (a) => `${a}.service_cidr` },
    // A cluster without a public endpoint is reached on its intranet API server address.
    ...(privateEndpoint ? [{ from: ["endpoint"], to: (a: string) => `${a}.connections.api_server_intranet` }] : []),
  ]);
}
