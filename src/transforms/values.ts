/**
 * Named value transforms (`value_transform:` in a rule), for values a
 * lookup table cannot map.
 */

import { ossPolicyDocument } from "./oss-policy.js";

type ValueResult = { value?: string | number | boolean; note?: string };

/** CloudWatch keeps logs forever with 0; SLS's longest retention is 3650 days. */
function logRetention(value: string | number | boolean): ValueResult {
  const days = Number(value);
  if (!Number.isFinite(days)) return {};
  if (days === 0) return { value: 3650, note: "AWS 0 means never expire; SLS keeps at most 3650 days" };
  return { value: Math.min(Math.max(1, days), 3650) };
}

/** Booleans that Alibaba spells as enums (enable_dns_hostnames → dns_hostname_status). */
function enabledDisabled(value: string | number | boolean): ValueResult {
  return { value: value === true || value === "true" ? "ENABLED" : "DISABLED" };
}

/** Alibaba takes sizes and counts as strings in some arguments (node pool desired_size). */
function toStringValue(value: string | number | boolean): ValueResult {
  return { value: String(value) };
}

export const VALUE_TRANSFORMS: Record<string, (value: string | number | boolean) => ValueResult> = {
  "log-retention": logRetention,
  "enabled-disabled": enabledDisabled,
  "to-string": toStringValue,
};

/** Names matched by regular expression where AWS matched exactly: `^name$`, escaped. */
function exactNameRegex(value: string | number | boolean): ValueResult {
  return { value: `^${String(value).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$` };
}

/** AWS maintenance windows `sun:05:00-sun:06:00` → Alibaba's daily UTC window `05:00Z-06:00Z`. */
function maintenanceWindowUtc(value: string | number | boolean): ValueResult {
  const m = /^[a-z]{3}:(\d\d):(\d\d)-[a-z]{3}:(\d\d):(\d\d)$/i.exec(String(value));
  return m ? { value: `${m[1]}:${m[2]}Z-${m[3]}:${m[4]}Z`, note: "Alibaba maintenance windows are daily; the AWS weekday was dropped" } : {};
}

/** AWS backup windows `03:00-04:00` → Alibaba's hour window `03:00Z-04:00Z`. */
function backupWindowUtc(value: string | number | boolean): ValueResult {
  const m = /^(\d\d):\d\d-\d\d:\d\d$/.exec(String(value));
  if (!m) return {};
  const h = Number(m[1]);
  return { value: `${m[1]}:00Z-${String((h + 1) % 24).padStart(2, "0")}:00Z` };
}

/** `traffic-port` means "the port traffic goes to", which Alibaba spells 0. */
function healthCheckPort(value: string | number | boolean): ValueResult {
  return value === "traffic-port" ? { value: 0 } : { value };
}

/** `arn:aws:s3:::bucket` → `bucket`. */
function s3ArnToBucketName(value: string | number | boolean): ValueResult {
  const m = /^arn:aws[a-z-]*:s3:::([^/]+)$/.exec(String(value));
  return m ? { value: m[1]! } : {};
}

Object.assign(VALUE_TRANSFORMS, {
  "exact-name-regex": exactNameRegex,
  "maintenance-window-utc": maintenanceWindowUtc,
  "backup-window-utc": backupWindowUtc,
  "health-check-port": healthCheckPort,
  "s3-arn-to-bucket-name": s3ArnToBucketName,
  "oss-policy-document": ossPolicyDocument,
});
