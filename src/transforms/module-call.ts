/**
 * Calls to registry modules. A module with an Alibaba counterpart gets its
 * source, version and inputs rewritten (outputs follow in the references
 * stage); one without is kept commented out as manual, with what to do —
 * typically: let aws2ali translate the module's own code (--vendor-modules).
 */

import { attributesOf, type Attribute } from "../hcl/cst.js";
import { getAttribute, quote, removeAttribute, renameAttribute, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import { staticValue } from "../hcl/value.js";
import { moduleKey, type ModuleRule } from "../mapping/module-rule.js";
import { mapValue, type EngineContext } from "../mapping/engine.js";
import { argumentRule } from "../mapping/rule.js";
import { VALUE_TRANSFORMS } from "./values.js";
import type { TopBlock } from "../model/model.js";
import type { ReportItem } from "../report/model.js";
import { posix } from "node:path";
import type { RunContext } from "./context.js";

export interface ModuleCall {
  top: TopBlock;
  rule: ModuleRule | undefined;
  item: ReportItem;
  /** Kept commented out; references to its outputs become input variables. */
  manual: boolean;
}

export function isRegistrySource(source: string): boolean {
  return !/^(\.\.?\/|\/)/.test(source) && !/^(git::|github\.com|bitbucket\.org|s3::|gcs::|https?:)/.test(source);
}

/** Translate one `module` block whose source is a registry module; undefined for local and other sources. */
export function translateModuleCall(run: RunContext, top: TopBlock): ModuleCall | undefined {
  const sourceAttr = getAttribute(top.block, "source");
  const source = sourceAttr ? staticValue(sourceAttr.expr) : undefined;
  if (typeof source !== "string" || !isRegistrySource(source) || !/aws/.test(source)) return undefined;
  const vendored = vendoredCopy(run, top);
  if (vendored) return pointAtVendored(run, top, sourceAttr!, source, vendored);
  const rule = run.table.modules.get(moduleKey(source));
  const item: ReportItem = { address: top.address, awsType: "module", service: rule?.service ?? "Modules", module: top.unit.dir, file: top.unit.path, line: top.pos.line, column: top.pos.column, status: "translated", targets: [], changes: [], injected: [], ...(rule?.origin ? { rule: rule.origin } : {}) };
  if (!rule?.to) {
    item.manual = {
      reason: rule?.manual?.reason ?? `No module rule maps ${moduleKey(source)} to an Alibaba Cloud module yet.`,
      action: rule?.manual?.action ?? "Run terraform init, then re-run aws2ali with --vendor-modules to translate the module's own resources; or replace the call with the closest terraform-alicloud-modules module.",
      ...(rule?.manual?.alternative ? { alternative: rule.manual.alternative } : {}),
      effortHours: rule?.manual?.effort_hours ?? 4,
    };
    return { top, rule, item, manual: true };
  }
  replaceAttributeValue(sourceAttr!, quote(rule.to));
  item.targets.push(`module.${top.name} (${rule.to})`);
  if (rule.version) {
    const v = getAttribute(top.block, "version");
    if (v) replaceAttributeValue(v, quote(rule.version));
    else setAttribute(top.block, "version", quote(rule.version));
  } else removeAttribute(top.block, "version");
  const engine: EngineContext = { table: run.table, change: (c) => item.changes.push(c), rangeOf: () => undefined, valueTransforms: VALUE_TRANSFORMS };
  for (const attr of attributesOf(top.block.body)) {
    const name = attr.name.text;
    if (["source", "version", "count", "for_each", "providers", "depends_on"].includes(name)) continue;
    const r = argumentRule(rule.inputs?.[name]);
    if (r?.drop) {
      removeAttribute(top.block, name);
      item.changes.push({ argument: name, kind: "dropped", severity: r.severity ?? "warning", reason: r.reason!, ...(r.action ? { action: r.action } : {}) });
    } else if (r?.to && r.to !== name) {
      mapValue(attr, r, name, engine);
      renameAttribute(top.block, name, r.to);
      item.changes.push({ argument: name, kind: "renamed", to: r.to, severity: "info", reason: `The Alibaba module calls the input ${r.to}.` });
    } else if (r) {
      mapValue(attr, r, name, engine);
    } else {
      item.changes.push({ argument: name, kind: "note", severity: "warning", reason: `The module rule does not cover the input '${name}'; it was kept as written.`, action: `Check that ${rule.to} takes '${name}', or remove it.` });
    }
  }
  for (const [name, expr] of Object.entries(rule.set ?? {})) if (!getAttribute(top.block, name)) setAttribute(top.block, name, expr);
  return { top, rule, item, manual: false };
}

/** The vendored copy of the module this block calls: keyed by module path (`network.vpc` for a call inside module "network"). */
function vendoredCopy(run: RunContext, top: TopBlock): string | undefined {
  if (run.vendored.length === 0) return undefined;
  const path = modulePath(run, top.unit.dir);
  const key = path ? `${path}.${top.name}` : top.name;
  return run.vendored.find((v) => v.key === key)?.dir;
}

/** The module path of a folder: "" for the root, `network` for a folder the root calls as module "network". */
function modulePath(run: RunContext, dir: string): string {
  const d = run.model.dirs.get(dir);
  const caller = d?.calledBy[0];
  if (!caller) return "";
  const parent = modulePath(run, caller.unit.dir);
  return parent ? `${parent}.${caller.name}` : caller.name;
}

function pointAtVendored(run: RunContext, top: TopBlock, sourceAttr: Attribute, source: string, dir: string): ModuleCall {
  const rel = posix.relative(top.unit.dir || ".", dir);
  replaceAttributeValue(sourceAttr, quote(rel.startsWith(".") ? rel : `./${rel}`));
  removeAttribute(top.block, "version");
  // The copy is now a local module of this caller: it receives the caller's resource group, not one of its own.
  run.model.dirs.get(dir)?.calledBy.push(top);
  const item: ReportItem = { address: top.address, awsType: "module", service: "Modules", module: top.unit.dir, file: top.unit.path, line: top.pos.line, column: top.pos.column, status: "translated", targets: [`module.${top.name} (./${dir})`], changes: [{ argument: "source", kind: "value-mapped", to: `./${dir}`, severity: "info", reason: `The vendored copy of ${source} (from terraform init) is translated into ${dir} as a local module.` }], injected: [] };
  return { top, rule: undefined, item, manual: false };
}
