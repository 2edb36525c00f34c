/**
 * Names that Alibaba Cloud restricts more than AWS: an SLS log store name
 * takes lower-case letters, digits, `_` and `-` only (CloudWatch log group
 * names are paths like `/aws/eks/x/cluster`); a Tablestore table name takes
 * letters, digits and `_` (DynamoDB allows `-` and `.`). Literal names are
 * rewritten in place; other expressions get a Terraform `replace()` that
 * does the same at plan time.
 */

import { isToken, type Expr } from "../hcl/cst.js";
import { quote } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";

export interface NameRule {
  /** Characters not allowed (a global regex of one class); each run is replaced by `replacement`. */
  invalid: RegExp;
  replacement: string;
  lowerCase: boolean;
  leading: RegExp;
  trailing: RegExp;
  /**
   * Templates: clean only their literal text (true), trusting interpolated
   * values, or wrap the whole template in replace() (false) when a value
   * commonly breaks the rule (`${local.name}` usually holds a hyphen).
   */
  cleanTemplateText: boolean;
}

/** SLS log store: `[a-z0-9_-]`, starting and ending with a letter or digit (provider docs, log_store). */
export const LOG_STORE_NAME: NameRule = { invalid: /[^a-z0-9_-]+/g, replacement: "-", lowerCase: true, leading: /^[-_]+/, trailing: /[-_]+$/, cleanTemplateText: true };

/** Tablestore table: `[A-Za-z0-9_]`, not starting with a digit (provider docs, ots_table). */
export const OTS_TABLE_NAME: NameRule = { invalid: /[^A-Za-z0-9_]+/g, replacement: "_", lowerCase: false, leading: /^[0-9_]+/, trailing: /_+$/, cleanTemplateText: false };

function clean(text: string, rule: NameRule): string {
  return (rule.lowerCase ? text.toLowerCase() : text).replace(rule.invalid, rule.replacement);
}

/** A name as an HCL expression that satisfies `rule`, or undefined when `expr` already does. */
export function sanitizedName(expr: Expr, rule: NameRule): string | undefined {
  const value = staticValue(expr);
  if (typeof value === "string") {
    const fixed = clean(value, rule).replace(rule.leading, "").replace(rule.trailing, "");
    return fixed === value ? undefined : quote(fixed);
  }
  const simpleTemplate = expr.type === "Template" && !expr.heredoc && expr.items.every((it) => isToken(it) || it.type === "TemplateInterpolation");
  if (simpleTemplate && rule.cleanTemplateText) {
    const items = expr.items;
    const pieces = items.map((it) => (isToken(it) ? clean(it.text, rule) : exprSource(it)));
    if (isToken(items[0]!)) pieces[0] = pieces[0]!.replace(rule.leading, "");
    if (isToken(items[items.length - 1]!)) pieces[pieces.length - 1] = pieces[pieces.length - 1]!.replace(rule.trailing, "");
    const text = `"${pieces.join("")}"`;
    return text === exprSource(expr) ? undefined : text;
  }
  const source = rule.lowerCase ? `lower(${exprSource(expr)})` : exprSource(expr);
  return `replace(${source}, ${quote(`/${rule.invalid.source}/`)}, ${quote(rule.replacement)})`;
}
