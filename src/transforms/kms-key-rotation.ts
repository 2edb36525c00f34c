/**
 * aws_kms_key → alicloud_kms_key: automatic rotation needs an interval on
 * Alibaba Cloud ("<days>d", 7 to 730 days), which AWS keeps in
 * rotation_period_in_days (90 to 2560, default 365). Asymmetric keys cannot
 * rotate. Keys created without a KMS instance are KMS 3.0 "default keys".
 */

import { getAttribute, removeAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import { literal, literalNumber } from "./compute-shared.js";
import { decide, type TransformContext } from "./context.js";
import { retractChanges } from "./report-changes.js";

export function kmsKeyRotation(ctx: TransformContext): void {
  rotation(ctx);
  decide(ctx.run, {
    topic: "other",
    summary: "KMS keys are default keys, not keys of a KMS instance",
    detail: "aws2ali creates each KMS key without dkms_instance_id, which makes it a KMS 3.0 default key: usable for OSS, disk and secret encryption, but with lower API quotas and no key policy. Production keys usually belong to a KMS instance (alicloud_kms_instance): create one and set dkms_instance_id if you need its quotas, key policies or HSM protection.",
  });
  if (!getAttribute(ctx.block, "dkms_instance_id")) ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: "The key is created as a KMS 3.0 default key (no dkms_instance_id); see the decision about KMS instances in the report." });
}

function rotation(ctx: TransformContext): void {
  const enabled = getAttribute(ctx.plan.original, "enable_key_rotation");
  if (!enabled) return;
  const on = literal(enabled.expr);
  const spec = literal(getAttribute(ctx.block, "key_spec")?.expr);
  const usage = literal(getAttribute(ctx.plan.original, "key_usage")?.expr);
  const asymmetric = (typeof spec === "string" && /^(RSA|EC)_/.test(spec)) || usage === "SIGN_VERIFY";
  if (asymmetric) {
    removeAttribute(ctx.block, "automatic_rotation");
    removeAttribute(ctx.block, "rotation_interval");
    ctx.change({ argument: "enable_key_rotation", kind: "dropped", severity: "info", reason: `Alibaba Cloud KMS rotates only symmetric keys; the ${typeof spec === "string" ? spec : "asymmetric"} key gets no automatic rotation (AWS does not rotate asymmetric keys either).` });
    return;
  }
  if (on === false) return;
  const period = getAttribute(ctx.plan.original, "rotation_period_in_days");
  const days = literalNumber(period?.expr);
  if (period) retractChanges(ctx, "rotation_period_in_days");
  let interval: string;
  if (!period) {
    interval = '"365d"';
    ctx.change({ argument: "enable_key_rotation", kind: "note", severity: "info", reason: 'Alibaba Cloud needs a rotation interval when rotation is on: rotation_interval = "365d", the AWS default period.' });
  } else if (days === undefined) {
    interval = `"\${${exprSource(period.expr)}}d"`;
    ctx.change({ argument: "rotation_period_in_days", kind: "value-mapped", to: "rotation_interval", severity: "warning", reason: "The rotation period is computed: rotation_interval is it in days (\"<n>d\"); Alibaba Cloud accepts 7 to 730 days, AWS up to 2560.", action: "Make sure the value is at most 730." });
  } else if (days > 730) {
    interval = '"730d"';
    ctx.change({ argument: "rotation_period_in_days", kind: "value-mapped", to: '"730d"', severity: "warning", reason: `Alibaba Cloud rotates keys at most every 730 days; the AWS period of ${days} days became "730d".`, action: "Accept the more frequent rotation, or turn automatic rotation off and rotate by hand." });
  } else {
    const d = Math.max(7, Math.round(days));
    interval = `"${d}d"`;
    ctx.change({ argument: "rotation_period_in_days", kind: "value-mapped", to: interval, severity: "info", reason: `The rotation period of ${days} days became rotation_interval = ${interval}.` });
  }
  if (on === true) setAttribute(ctx.block, "rotation_interval", interval);
  else {
    // Rotation follows an expression: the interval is only given when it is on.
    retractChanges(ctx, "enable_key_rotation");
    setAttribute(ctx.block, "automatic_rotation", `${exprSource(enabled.expr)} ? "Enabled" : "Disabled"`);
    setAttribute(ctx.block, "rotation_interval", `${exprSource(enabled.expr)} ? ${interval} : null`);
    ctx.change({ argument: "enable_key_rotation", kind: "value-mapped", to: "automatic_rotation", severity: "info", reason: `Rotation follows ${exprSource(enabled.expr)}: automatic_rotation and rotation_interval are conditional on it.` });
  }
}
