/**
 * Module rules (mappings/modules/*.yaml): a registry module's Alibaba
 * counterpart, with its inputs and outputs mapped like a resource rule's
 * arguments and attributes. Validated when it loads, like every rule.
 */

import { RuleError, validateRule, type ArgumentRule, type AttributeRule, type ManualRule } from "./rule.js";

export interface ModuleRule {
  module: string;
  service: string;
  summary: string;
  to?: string;
  version?: string;
  inputs?: Record<string, ArgumentRule | string>;
  set?: Record<string, string>;
  outputs?: Record<string, AttributeRule | string>;
  manual?: ManualRule;
  notes?: string;
  docs?: string[];
  origin?: string;
}

const KEYS = new Set(["module", "service", "summary", "to", "version", "inputs", "set", "outputs", "manual", "notes", "docs"]);

/** `terraform-aws-modules/iam/aws//modules/iam-assumable-role?ref=x` → `terraform-aws-modules/iam/aws`. */
export function moduleKey(source: string): string {
  return source.replace(/^registry\.terraform\.io\//, "").replace(/\?.*$/, "").split("//")[0]!.toLowerCase();
}

export function moduleRuleFile(source: string): string {
  return moduleKey(source).replace(/\//g, "__") + ".yaml";
}

export function validateModuleRule(doc: unknown, file: string): ModuleRule {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new RuleError(file, "a module rule must be a YAML mapping");
  const r = doc as Record<string, unknown>;
  for (const k of Object.keys(r)) if (!KEYS.has(k)) throw new RuleError(file, `unknown key '${k}'`);
  if (typeof r.module !== "string" || !/^[\w.-]+\/[\w.-]+\/[\w.-]+$/.test(r.module)) throw new RuleError(file, "module must be a registry source such as terraform-aws-modules/vpc/aws");
  if (r.to !== undefined && (typeof r.to !== "string" || r.to.length === 0)) throw new RuleError(file, "to must be a module source");
  // Inputs and outputs follow the resource rule format: validate them through it.
  validateRule(
    {
      aws_type: "aws_module",
      kind: "resource",
      service: r.service,
      summary: r.summary,
      ...(r.to ? { to: "alicloud_module" } : {}),
      ...(r.manual ? { manual: r.manual } : {}),
      ...(r.inputs ? { arguments: r.inputs } : {}),
      ...(r.outputs ? { attributes: r.outputs } : {}),
      ...(r.set ? { set: r.set } : {}),
    },
    file,
  );
  return r as unknown as ModuleRule;
}
