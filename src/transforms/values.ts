/**
 * Named value transforms (`value_transform:` in a rule), for values a
 * lookup table cannot map.
 */

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
