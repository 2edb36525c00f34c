/**
 * The EKS blocks around a cluster: add-ons, access entries (with their
 * policy associations) and the cluster lookup.
 *
 * - aws_eks_addon → alicloud_cs_kubernetes_addon, except add-ons ACK
 *   installs when the cluster is created (Terway, the disk CSI driver,
 *   CoreDNS): those join the cluster's addons blocks, where the eks-cluster
 *   transform already lists Terway and the CSI driver.
 * - aws_eks_access_entry (+ aws_eks_access_policy_association) →
 *   alicloud_cs_kubernetes_permissions: one resource per RAM identity,
 *   holding all its grants (the resource owns them all).
 * - data.aws_eks_cluster → data.alicloud_cs_managed_kubernetes_clusters,
 *   plus data.alicloud_cs_cluster_credential when the CA certificate is read.
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { addBlock, blockLabels, getAttribute, quote, setAttribute } from "../hcl/edit.js";
import type { ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { plansOfType } from "./aws-graph.js";
import type { Plan, TransformContext } from "./context.js";
import { DEFAULT_ADDONS } from "./eks-cluster.js";
import { foldInto, keepAsManual } from "./fold.js";
import { retractChanges } from "./report-changes.js";
import { identifier, inputVariable } from "./retarget.js";
import { clusterIdFor, literal, rewriteReferenceText } from "./serverless-shared.js";
import { ensureTimeouts } from "./timeouts.js";

/** Add-ons ACK installs at cluster creation (addons blocks): the eks-cluster defaults and managed CoreDNS. */
const CREATE_TIME_ADDONS = new Set([...DEFAULT_ADDONS, "managed-coredns"]);

// ---- add-ons ------------------------------------------------------------------------------------

export function eksAddon(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const nameAttr = getAttribute(o, "addon_name");
  const awsName = nameAttr ? staticValue(nameAttr.expr) : undefined;
  const map = ctx.run.table.values.get("eks-addons");
  const mapped = typeof awsName === "string" ? map?.entries[awsName] : undefined;
  if (typeof awsName === "string" && awsName !== "kube-proxy" && typeof mapped !== "string") {
    keepAsManual(ctx, { reason: `ACK has no add-on known to match the EKS add-on "${awsName}" (third-party or AWS-specific).`, action: "Find the ACK counterpart in the add-on catalogue (ACK console → Add-ons, or data.alicloud_cs_kubernetes_addon_metadata) and add alicloud_cs_kubernetes_addon { cluster_id, name }, install the vendor's Helm chart from the ACK marketplace, or drop it if it only served AWS (GuardDuty, ADOT → ARMS / Managed Service for OpenTelemetry).", alternative: "alicloud_cs_kubernetes_addon or an ACK marketplace Helm chart", effort_hours: 1 });
    return;
  }
  const cid = clusterIdFor(ctx, getAttribute(o, "cluster_name")?.expr, ctx.top.name);
  if (cid) {
    setAttribute(ctx.block, "cluster_id", cid.expr);
    retractChanges(ctx, "cluster_name");
    ctx.change({ argument: "cluster_name", kind: "renamed", to: "cluster_id", severity: cid.severity, reason: cid.reason, ...(cid.action ? { action: cid.action } : {}) });
  }
  if (typeof awsName !== "string") return; // the engine's note on a computed name stands
  const extras = (((map?.extra.extra_addons ?? {}) as Record<string, string[]>)[awsName] ?? []).filter((e) => e !== mapped);
  const cluster = cid?.cluster ? ctx.planOf(cid.cluster) : undefined;
  const clusterTarget = cluster?.target ? cluster.target.names.join(".") : undefined;
  if (awsName === "kube-proxy") {
    retractChanges(ctx, "addon_name");
    retractChanges(ctx, "cluster_name");
    foldInto(ctx, clusterTarget ?? "(none)", "ACK runs kube-proxy itself as part of every cluster (its mode is the cluster's proxy_mode, ipvs or iptables); there is no add-on to install.");
    ctx.plan.item.changes.push({ argument: "addon_name", kind: "note", severity: "info", reason: "kube-proxy is managed by ACK (proxy_mode on the cluster)." });
    return;
  }
  if (typeof mapped !== "string") return;
  const config = getAttribute(o, "configuration_values");
  if (config) ctx.change({ argument: "configuration_values", kind: "renamed", to: "config", severity: "warning", reason: "configuration_values uses the EKS add-on's chart keys; ACK add-on config takes ACK's own keys.", action: "Rewrite config with the keys of the ACK add-on (ACK console → add-on → configuration), or remove it." });
  const folded = cluster?.rule?.to && CREATE_TIME_ADDONS.has(mapped) ? cluster : undefined;
  if (folded && clusterTarget) {
    retractChanges(ctx, "addon_name");
    if (getAttribute(o, "service_account_role_arn")) {
      retractChanges(ctx, "service_account_role_arn");
      ctx.change({ argument: "service_account_role_arn", kind: "dropped", severity: "info", reason: "ACK runs the add-ons it installs with the cluster under its own service roles; the IRSA role is not needed." });
    }
    const names = [mapped, ...extras.filter((e) => CREATE_TIME_ADDONS.has(e))];
    for (const n of names) addClusterAddon(folded.top.block, n, n === mapped && config ? exprSource(config.expr) : undefined);
    // The timeouts block stays last, after the add-ons (ensureTimeouts re-adds it with its values).
    if (blocksOf(folded.top.block.body).some((b) => b.blockType.text === "timeouts")) ensureTimeouts(folded.top.block, {});
    emitExtras(ctx, extras.filter((e) => !CREATE_TIME_ADDONS.has(e)), cid!.expr);
    rewriteReferenceText(ctx, ctx.top.address, (_a, rest) => (rest === ".id" ? `${cid!.cluster}.id` : rest === ".addon_name" ? literal(mapped) : rest === ".cluster_name" ? `${cid!.cluster}.name` : undefined));
    foldInto(ctx, clusterTarget, `ACK installs ${names.join(" and ")} when the cluster is created: ${names.length === 1 ? "it is an addons block" : "they are addons blocks"} of ${clusterTarget}${config ? " (with this add-on's config)" : ""}.`);
    ctx.plan.item.changes.push({ argument: "addon_name", kind: "value-mapped", to: JSON.stringify(mapped), severity: "info", reason: `${awsName} → ${mapped}${map?.notes[awsName] ? ` (${map.notes[awsName]})` : ""}; installed with the cluster. Later changes to add-ons of an existing cluster go through alicloud_cs_kubernetes_addon.` });
    return;
  }
  emitExtras(ctx, extras, getAttribute(ctx.block, "cluster_id") ? exprSource(getAttribute(ctx.block, "cluster_id")!.expr) : undefined);
}

/** Add `addons { name, config }` to the cluster unless it is there (then only the config is set). */
function addClusterAddon(cluster: Block, name: string, config: string | undefined): void {
  const existing = blocksOf(cluster.body).find((b) => b.blockType.text === "addons" && src(b, "name") === quote(name));
  if (existing) {
    if (config) setAttribute(existing, "config", config);
    return;
  }
  addBlock(cluster, { type: "addons", labels: [], items: [{ attr: "name", expr: quote(name) }, ...(config ? [{ attr: "config", expr: config }] : [])] });
}

/** Further ACK add-ons the EKS add-on's job needs (eks-addons extra_addons), as resources of their own. */
function emitExtras(ctx: TransformContext, extras: string[], clusterId: string | undefined): void {
  if (extras.length === 0 || !clusterId) return;
  ctx.emitAfter(extras.map((e) => ({ type: "resource", labels: ["alicloud_cs_kubernetes_addon", `${ctx.top.name}_${identifier(e)}`], items: [{ attr: "cluster_id", expr: clusterId }, { attr: "name", expr: quote(e) }] })));
  ctx.change({ argument: "addon_name", kind: "note", severity: "info", to: extras.map((e) => `alicloud_cs_kubernetes_addon.${ctx.top.name}_${identifier(e)}`).join(", "), reason: `ACK splits this job over more add-ons: ${extras.join(", ")} ${extras.length === 1 ? "was" : "were"} added.` });
}

// ---- access entries ------------------------------------------------------------------------------

const NODE_TYPES = new Set(["EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX", "HYBRID_LINUX", "EC2"]);

/** EKS access policies → ACK predefined RBAC roles (ACK docs, "Grant RBAC permissions to RAM users and roles"). */
const POLICY_ROLES: Record<string, { role: string; note?: string }> = {
  AmazonEKSClusterAdminPolicy: { role: "admin" },
  AmazonEKSAdminPolicy: { role: "admin", note: "AmazonEKSAdminPolicy → admin; in a namespace scope ACK's nearest predefined role is dev" },
  AmazonEKSEditPolicy: { role: "dev" },
  AmazonEKSViewPolicy: { role: "restricted" },
};

interface Principal {
  uid: string;
  isRole: boolean;
  known: boolean;
  key: string;
}

function principalOf(ctx: TransformContext, plan: Plan): Principal | undefined {
  const a = getAttribute(plan.original, "principal_arn");
  if (!a) return undefined;
  const src = exprSource(a.expr);
  const key = src.replace(/\s+/g, "");
  const ref = /^(aws_iam_(role|user)\.[A-Za-z0-9_-]+(?:\[[^\]]+\])?)\.arn$/.exec(src);
  if (ref && ctx.planOf(ref[1]!.replace(/\[.*$/, ""))?.rule?.to) return { uid: `${ref[1]}.unique_id`, isRole: ref[2] === "role", known: true, key };
  const v = staticValue(a.expr);
  const each = getAttribute(plan.original, "for_each");
  const count = getAttribute(plan.original, "count");
  const isRole = typeof v === "string" ? /:role\//.test(v) : /role/i.test(src + (each ? exprSource(each.expr) : ""));
  const label = identifier(plan.top.name);
  const what = `RAM ${isRole ? "role" : "user"}`;
  if (each || count) {
    const uids = inputVariable(ctx, `${label}_ram_uids`, `IDs of the ${what}s that replace ${src} in ${plan.top.address}, by ${each ? "for_each key" : "count index"} (alicloud_ram_role.role_id / alicloud_ram_user.id).`, { type: each ? "map(string)" : "list(string)" });
    return { uid: `${uids}[${each ? "each.key" : "count.index"}]`, isRole, known: false, key };
  }
  const uid = inputVariable(ctx, `${label}_ram_uid`, `ID of the ${what} that replaces ${src} in ${plan.top.address} (alicloud_ram_role.role_id / alicloud_ram_user.id).`, { type: "string" });
  return { uid, isRole, known: false, key };
}

function nodeType(plan: Plan): boolean {
  const t = getAttribute(plan.original, "type");
  const v = t ? staticValue(t.expr) : undefined;
  return typeof v === "string" && NODE_TYPES.has(v);
}

/** An argument of a block as written, without spaces ("" when absent). */
function src(block: Block, name: string): string {
  const a = getAttribute(block, name);
  return a ? exprSource(a.expr).replace(/\s+/g, "") : "";
}

/** The policy associations of one access entry: same cluster and principal, as written or through the entry's own attributes. */
function associationsOf(ctx: TransformContext, entry: Plan): Plan[] {
  const cluster = src(entry.original, "cluster_name").replace(/\.(name|id)$/, "");
  const principal = src(entry.original, "principal_arn");
  const viaEntry = (s: string): boolean => s.startsWith(`${entry.top.address}.`) || s.startsWith(`${entry.top.address}[`);
  return plansOfType(ctx, "aws_eks_access_policy_association").filter((p) => {
    const cs = src(p.original, "cluster_name");
    const ps = src(p.original, "principal_arn");
    return (cs.replace(/\.(name|id)$/, "") === cluster || viaEntry(cs)) && (ps === principal || viaEntry(ps));
  });
}

interface Grant {
  roleType: "cluster" | "namespace";
  roleName: string;
  custom: boolean;
  namespace?: string;
  why: string;
  warn?: string;
}

function grantsOf(ctx: TransformContext, entry: Plan): Grant[] {
  const out: Grant[] = [];
  const groups = getAttribute(entry.original, "kubernetes_groups");
  const list = groups ? staticValue(groups.expr) : undefined;
  if (Array.isArray(list)) {
    for (const g of list) {
      if (typeof g !== "string") continue;
      if (g === "system:masters") out.push({ roleType: "cluster", roleName: "admin", custom: false, why: "system:masters → ACK's admin role" });
      else out.push({ roleType: "cluster", roleName: g, custom: true, why: `group ${g} → the custom ClusterRole ${g}`, warn: `The Kubernetes group ${g} became a custom ClusterRole named ${g} (ACK binds RAM identities to roles, not groups); it must exist in the cluster.` });
    }
  } else if (groups) out.push({ roleType: "cluster", roleName: "restricted", custom: false, why: "computed groups", warn: `kubernetes_groups is computed (${exprSource(groups.expr)}); the identity got ACK's read-only restricted role.` });
  for (const a of associationsOf(ctx, entry)) {
    const arn = getAttribute(a.original, "policy_arn");
    const v = arn ? staticValue(arn.expr) : undefined;
    const policy = typeof v === "string" ? v.split("/").pop()! : undefined;
    const mapped = policy ? POLICY_ROLES[policy] : undefined;
    const scope = blocksOf(a.original.body).find((b) => b.blockType.text === "access_scope");
    const typeAttr = scope ? getAttribute(scope, "type") : undefined;
    const nsAttr = scope ? getAttribute(scope, "namespaces") : undefined;
    const st = typeAttr ? staticValue(typeAttr.expr) : "cluster";
    const nss = nsAttr ? staticValue(nsAttr.expr) : undefined;
    if (!mapped) {
      out.push({ roleType: "cluster", roleName: "restricted", custom: false, why: `${policy ?? "a computed policy"} → restricted`, warn: `The access policy ${arn ? exprSource(arn.expr) : "?"} has no ACK predefined role; the identity got the read-only restricted role.` });
      continue;
    }
    if (st === "namespace" && Array.isArray(nss)) {
      const role = mapped.role === "admin" ? "dev" : mapped.role;
      for (const ns of nss) if (typeof ns === "string") out.push({ roleType: "namespace", roleName: role, custom: false, namespace: ns, why: `${policy} in namespace ${ns} → ${role}`, ...(mapped.role === "admin" ? { warn: "AmazonEKSAdminPolicy in a namespace became ACK's dev role there (ACK's admin role is cluster-wide)." } : {}) });
    } else out.push({ roleType: "cluster", roleName: mapped.role, custom: false, why: `${policy} → ${mapped.role}` });
  }
  return out;
}

export function eksAccessEntry(ctx: TransformContext): void {
  if (nodeType(ctx.plan)) {
    for (const a of ["principal_arn", "cluster_name", "type"]) retractChanges(ctx, a);
    foldInto(ctx, "(none)", "ACK authorizes its own nodes (node pools join the cluster with their own credentials); node access entries are not needed.");
    ctx.plan.item.changes.push({ argument: "type", kind: "dropped", severity: "info", reason: "Node access entries have no ACK counterpart: ACK authorizes its own nodes." });
    return;
  }
  const me = principalOf(ctx, ctx.plan);
  if (!me) return;
  // Entries of one identity merge; a principal that varies per instance (each.value, count.index) does not.
  const perInstance = /\b(each|count)\./.test(me.key);
  const peers = perInstance ? [] : plansOfType(ctx, "aws_eks_access_entry").filter((p) => p.rule?.to && !nodeType(p) && src(p.original, "principal_arn") === me.key);
  const owner = peers[0] ?? ctx.plan;
  if (owner !== ctx.plan && owner.target) {
    for (const a of ["principal_arn", "cluster_name"]) retractChanges(ctx, a);
    const target = owner.target.names.join(".");
    foldInto(ctx, target, `alicloud_cs_kubernetes_permissions holds every grant of one RAM identity; this entry's grants are permissions blocks of ${target}.`);
    ctx.plan.item.changes.push({ argument: "(block)", kind: "note", severity: "info", reason: `Merged into ${target} (same principal).` });
    return;
  }
  setAttribute(ctx.block, "uid", me.uid);
  for (const a of ["principal_arn", "cluster_name", "kubernetes_groups"]) retractChanges(ctx, a);
  ctx.change({ argument: "principal_arn", kind: "value-mapped", to: "uid", severity: me.known ? "info" : "warning", reason: me.known ? `ACK grants to a RAM ${me.isRole ? "role" : "user"} by its id: uid = the translated ${me.isRole ? "role's role_id" : "user's id"}.` : "The principal is not a role or user of this configuration; uid is an input variable.", ...(me.known ? {} : { action: "Set the variable to the RAM user id or role id." }) });
  let count = 0;
  for (const entry of peers.length > 0 ? peers : [ctx.plan]) {
    const cid = clusterIdFor(ctx, getAttribute(entry.original, "cluster_name")?.expr, entry.top.name);
    if (!cid) continue;
    if (cid.severity === "warning") ctx.change({ argument: "cluster_name", kind: "note", severity: "warning", reason: cid.reason, ...(cid.action ? { action: cid.action } : {}) });
    const grants = grantsOf(ctx, entry);
    for (const g of grants) {
      const items: ItemSpec[] = [
        { attr: "cluster", expr: cid.expr },
        { attr: "role_type", expr: quote(g.roleType) },
        { attr: "role_name", expr: quote(g.roleName) },
        ...(g.namespace ? [{ attr: "namespace", expr: quote(g.namespace) }] : []),
        { attr: "is_custom", expr: String(g.custom) },
        { attr: "is_ram_role", expr: String(me.isRole) },
      ];
      addBlock(ctx.block, { type: "permissions", labels: [], items });
      count++;
      if (g.warn) ctx.change({ argument: "kubernetes_groups", kind: "note", severity: "warning", reason: g.warn, action: g.custom ? `Create a ClusterRole named ${g.roleName} with the group's rules (kubectl), or pick a predefined role.` : "Check that the role grants what the identity needs." });
    }
    if (grants.length > 0) ctx.change({ argument: entry === ctx.plan ? "kubernetes_groups" : `(merged) ${entry.top.address}`, kind: "value-mapped", to: "permissions", severity: "info", reason: `${grants.map((g) => g.why).join("; ")}.` });
  }
  if (count === 0) ctx.change({ argument: "kubernetes_groups", kind: "note", severity: "warning", reason: "The entry names no Kubernetes group and no access policy: in EKS it only authenticated the identity. ACK grants nothing without a permissions block.", action: "Add permissions { cluster, role_type, role_name } if the identity needs access, or remove the resource." });
}

/** An access policy association is a permissions block of its principal's alicloud_cs_kubernetes_permissions. */
export function eksAccessPolicyAssociation(ctx: TransformContext): void {
  const entries = plansOfType(ctx, "aws_eks_access_entry").filter((p) => p.rule?.to && associationsOf(ctx, p).includes(ctx.plan));
  const entry = entries[0];
  if (!entry) return;
  const principal = src(entry.original, "principal_arn");
  const owner = plansOfType(ctx, "aws_eks_access_entry").find((p) => p.rule?.to && !nodeType(p) && src(p.original, "principal_arn") === principal) ?? entry;
  const target = owner.target?.names.join(".") ?? `alicloud_cs_kubernetes_permissions.${owner.top.name}`;
  foldInto(ctx, target, `ACK grants access with predefined RBAC roles: this access policy is a permissions block of ${target}.`);
  ctx.plan.item.changes.push({ argument: "policy_arn", kind: "value-mapped", to: `${target}.permissions`, severity: "info", reason: "The access policy became an ACK predefined role (ClusterAdmin/Admin → admin, Edit → dev, View → restricted) in the principal's permissions." });
}

// ---- data source ---------------------------------------------------------------------------------

export function dataEksCluster(ctx: TransformContext): void {
  const name = ctx.top.name;
  const list = `data.alicloud_cs_managed_kubernetes_clusters.${name}`;
  const credential = `data.alicloud_cs_cluster_credential.${name}`;
  let needsCredential = false;
  const vars = new Map<string, string>();
  const variable = (attr: string, description: string): string => {
    const v = inputVariable(ctx, `${identifier(name)}_eks_${attr}`, description, { type: "string" });
    vars.set(attr, v);
    return v;
  };
  const idx = "(?:\\[0\\]|\\.0)";
  rewriteReferenceText(ctx, ctx.top.address, (addr, rest) => {
    if (new RegExp(`^\\.certificate_authority${idx}\\.data$`).test(rest)) {
      needsCredential = true;
      return `${credential}.certificate_authority.cluster_cert`;
    }
    if (new RegExp(`^\\.vpc_config${idx}\\.vpc_id$`).test(rest)) return `${addr}.clusters[0].vpc_id`;
    if (new RegExp(`^\\.vpc_config${idx}\\.subnet_ids$`).test(rest)) return `${addr}.clusters[0].vswitch_ids`;
    if (new RegExp(`^\\.vpc_config${idx}\\.cluster_security_group_id$`).test(rest)) return `${addr}.clusters[0].security_group_id`;
    if (new RegExp(`^\\.vpc_config${idx}\\.security_group_ids$`).test(rest)) return `[${addr}.clusters[0].security_group_id]`;
    if (new RegExp(`^\\.identity${idx}\\.oidc${idx}\\.issuer$`).test(rest)) return variable("oidc_issuer", `RRSA OIDC issuer URL of the ACK cluster ${name} (the cluster resource's rrsa_metadata[0].rrsa_oidc_issuer_url; the lookup does not export it).`);
    if (new RegExp(`^\\.kubernetes_network_config${idx}\\.service_ipv4_cidr$`).test(rest)) return variable("service_cidr", `Service CIDR of the ACK cluster ${name} (the lookup does not export it).`);
    return undefined;
  });
  if (needsCredential) {
    ctx.emitAfter([{ type: "data", labels: ["alicloud_cs_cluster_credential", name], items: [{ attr: "cluster_id", expr: `${list}.ids[0]` }] }]);
    ctx.change({ argument: "(reference) certificate_authority", kind: "value-mapped", to: `${credential}.certificate_authority.cluster_cert`, severity: "info", reason: "The cluster CA comes from data.alicloud_cs_cluster_credential (base64, as EKS gave it)." });
  }
  for (const [attr, v] of vars) ctx.change({ argument: `(reference) ${attr}`, kind: "note", severity: "warning", reason: `data.alicloud_cs_managed_kubernetes_clusters does not export the cluster's ${attr === "oidc_issuer" ? "OIDC issuer (ACK's RRSA issuer)" : "service CIDR"}; references became ${v}.`, action: "Set the variable from the ACK cluster (console or the cluster resource's outputs)." });
  noteProviders(ctx);
}

/** kubernetes / helm providers configured from the EKS cluster should authenticate with ACK's client certificate. */
function noteProviders(ctx: TransformContext): void {
  const address = ctx.top.address;
  const users: string[] = [];
  for (const unit of ctx.stack.dir.units) {
    for (const b of blocksOf(unit.tree.body)) {
      if (b.blockType.text !== "provider" && b.blockType.text !== "module") continue;
      if (!exprSource(b).includes(address)) continue;
      users.push(`${b.blockType.text} "${blockLabels(b).join('" "')}"`);
    }
  }
  if (users.length === 0) return;
  ctx.change({ argument: "(block)", kind: "note", severity: "warning", reason: `${users.join(", ")} connect${users.length === 1 ? "s" : ""} to the cluster with its endpoint and CA and an EKS token (aws eks get-token / data.aws_eks_cluster_auth); ACK has no token endpoint.`, action: `Authenticate with client certificates: client_certificate = base64decode(data.alicloud_cs_cluster_credential.${ctx.top.name}.certificate_authority.client_cert), client_key = base64decode(….client_key), cluster_ca_certificate = base64decode(….cluster_cert), or use its kube_config.` });
}
