/**
 * The migration pipeline, stage by stage:
 *   discover → parse → model → plan → transform → references → inject → validate → emit
 * Each stage is a module with one job; this file runs them in order and
 * can hand each stage's result to a debug dump (--debug-stage NAME).
 */

import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, posix } from "node:path";
import type { Diagnostic } from "../hcl/diagnostics.js";
import { eolOf, renderBlock, type BlockSpec } from "../hcl/edit.js";
import { print } from "../hcl/printer.js";
import { loadMappingTable, type MappingTable } from "../mapping/load.js";
import { buildModel, type Unit } from "../model/model.js";
import { reportToJson } from "../report/json.js";
import { reportToMarkdown } from "../report/markdown.js";
import { statusOf, summarise, type Decision, type Report, type ReportItem } from "../report/model.js";
import type { CompactSchema } from "../schema/compact.js";
import { loadCompactSchema, loadProviderSchemaFile } from "../schema/provider-schema.js";
import type { RunContext, Settings, StackContext } from "../transforms/context.js";
import { discover, type DiscoveredFile, type SkippedPath } from "./discover.js";
import { finishOutput, prepareOutput, writeAtomic } from "./emit.js";
import { frameStage } from "./frame.js";
import { injectStage } from "./inject.js";
import { parseFile, type SourceFile } from "./parse.js";
import { planStage } from "./plan.js";
import { referencesStage } from "./references.js";
import { commentOutStage, transformStage } from "./transform.js";
import { validateOutput } from "./validate.js";
import { vendoredModules } from "./vendor.js";
import { batches, runWorkers, workerCount } from "./workers.js";

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
  const shared: Shared = {
    table: loadMappingTable(options.mappingsDir),
    schema: options.providerSchemaPath ? loadProviderSchemaFile(options.providerSchemaPath) : loadCompactSchema(),
    vendored: vendored.modules,
    progress: { done: 0, total: discovery.files.length },
  };
  // Folders that call each other as local modules are translated together; the others one
  // group at a time, so memory holds one group's trees, not the whole repository's.
  const groups = vendored.modules.length > 0 ? [discovery.files] : moduleGroups(discovery.files);
  const n = options.dump || options.onProgress ? 1 : workerCount(discovery.files.length, groups.length);
  const parts = n > 1 ? inWorkers(groups, n, options, vendored.modules) : groups.map((files) => translateGroup(files, options, shared));
  return finish(parts, discovery.skipped, discovery.files.length, options, shared, previous);
}

/** What a worker needs to translate its groups: the options that survive being copied to a thread. */
export type WorkerOptions = Omit<MigrateOptions, "dump" | "onProgress" | "ignore"> & { vendored: RunContext["vendored"] };

function inWorkers(groups: DiscoveredFile[][], n: number, options: MigrateOptions, vendored: RunContext["vendored"]): GroupResult[] {
  const { dump: _d, onProgress: _p, ignore: _i, ...plain } = options;
  void _d, _p, _i;
  const jobs = batches(groups, n).map((g) => ({ groups: g, options: { ...plain, vendored } }));
  const results = runWorkers<WorkerOptions, Array<{ index: number; result: GroupResult }>>(jobs);
  return results.flat().sort((a, b) => a.index - b.index).map((r) => r.result);
}

/** In a worker thread: translate each group, keeping its index so the results merge in order. */
export function translateGroups(groups: Array<{ index: number; files: DiscoveredFile[] }>, options: WorkerOptions): Array<{ index: number; result: GroupResult }> {
  const shared: Shared = {
    table: loadMappingTable(options.mappingsDir),
    schema: options.providerSchemaPath ? loadProviderSchemaFile(options.providerSchemaPath) : loadCompactSchema(),
    vendored: options.vendored,
    progress: { done: 0, total: 0 },
  };
  return groups.map((g) => ({ index: g.index, result: translateGroup(g.files, options, shared) }));
}

interface Shared {
  table: MappingTable;
  schema: CompactSchema;
  vendored: RunContext["vendored"];
  progress: { done: number; total: number };
}

/** What translating one group of folders produced. */
interface GroupResult {
  files: SourceFile[];
  outputs: Map<string, string>;
  items: ReportItem[];
  decisions: Decision[];
  parseDiagnostics: Diagnostic[];
  schemaFindings: Diagnostic[];
  generatedFiles: string[];
  written: string[];
}

/** The whole pipeline, for one group of folders. */
function translateGroup(discovered: DiscoveredFile[], options: MigrateOptions, shared: Shared): GroupResult {
  const dump = options.dump ?? (() => undefined);
  const files = discovered.map((f) => {
    const parsed = parseFile(f, { maxFileBytes: options.maxFileBytes });
    shared.progress.done++;
    options.onProgress?.({ done: shared.progress.done, total: shared.progress.total, path: f.path, bytes: f.size });
    return parsed;
  });
  const parseDiagnostics = files.flatMap((f) => f.diagnostics);
  const units: Unit[] = files.filter((f) => f.tree).map((f) => ({ path: f.path, dir: posix.dirname(f.path).replace(/^\.$/, ""), tree: f.tree!, source: f.source!, isTfvars: f.path.endsWith(".tfvars") }));
  dump("parse", files.map((f) => ({ path: f.path, ok: Boolean(f.tree), diagnostics: f.diagnostics })));

  const model = buildModel(units);
  dump("model", [...model.dirs.values()].map((d) => ({ dir: d.dir, files: d.units.map((u) => u.path), blocks: d.blocks.map((b) => b.address), calledBy: d.calledBy.map((b) => `${b.unit.path}:${b.address}`) })));

  const run: RunContext = { model, table: shared.table, schema: shared.schema, settings: options.settings, sourceName: sourceNameOf(options.src), plans: new Map(), stacks: new Map(), decisions: [], extraFiles: new Map(), extraItems: [], moduleCalls: [], vendored: shared.vendored };
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
  const outputs = printOutputs(run, units);
  dump("inject", Object.fromEntries(outputs));

  // Files aws2ali left as they were hold no block it wrote: only changed and generated files are validated.
  const inputText = new Map(units.map((u) => [u.path, u.source.text]));
  const changed = [...outputs].filter(([p, text]) => p.endsWith(".tf") && inputText.get(p) !== text.replace(/^\ufeff/, ""));
  const schemaFindings = changed.flatMap(([p, text]) => validateOutput(p, text, shared.schema));
  dump("validate", schemaFindings);

  const items: ReportItem[] = [...run.extraItems, ...run.moduleCalls.map((m) => m.item), ...[...run.plans.values()].map((p) => p.item)];
  for (const it of items) it.status = statusOf(it);
  const generatedFiles = [...outputs.keys()].filter((p) => !inputText.has(p));
  const written: string[] = [];
  if (options.out) {
    for (const [path, text] of outputs) {
      writeAtomic(join(options.out, path), text);
      written.push(path);
    }
  }
  // Keep only what the caller needs once the group is done: no trees; when the output went to disk,
  // input text only where a diagnostic may show it (a dry run's caller diffs against the inputs).
  const light = files.map((f) => ({ path: f.path, absPath: f.absPath, text: options.out && f.diagnostics.length === 0 ? "" : f.text, diagnostics: f.diagnostics }));
  return { files: light, outputs: options.out ? new Map() : outputs, items, decisions: run.decisions, parseDiagnostics, schemaFindings, generatedFiles, written };
}

function finish(parts: GroupResult[], skipped: SkippedPath[], fileCount: number, options: MigrateOptions, shared: Shared, previous: string[]): MigrateResult {
  const dump = options.dump ?? (() => undefined);
  const files = parts.flatMap((p) => p.files);
  const items = parts.flatMap((p) => p.items).sort(byPosition);
  const decisions: Decision[] = [];
  for (const d of parts.flatMap((p) => p.decisions)) if (!decisions.some((x) => x.topic === d.topic && x.summary === d.summary)) decisions.push(d);
  const parseDiagnostics = parts.flatMap((p) => p.parseDiagnostics);
  const schemaFindings = parts.flatMap((p) => p.schemaFindings);
  const failed = files.filter((f) => f.diagnostics.some((d) => d.severity === "error")).length;
  const report: Report = {
    tool: { name: "aws2ali", version: options.version },
    provider: { source: "aliyun/alicloud", version: shared.schema.provider_version },
    summary: summarise(items.filter((i) => i.awsType.startsWith("aws_")), fileCount, failed, schemaFindings.length),
    items,
    decisions,
    diagnostics: [...parseDiagnostics, ...schemaFindings],
    generatedFiles: parts.flatMap((p) => p.generatedFiles).sort(),
  };
  const written = parts.flatMap((p) => p.written);
  if (options.out) {
    for (const [path, text] of [["aws2ali-report.json", reportToJson(report)], ["aws2ali-report.md", reportToMarkdown(report)]] as const) {
      writeAtomic(join(options.out, path), text);
      written.push(path);
    }
    finishOutput(options.out, written, previous);
  }
  dump("emit", { written, report: report.summary });
  const outputs = new Map(parts.flatMap((p) => [...p.outputs]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files, skipped, outputs, report, diagnostics: [...parseDiagnostics, ...schemaFindings], written, failed };
}

const LOCAL_SOURCE = /\bsource\s*=\s*"(\.{1,2}\/[^"]*)"/g;

/**
 * Folders linked by local module calls, found by a quick scan of each
 * file's text (parsing comes later, one group at a time). Groups come in
 * the order of their first file, so results merge deterministically.
 */
export function moduleGroups(files: DiscoveredFile[]): DiscoveredFile[][] {
  const dirOf = (f: DiscoveredFile): string => posix.dirname(f.path).replace(/^\.$/, "");
  const parent = new Map<string, string>();
  const find = (d: string): string => {
    let r = d;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const f of files) {
    const dir = dirOf(f);
    if (!parent.has(dir)) parent.set(dir, dir);
    if (!f.path.endsWith(".tf") || f.size > 10e6) continue;
    let text: string;
    try {
      text = readFileSync(f.absPath, "latin1");
    } catch {
      continue;
    }
    for (const m of text.matchAll(LOCAL_SOURCE)) {
      const target = posix.normalize(posix.join(dir || ".", m[1]!)).replace(/^\.$/, "").replace(/\/$/, "");
      if (!parent.has(target)) parent.set(target, target);
      union(dir, target);
    }
  }
  const groups = new Map<string, DiscoveredFile[]>();
  for (const f of files) {
    const root = find(dirOf(f));
    const g = groups.get(root);
    if (g) g.push(f);
    else groups.set(root, [f]);
  }
  return [...groups.values()];
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
