/**
 * aws_ecr_repository → alicloud_cr_ee_repo in one ACR Enterprise Edition
 * instance per folder, and data.aws_ecr_repository → data.alicloud_cr_ee_repos.
 *
 * ECR repositories belong to the account; ACR EE repositories belong to an
 * instance (billed per instance) and a namespace. The first repository of a
 * folder emits the instance; every repository joins a namespace named after
 * the first part of its ECR path ("team/app" → namespace "team", repository
 * "app"), or the folder's own namespace when the name has no path. Image
 * addresses change: <instance>-registry.<region>.cr.aliyuncs.com/<ns>/<repo>.
 */

import { blockLabels, getAttribute, quote, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { plansOfType } from "./aws-graph.js";
import { decide, type TransformContext } from "./context.js";
import { retractChanges } from "./report-changes.js";
import { identifier, inputVariable, regionExpr } from "./retarget.js";
import { rewriteReferenceText } from "./serverless-shared.js";
import { stackBaseName, stackSingleton } from "./stack-singletons.js";

export const REGISTRY = "alicloud_cr_ee_instance.registry";
/** ACR namespace and repository names: lower-case letters, digits, `-`, `_`, `.` (provider docs). */
const ACR_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** A name for things aws2ali creates once per folder: the folder's name, or the source tree's for the root. */
export function projectName(ctx: TransformContext): string {
  const base = ctx.stack.dir.dir === "" ? ctx.run.sourceName.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") : stackBaseName(ctx.stack);
  return base || "stack";
}

function acrName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "") || "default";
}

/** The folder's namespace for repositories without a path: its project name, starting with a letter. */
function defaultNamespace(ctx: TransformContext): string {
  return acrName(projectName(ctx).replace(/^[^a-z]+/, "") || "apps");
}

/** "team/app" → namespace team, name app; "a/b/c" → a, b-c; "app" → the folder's namespace. */
export function splitRepositoryName(ctx: TransformContext, name: string): { namespace: string; repo: string; deep: boolean; fromPath: boolean } {
  const parts = name.split("/");
  if (parts.length === 1) return { namespace: defaultNamespace(ctx), repo: acrName(name), deep: false, fromPath: false };
  return { namespace: acrName(parts[0]!), repo: acrName(parts.slice(1).join("-")), deep: parts.length > 2, fromPath: true };
}

/** Any repository of the folder asks for image scanning on push. */
function anyScanOnPush(ctx: TransformContext): boolean {
  return plansOfType(ctx, "aws_ecr_repository").some((p) => p.top.kind === "resource" && /scan_on_push\s*=\s*true/.test(exprSource(p.original)));
}

/** The folder's ACR EE instance, emitted with the first repository. */
function registry(ctx: TransformContext): string {
  const base = projectName(ctx).replace(/^[^a-z]+/, "").slice(0, 21).replace(/-+$/, "");
  const name = `${base || "app"}-registry`;
  const tags = getAttribute(ctx.plan.original, "tags");
  const spec = {
    type: "resource",
    labels: ["alicloud_cr_ee_instance", "registry"],
    items: [
      { attr: "instance_name", expr: quote(name) },
      { attr: "instance_type", expr: '"Standard"' },
      { attr: "payment_type", expr: '"Subscription"' },
      { attr: "period", expr: "1" },
      { attr: "renewal_status", expr: '"AutoRenewal"' },
      { attr: "renew_period", expr: "1" },
      ...(anyScanOnPush(ctx) ? [{ attr: "image_scanner", expr: '"ACR"' }] : []),
      ...(tags ? [{ attr: "tags", expr: exprSource(tags.expr) }] : []),
    ],
  };
  stackSingleton(ctx, spec, () => {
    ctx.change({ argument: "(block)", kind: "note", severity: "warning", to: REGISTRY, reason: `ACR Enterprise Edition keeps repositories in an instance; aws2ali emitted one Standard instance (${name}) for the repositories of this folder. ACR EE instances are subscriptions billed per instance and month (period = 1, renewed automatically), unlike ECR's per-GB pricing.`, action: "Check the edition (Basic / Standard / Advanced) and the subscription period; reuse an existing ACR EE instance instead by replacing instance_id." });
    decide(ctx.run, { topic: "billing", summary: "One ACR Enterprise Edition instance per stack", detail: "ECR repositories became repositories of one alicloud_cr_ee_instance per folder (Standard edition, monthly subscription). Pushing images: docker login <instance>-registry.<region>.cr.aliyuncs.com; pulls from a VPC need the instance's VPC endpoint (alicloud_cr_ee_vpc_endpoint_linked_vpc)." });
  }, "alicloud_cr_ee_instance");
  return REGISTRY;
}

function namespaceBlock(ctx: TransformContext, namespace: string): string {
  const label = /^[A-Za-z_]/.test(namespace) ? identifier(namespace) : `ns_${identifier(namespace)}`;
  return stackSingleton(ctx, {
    type: "resource",
    labels: ["alicloud_cr_ee_namespace", label],
    items: [
      { attr: "instance_id", expr: `${REGISTRY}.id` },
      { attr: "name", expr: quote(namespace) },
      { attr: "auto_create", expr: "false" },
      { attr: "default_visibility", expr: '"PRIVATE"' },
    ],
  }, undefined, `alicloud_cr_ee_namespace:${namespace}`);
}

export function ecrRepository(ctx: TransformContext): void {
  registry(ctx);
  setAttribute(ctx.block, "instance_id", `${REGISTRY}.id`);
  const nameAttr = getAttribute(ctx.plan.original, "name");
  const value = nameAttr ? staticValue(nameAttr.expr) : undefined;
  let namespace: string;
  if (typeof value === "string") {
    const split = splitRepositoryName(ctx, value);
    namespace = split.namespace;
    setAttribute(ctx.block, "name", quote(split.repo));
    if (split.fromPath || split.repo !== value) ctx.change({ argument: "name", kind: "value-mapped", to: `${split.namespace}/${split.repo}`, severity: split.deep ? "warning" : "info", reason: `ACR names a repository by namespace and name: "${value}" → namespace ${split.namespace}, repository ${split.repo}${split.deep ? " (ACR has one namespace level; the rest of the path joined with '-')" : ""}.`, ...(split.deep ? { action: "Update image references that used the deeper path." } : {}) });
    else ctx.change({ argument: "name", kind: "note", severity: "info", reason: `"${value}" has no namespace part; the repository joins the folder's namespace ${namespace}.` });
  } else {
    namespace = defaultNamespace(ctx);
    ctx.change({ argument: "name", kind: "note", severity: "warning", reason: `The name ${nameAttr ? exprSource(nameAttr.expr) : "(unset)"} is computed; the repository joins the namespace ${namespace}. ACR repository names cannot hold "/" and take lower-case letters, digits, "-", "_" and ".".`, action: "Make sure the value is a plain repository name (no namespace path)." });
  }
  const ns = namespaceBlock(ctx, namespace);
  setAttribute(ctx.block, "namespace", `${ns}.name`);
  if (!ACR_NAME.test(namespace)) ctx.change({ argument: "name", kind: "note", severity: "warning", reason: `The namespace ${namespace} is not a valid ACR namespace name.`, action: "Rename it (lower-case letters, digits, '-', '_', '.')." });
  scanning(ctx);
  rewriteRepositoryUrls(ctx, ctx.top.address);
}

/** scan_on_push moved to the instance (image_scanner); scan_on_push = false needs nothing. */
function scanning(ctx: TransformContext): void {
  const scan = /scan_on_push\s*=\s*true/.test(exprSource(ctx.plan.original));
  if (!scan) return;
  retractChanges(ctx, "image_scanning_configuration");
  ctx.change({ argument: "image_scanning_configuration", kind: "moved", to: `${REGISTRY}.image_scanner`, severity: "info", reason: "ACR scans images per instance: image_scanner = \"ACR\" (Trivy) on the instance scans pushed images of every repository." });
}

/** The image address of a repository: "<instance>-registry.<region>.cr.aliyuncs.com/<namespace>/<name>" (public endpoint). */
function repositoryUrl(ctx: TransformContext, address: string): string {
  return `"\${${REGISTRY}.instance_name}-registry.\${${regionExpr(ctx)}}.cr.aliyuncs.com/\${${address}.namespace}/\${${address}.name}"`;
}

/**
 * `aws_ecr_repository.x.repository_url` → the ACR image address, in every
 * block of the folder (task definitions copied into SAE applications call
 * this again for their image).
 */
export function rewriteRepositoryUrls(ctx: TransformContext, address: string): number {
  const n = rewriteReferenceText(ctx, address, (addr, rest) => {
    if (rest !== ".repository_url") return undefined;
    return repositoryUrl(ctx, addr);
  });
  const plan = ctx.planOf(address);
  if (n > 0 && plan && !plan.item.changes.some((c) => c.argument === "(reference) repository_url")) {
    plan.item.changes.push({ argument: "(reference) repository_url", kind: "value-mapped", severity: "info", reason: "References to repository_url now build the ACR address <instance>-registry.<region>.cr.aliyuncs.com/<namespace>/<name> (public endpoint; hosts in the VPC pull through <instance>-registry-vpc.<region>.cr.aliyuncs.com).", action: "Push the images to ACR (docker tag/push, or an ACR image sync) before the workloads start." });
  }
  return n;
}

/** `aws_ecr_repository.x` addresses an expression refers to that are translated in this folder. */
export function ecrRepositoriesIn(ctx: TransformContext, source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/(?<![.\w])aws_ecr_repository\.([A-Za-z0-9_-]+)/g)) {
    const address = `aws_ecr_repository.${m[1]}`;
    if (ctx.planOf(address)?.rule?.to) out.add(address);
  }
  return [...out];
}

/** `data.aws_ecr_repository.x` addresses an expression refers to that are translated in this folder. */
export function ecrLookupsIn(ctx: TransformContext, source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/\bdata\.aws_ecr_repository\.([A-Za-z0-9_-]+)/g)) {
    const address = `data.aws_ecr_repository.${m[1]}`;
    if (ctx.planOf(address)?.rule?.to) out.add(address);
  }
  return [...out];
}

// ---- data source -------------------------------------------------------------------------------

export function dataEcrRepository(ctx: TransformContext): void {
  const own = plansOfType(ctx, "aws_ecr_repository").some((p) => p.top.kind === "resource" && p.rule?.to);
  retractChanges(ctx, "registry_id");
  const registryId = getAttribute(ctx.plan.original, "registry_id");
  if (own) {
    setAttribute(ctx.block, "instance_id", `${REGISTRY}.id`);
    ctx.change({ argument: "registry_id", kind: "note", severity: "info", reason: `ACR looks repositories up in an instance: instance_id is this folder's ${REGISTRY}${registryId ? " (registry_id named an AWS account)" : ""}.` });
  } else {
    setAttribute(ctx.block, "instance_id", inputVariable(ctx, "acr_instance_id", "ID of the ACR Enterprise Edition instance that holds the repositories looked up here (ECR repositories belonged to the account).", { type: "string" }));
    ctx.change({ argument: "registry_id", kind: "note", severity: "warning", reason: "ACR looks repositories up in an ACR Enterprise Edition instance, which this configuration does not create; instance_id is the input variable acr_instance_id.", action: "Set acr_instance_id (and acr_instance_name, where image addresses use it) to the instance that holds the migrated images." });
  }
  const nameAttr = getAttribute(ctx.plan.original, "name");
  const value = nameAttr ? staticValue(nameAttr.expr) : undefined;
  if (typeof value === "string") {
    const split = splitRepositoryName(ctx, value);
    retractChanges(ctx, "name");
    setAttribute(ctx.block, "name_regex", quote(`^${split.repo.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    setAttribute(ctx.block, "namespace", quote(split.namespace));
    ctx.change({ argument: "name", kind: "value-mapped", to: `namespace = "${split.namespace}", name_regex`, severity: "info", reason: `"${value}" is looked up as repository ${split.repo} in namespace ${split.namespace}.` });
  } else if (nameAttr) {
    ctx.change({ argument: "name", kind: "note", severity: "warning", reason: `The name ${exprSource(nameAttr.expr)} is computed; it is matched as a regular expression and may carry an ECR path.`, action: "Set namespace to the ACR namespace and name_regex to the repository name alone." });
  }
  const n = rewriteDataRepositoryUrls(ctx, ctx.top.address);
  if (n > 0) ctx.change({ argument: "(reference) repository_url", kind: "value-mapped", severity: "info", reason: "References to repository_url now build the ACR address <instance>-registry.<region>.cr.aliyuncs.com/<namespace>/<name>." });
}

/**
 * `data.aws_ecr_repository.x.repository_url` → the ACR image address, from
 * the translated lookup (its instance and namespace); 0 when the lookup is
 * not translated yet (its own transform rewrites the references then).
 */
export function rewriteDataRepositoryUrls(ctx: TransformContext, address: string): number {
  const plan = ctx.planOf(address);
  const live = plan?.top.block;
  if (!live || blockLabels(live)[0] !== "alicloud_cr_ee_repos") return 0;
  const instanceId = getAttribute(live, "instance_id");
  const instanceName = instanceId && exprSource(instanceId.expr) === `${REGISTRY}.id` ? `${REGISTRY}.instance_name` : inputVariable(ctx, "acr_instance_name", "Name of the ACR Enterprise Edition instance (image addresses are <name>-registry.<region>.cr.aliyuncs.com).", { type: "string" });
  const ns = getAttribute(live, "namespace");
  const nsValue = ns ? staticValue(ns.expr) : undefined;
  const nsText = typeof nsValue === "string" ? nsValue : ns ? `\${${exprSource(ns.expr)}}` : undefined;
  return rewriteReferenceText(ctx, address, (addr, rest) => {
    if (rest !== ".repository_url") return undefined;
    return `"\${${instanceName}}-registry.\${${regionExpr(ctx)}}.cr.aliyuncs.com/${nsText ?? `\${${addr}.repos[0].namespace}`}/\${${addr}.names[0]}"`;
  });
}

/** The instance_id a translated data.aws_ecr_repository looks repositories up in. */
export function dataRepositoryInstance(ctx: TransformContext, address: string): string | undefined {
  const live = ctx.planOf(address)?.top.block;
  const id = live && blockLabels(live)[0] === "alicloud_cr_ee_repos" ? getAttribute(live, "instance_id") : undefined;
  return id ? exprSource(id.expr) : undefined;
}
