/**
 * Secrets Manager → KMS secrets. An alicloud_kms_secret holds its value
 * (secret_data, required) and a version_id, so the secret and its
 * aws_secretsmanager_secret_version become one resource: the version is
 * folded into the secret, and references to it read the secret. A secret
 * whose value is managed outside Terraform gets a sensitive input variable.
 * Secret values are never written into the report, and the commented-out
 * version block does not repeat the value.
 */

import { getAttribute, quote, removeAttribute, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { plansOfType, refersTo } from "./aws-graph.js";
import { decide, type Plan, type TransformContext } from "./context.js";
import { foldInto, keepAsManual } from "./fold.js";
import { rewriteReferencePaths } from "./reference-paths.js";
import { retractChanges } from "./report-changes.js";
import { inputVariable, retractInfo } from "./retarget.js";

const STAGES: Record<string, string> = { AWSCURRENT: "ACSCurrent", AWSPREVIOUS: "ACSPrevious", AWSPENDING: "ACSPending" };

/** The aws_secretsmanager_secret a version's secret_id names, if it is translated in this folder. */
function secretOf(ctx: TransformContext, version: Plan): Plan | undefined {
  const id = getAttribute(version.original, "secret_id");
  return plansOfType(ctx, "aws_secretsmanager_secret").find((s) => s.rule?.to && !s.failed && refersTo(id?.expr, s.top.address));
}

/** The versions of a secret, and the one whose value the secret takes (AWSCURRENT, else the last). */
function versionsOf(ctx: TransformContext, secret: Plan): { all: Plan[]; chosen?: Plan } {
  const all = plansOfType(ctx, "aws_secretsmanager_secret_version").filter((v) => secretOf(ctx, v) === secret);
  const current = all.find((v) => {
    const stages = getAttribute(v.original, "version_stages");
    const value = stages ? staticValue(stages.expr) : undefined;
    return Array.isArray(value) && value.includes("AWSCURRENT");
  });
  return { all, chosen: current ?? all[all.length - 1] };
}

export function secretsmanagerSecret(ctx: TransformContext): void {
  const o = ctx.plan.original;
  if (!getAttribute(ctx.block, "secret_name")) {
    const name = quote(ctx.top.name.replace(/_/g, "-"));
    setAttribute(ctx.block, "secret_name", name);
    ctx.change({ argument: "name", kind: "note", to: name, severity: "warning", reason: `alicloud_kms_secret needs a full name; the secret is named ${name} after the resource.`, action: "Check the name (applications read the secret by it)." });
  }
  secretData(ctx);
  const window = getAttribute(o, "recovery_window_in_days");
  const days = window ? staticValue(window.expr) : undefined;
  if (days === 0) {
    removeAttribute(ctx.block, "recovery_window_in_days");
    setAttribute(ctx.block, "force_delete_without_recovery", "true");
    retractChanges(ctx, "recovery_window_in_days");
    ctx.change({ argument: "recovery_window_in_days", kind: "value-mapped", to: "force_delete_without_recovery = true", severity: "info", reason: "0 days (delete at once) is force_delete_without_recovery = true on Alibaba Cloud." });
  }
  const key = getAttribute(ctx.block, "encryption_key_id");
  if (key) {
    const src = exprSource(key.expr);
    const fixed = src.replace(/^(aws_kms_key\.[A-Za-z0-9_-]+(\[[^\]]*\])?)\.(arn|key_id)$/, "$1.id");
    if (fixed !== src) replaceAttributeValue(key, fixed);
  }
  retractChanges(ctx, "version_id");
  ctx.change({ argument: "version_id", kind: "note", to: '"v1"', severity: "info", reason: "Alibaba names secret versions: version_id = \"v1\" was set. A new value needs a new version_id, or Alibaba keeps serving the old one." });
  for (const p of plansOfType(ctx, "aws_secretsmanager_secret_rotation")) {
    if (refersTo(getAttribute(p.original, "secret_id")?.expr, ctx.top.address)) {
      ctx.change({ argument: "rotation", kind: "note", severity: "warning", reason: `${p.top.address} rotates the secret with a Lambda function; Alibaba rotates only managed secret types (RDS, RAM credentials, ECS, Redis, PolarDB), not generic secrets.`, action: "Rotate the value with a scheduled Function Compute function that calls PutSecretValue, or use a managed secret type." });
    }
  }
}

/** secret_data (and its type and stages) from the secret's version, or a sensitive input variable. */
function secretData(ctx: TransformContext): void {
  const { all, chosen } = versionsOf(ctx, ctx.plan);
  if (!chosen) {
    const name = `${ctx.top.name}_secret_data`;
    const ref = inputVariable(ctx, name, `Value of the secret ${ctx.top.address}, whose value was managed outside Terraform on AWS. alicloud_kms_secret requires it.`, { type: "string", sensitive: true });
    setAttribute(ctx.block, "secret_data", ref);
    ctx.change({ argument: "secret_data", kind: "note", to: ref, severity: "warning", reason: `The secret has no aws_secretsmanager_secret_version in this folder (its value was put outside Terraform), but alicloud_kms_secret requires secret_data; it reads the sensitive input ${ref}.`, action: `Pass the value in ${ref} (from the AWS secret, e.g. through TF_VAR_${name}) — never commit it.` });
    return;
  }
  const v = chosen.original;
  const { text, binary } = valueOf(chosen);
  if (text !== undefined || binary !== undefined) {
    setAttribute(ctx.block, "secret_data", (text ?? binary)!);
    setAttribute(ctx.block, "secret_data_type", text !== undefined ? '"text"' : '"binary"');
  } else {
    const name = `${ctx.top.name}_secret_data`;
    const ref = inputVariable(ctx, name, `Value of the secret ${ctx.top.address} (its AWS version used a write-only value).`, { type: "string", sensitive: true });
    setAttribute(ctx.block, "secret_data", ref);
    ctx.change({ argument: "secret_data", kind: "note", to: ref, severity: "warning", reason: `The value of ${chosen.top.address} is write-only (secret_string_wo), which alicloud_kms_secret does not have; it reads the sensitive input ${ref} and is stored in the state.`, action: `Pass the value in ${ref}, and protect the state.` });
  }
  const stages = getAttribute(v, "version_stages");
  if (stages) {
    const value = staticValue(stages.expr);
    if (Array.isArray(value) && value.every((s) => typeof s === "string")) {
      setAttribute(ctx.block, "version_stages", `[${(value as string[]).map((s) => quote(STAGES[s] ?? s)).join(", ")}]`);
    } else setAttribute(ctx.block, "version_stages", exprSource(stages.expr));
  }
  // Never the value itself: only where it came from.
  ctx.change({ argument: "secret_data", kind: "moved", to: "secret_data", severity: "info", reason: `The value comes from ${chosen.top.address} (${text !== undefined ? "secret_string → secret_data_type \"text\"" : binary !== undefined ? "secret_binary → secret_data_type \"binary\"" : "an input variable"}); Alibaba keeps a secret's value in the secret resource.` });
  if (all.length > 1) {
    ctx.change({ argument: "secret_data", kind: "note", severity: "warning", reason: `The secret has ${all.length} versions in this folder (${all.map((p) => p.top.address).join(", ")}); alicloud_kms_secret holds one value, so ${chosen.top.address} was kept.`, action: "Check that the kept value is the current one; put older values with the KMS console if they must be kept." });
  }
  decide(ctx.run, { topic: "other", summary: "Secret versions are merged into their KMS secret", detail: "An alicloud_kms_secret holds its value (secret_data) and version_id itself, so each aws_secretsmanager_secret_version was merged into its secret; changing the value needs a new version_id." });
}

/** aws_secretsmanager_secret_version: its value is the secret_data of its alicloud_kms_secret. */
export function secretVersionIntoSecret(ctx: TransformContext): void {
  const secret = secretOf(ctx, ctx.plan);
  if (!secret) {
    // The commented-out block is the only copy of the value in the output: it is kept for the person who moves it.
    keepAsManual(ctx, { reason: "secret_id does not name an aws_secretsmanager_secret translated in this folder, and Alibaba keeps a secret's value in the alicloud_kms_secret resource.", action: "Put the value with the KMS console or with the alicloud_kms_secret that manages the secret (secret_data + a new version_id).", alternative: "alicloud_kms_secret.secret_data", effort_hours: 0.5 });
    return;
  }
  const target = secret.target!.names.join(".");
  const chosen = versionsOf(ctx, secret).chosen === ctx.plan;
  for (const a of ["secret_string", "secret_binary"]) retractChanges(ctx, a);
  retractInfo(ctx, ["secret_id", "version_stages"]);
  // References to the version read the secret: .secret_string → secret_data, .arn / .version_id / .id the secret's.
  const suffix = (address: string): string => address.slice(ctx.top.address.length);
  rewriteReferencePaths(ctx, ctx.top.address, [
    { from: ["secret_string"], to: (a) => `${target}${suffix(a)}.secret_data` },
    { from: ["secret_binary"], to: (a) => `${target}${suffix(a)}.secret_data` },
    { from: ["arn"], to: (a) => `${target}${suffix(a)}.arn` },
    { from: ["version_id"], to: (a) => `${target}${suffix(a)}.version_id` },
    { from: ["id"], to: (a) => `${target}${suffix(a)}.id` },
  ]);
  if (chosen) {
    ctx.change({ argument: "(block)", kind: "moved", to: `${target}.secret_data`, severity: "info", reason: `The version's value is secret_data of ${target}; references to the version read the secret.` });
    foldInto(ctx, target, `its value is secret_data of ${target}; Alibaba keeps a secret's value in the secret resource.`);
  } else {
    ctx.change({ argument: "(block)", kind: "dropped", severity: "warning", reason: `${target} holds one value and takes it from another version of the secret; this version's value was not migrated.`, action: "Put this value with the KMS console if it must be kept as an older version." });
    // Not migrated: the commented-out block keeps the only copy of this value.
    foldInto(ctx, target, `${target} takes its value from another version of the secret.`);
    return;
  }
  redactCommentedOut(ctx, `${target}.secret_data`);
}

/**
 * The value expressions of a version as written, read once: the version's
 * transform blanks them in the block that is commented out, and the
 * secret's transform may run after it.
 */
const values = new WeakMap<Plan, { text?: string; binary?: string }>();

function valueOf(version: Plan): { text?: string; binary?: string } {
  let v = values.get(version);
  if (!v) {
    const text = getAttribute(version.original, "secret_string");
    const binary = getAttribute(version.original, "secret_binary");
    v = { ...(text ? { text: exprSource(text.expr) } : {}), ...(binary ? { binary: exprSource(binary.expr) } : {}) };
    values.set(version, v);
  }
  return v;
}

/** The commented-out version block does not repeat a merged value written literally (a variable or reference shows nothing). */
function redactCommentedOut(ctx: TransformContext, where: string): void {
  valueOf(ctx.plan);
  for (const a of ["secret_string", "secret_binary"]) {
    const attr = getAttribute(ctx.plan.original, a);
    if (attr && exprSource(attr.expr).includes('"')) replaceAttributeValue(attr, quote(`(value not repeated here: see ${where})`));
  }
}
