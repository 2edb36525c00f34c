/**
 * The migration pipeline, stage by stage:
 *   discover → parse → model → plan → transform → references → inject → validate → emit
 * Each stage is a module with one job; this file runs them in order and
 * can hand each stage's result to a debug dump (--debug-stage NAME).
 */

import { existsSync } from "node:fs";
import { basename, dirname, join, posix } from "node:path";
import type { Diagnostic } from "../hcl/diagnostics.js";
import { eolOf, renderBlock, type BlockSpec } from "../hcl/edit.js";
import { print } from "../hcl/printer.js";
import { loadMappingTable } from "../mapping/load.js";
import { buildModel, type Unit } from "../model/model.js";
import { reportToJson } from "../report/json.js";
import { reportToMarkdown } from "../report/markdown.js";
import { statusOf, summarise, type Report, type ReportItem } from "../report/model.js";
import { loadCompactSchema, loadProviderSchemaFile } from "../schema/provider-schema.js";
import type { RunContext, Settings, StackContext } from "../transforms/context.js";
import { discover, type SkippedPath } from "./discover.js";
import { finishOutput, prepareOutput, writeAtomic } from "./emit.js";
import { frameStage } from "./frame.js";
import { injectStage } from "./inject.js";
import { parseFile, type SourceFile } from "./parse.js";
import { planStage } from "./plan.js";
import { referencesStage } from "./references.js";
import { commentOutStage, transformStage } from "./transform.js";
import { validateOutput } from "./validate.js";
import { vendoredModules } from "./vendor.js";

export const STAGES = ["discover", "parse", "model", "plan", "transform", "inject", "validate", "emit"] as const;
export type StageName = (typeof STAGES)[number];

export interface MigrateOptions {
  src: string;
  out: string | null;
  maxFileBytes: number;
  mappingsDir?: string;
  providerSchemaPath?: string;
  settings: Settings;
  /** Write into a non-empty --out that aws2ali did not write (never deleting files it did not write). */
  force?: boolean;
  /** Translate registry modules vendored by `terraform init` (.terraform/modules) as local modules. */
  vendorModules?: boolean;
  /** Paths (relative to SRC) to leave out, e.g. from ignore globs in .aws2ali.yaml. */
  ignore?: (path: string) => boolean;
  /** Called after each file is read and parsed (the long part of a run), for progress bars. */
  onProgress?: (p: { done: number; total: number; path: string; bytes: number }) => void;
  /** Receives each stage's result as plain data, for --debug-stage. */
  dump?: (stage: StageName, data: unknown) => void;
  version: string;
}

export interface MigrateResult {
  files: SourceFile[];
  skipped: SkippedPath[];
  /** Output text by relative path (translated files and generated ones). */
  outputs: Map<string, string>;
  report: Report;
  diagnostics: Diagnostic[];
  written: string[];
  failed: number;
}

export const DEFAULT_SETTINGS: Settings = { providerVersion: "~> 1.289", resourceGroupName: null, ramPolicyLimit: 20, defaultRegion: null };

export function migrate(options: MigrateOptions): MigrateResult {
  if (!existsSync(options.src)) throw new Error(`source folder not found: ${options.src}`);
  const dump = options.dump ?? (() => undefined);
  const previous = options.out ? prepareOutput(options.src, options.out, options.force ?? false) : [];
  const discovery = discover(options.src, options.ignore);
  const vendored = options.vendorModules ? vendoredModules(options.src) : { modules: [], files: [] };
  discovery.files.push(...vendored.files);
  dump("discover", discovery);

  const total = discovery.files.length;
  const files = discovery.files.map((f, k) => {
    const parsed = parseFile(f, { maxFileBytes: options.maxFileBytes });
    options.onProgress?.({ done: k + 1, total, path: f.path, bytes: f.size });
    return parsed;
  });
  const parseDiagnostics = files.flatMap((f) => f.diagnostics);
  const units: Unit[] = files.filter((f) => f.tree).map((f) => ({ path: f.path, dir: posix.dirname(f.path).replace(/^\.$/, ""), tree: f.tree!, source: f.source!, isTfvars: f.path.endsWith(".tfvars") }));
  dump("parse", files.map((f) => ({ path: f.path, ok: Boolean(f.tree), diagnostics: f.diagnostics })));

  const table = loadMappingTable(options.mappingsDir);
  const schema = options.providerSchemaPath ? loadProviderSchemaFile(options.providerSchemaPath) : loadCompactSchema();
  const model = buildModel(units);
  dump("model", [...model.dirs.values()].map((d) => ({ dir: d.dir, files: d.units.map((u) => u.path), blocks: d.blocks.map((b) => b.address), calledBy: d.calledBy.map((b) => `${b.unit.path}:${b.address}`) })));

  const run: RunContext = { model, table, schema, settings: options.settings, sourceName: sourceNameOf(options.src), plans: new Map(), stacks: new Map(), decisions: [], extraFiles: new Map(), extraItems: [], moduleCalls: [], vendored: vendored.modules };
  for (const dir of model.dirs.values()) run.stacks.set(dir.dir, { dir, resourceGroupRef: null, generated: new Map(), inputs: new Map() });
  planStage(run);
  dump("plan", [...run.plans.values()].map((p) => ({ address: p.top.address, file: p.top.unit.path, rule: p.rule?.origin ?? null, target: p.target?.names.join(".") ?? null })));

  frameStage(run);
  transformStage(run);
  referencesStage(run);
  commentOutStage(run);
  // Printing every file costs time: only do it here when someone asked to see this stage.
  if (options.dump) dump("transform", Object.fromEntries(printOutputs(run, units)));
  injectStage(run);
  const injected = printOutputs(run, units);
  dump("inject", Object.fromEntries(injected));

  // Files aws2ali left as they were hold no block it wrote: only changed and generated files are validated.
  const inputText = new Map(units.map((u) => [u.path, u.source.text]));
  const changed = [...injected].filter(([p, text]) => p.endsWith(".tf") && inputText.get(p) !== text.replace(/^\ufeff/, ""));
  const schemaFindings = changed.flatMap(([p, text]) => validateOutput(p, text, schema));
  dump("validate", schemaFindings);

  const items: ReportItem[] = [...run.extraItems, ...run.moduleCalls.map((m) => m.item), ...[...run.plans.values()].map((p) => p.item)];
  for (const it of items) it.status = statusOf(it);
  items.sort(byPosition);
  const generatedFiles = [...injected.keys()].filter((p) => !units.some((u) => u.path === p)).sort();
  const report: Report = {
    tool: { name: "aws2ali", version: options.version },
    provider: { source: "aliyun/alicloud", version: schema.provider_version },
    summary: summarise(items.filter((i) => i.awsType.startsWith("aws_")), files.length, files.length - units.length, schemaFindings.length),
    items,
    decisions: run.decisions,
    diagnostics: [...parseDiagnostics, ...schemaFindings],
    generatedFiles,
  };
  const written: string[] = [];
  if (options.out) {
    const files = new Map(injected);
    files.set("aws2ali-report.json", reportToJson(report));
    files.set("aws2ali-report.md", reportToMarkdown(report));
    for (const [path, text] of files) {
      writeAtomic(join(options.out, path), text);
      written.push(path);
    }
    finishOutput(options.out, written, previous);
  }
  dump("emit", { written, report: report.summary });
  const failed = files.length - units.length;
  return { files, skipped: discovery.skipped, outputs: injected, report, diagnostics: [...parseDiagnostics, ...schemaFindings], written, failed };
}

/** `corpus/11-webshop/input` → `11-webshop`; `infra/prod` → `prod`. */
function sourceNameOf(src: string): string {
  const base = basename(src);
  return (base === "input" || base === "src" || base === "." ? basename(dirname(src)) : base) || "stack";
}

function byPosition(a: ReportItem, b: ReportItem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** The translated files plus each stack's generated files, by relative path. */
function printOutputs(run: RunContext, units: Unit[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of units) out.set(u.path, print(u.tree));
  for (const stack of run.stacks.values()) {
    const eol = stack.dir.units[0] ? eolOf(stack.dir.units[0].tree) : "\n";
    for (const [file, specs] of generatedFiles(stack)) out.set(posix.join(stack.dir.dir, file), renderFile(specs, eol));
  }
  for (const [path, text] of run.extraFiles) out.set(path, text);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function generatedFiles(stack: StackContext): Map<string, BlockSpec[]> {
  const files = new Map(stack.generated);
  if (stack.inputs.size > 0) {
    const specs: BlockSpec[] = [...stack.inputs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, v]) => ({
      type: "variable",
      labels: [name],
      items: [
        ...(v.type ? [{ attr: "type", expr: v.type }] : []),
        { attr: "description", expr: JSON.stringify(v.description) },
        ...(v.default !== undefined ? [{ attr: "default", expr: v.default }] : []),
        ...(v.sensitive ? [{ attr: "sensitive", expr: "true" }] : []),
      ],
    }));
    files.set("aws2ali-inputs.tf", specs);
  }
  return files;
}

function renderFile(specs: BlockSpec[], eol: string): string {
  const header = `# Generated by aws2ali. Review it with the rest of the migration (see aws2ali-report.md).${eol}${eol}`;
  return header + specs.map((s) => renderBlock(s, "", eol)).join(eol);
}
