/**
 * `aws2ali report SRC --format html|md|json|sarif [--out FILE]`: the report of
 * a dry-run translation, on stdout or in FILE. html: one self-contained page
 * for an architect; md: the same in Markdown; json: the report model; sarif:
 * SARIF 2.1.0 for code scanning. Without --format, the format follows the
 * extension of --out, else md.
 */

import { mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, relative, resolve, sep } from "node:path";
import { buildGraph, DEFAULT_MAX_NODES } from "../../report/graph.js";
import { reportToHtml } from "../../report/html.js";
import { reportToJson } from "../../report/json.js";
import { reportToFullMarkdown } from "../../report/markdown-full.js";
import { reportToSarif } from "../../report/sarif.js";
import { parseCommandArgs, UsageError } from "../args.js";
import { gitRoot, resolveOptions, WORKFLOW_OPTIONS } from "../config.js";
import type { Io } from "../io.js";
import { translate } from "../progress.js";

const FORMATS = ["html", "md", "json", "sarif"] as const;
type Format = (typeof FORMATS)[number];
const BY_EXTENSION: Record<string, Format> = { ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json", ".sarif": "sarif" };

/** `corpus/11-webshop/input` → `11-webshop`, as the pipeline names stacks. */
function sourceName(src: string): string {
  const abs = resolve(src);
  const base = basename(abs);
  return base === "input" || base === "src" ? basename(dirname(abs)) : base;
}

/** SRC relative to the root of its git repository (forward slashes), or "" outside one. */
export function repoPrefix(src: string): string {
  const abs = realpathSync(resolve(src));
  const root = gitRoot(abs);
  if (!root) return "";
  return relative(realpathSync(root), abs).split(sep).join("/");
}

export function runReport(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(argv, { ...WORKFLOW_OPTIONS, format: { type: "string" }, out: { type: "string", short: "o" }, "graph-nodes": { type: "string" }, "uri-prefix": { type: "string" } });
  if (positionals.length !== 1) throw new UsageError("report takes exactly one source folder: aws2ali report SRC --format html|md|json|sarif [--out FILE]");
  const out = values.out as string | undefined;
  const format = (values.format as string | undefined) ?? (out ? BY_EXTENSION[extname(out).toLowerCase()] : undefined) ?? "md";
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes one of: ${FORMATS.join(", ")}`);
  const maxNodes = values["graph-nodes"] === undefined ? DEFAULT_MAX_NODES : Number(values["graph-nodes"]);
  if (!(Number.isInteger(maxNodes) && maxNodes >= 0)) throw new UsageError("--graph-nodes takes a whole number");
  const src = positionals[0]!;
  const { options } = resolveOptions(values, src);
  const result = translate(options, io, values, "report");
  const report = result.report;
  let text: string;
  switch (format as Format) {
    case "html":
      text = reportToHtml(report, { graph: buildGraph(result.outputs, report, { maxNodes }), title: sourceName(src) });
      break;
    case "md":
      text = reportToFullMarkdown(report, buildGraph(result.outputs, report, { maxNodes }));
      break;
    case "json":
      text = reportToJson(report);
      break;
    case "sarif":
      text = reportToSarif(report, { uriPrefix: typeof values["uri-prefix"] === "string" ? values["uri-prefix"] : repoPrefix(src), outputs: result.outputs });
      break;
  }
  if (out) {
    mkdirSync(dirname(resolve(out)), { recursive: true });
    writeFileSync(resolve(out), text);
    if (values.quiet !== true && values.json !== true) io.err(`aws2ali: ${format} report written to ${out}\n`);
  } else io.out(text);
  return result.failed > 0 ? 1 : 0;
}
