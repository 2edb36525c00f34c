/**
 * The report as SARIF 2.1.0, for GitHub code scanning (and any SARIF viewer).
 * One rule per kind of finding:
 *   - `manual-block`: an AWS block aws2ali could not translate (error);
 *   - `partial/<kind>`: a change that needs a person, by what happened to the
 *     argument (dropped, renamed, value-mapped, moved, kept, note) (warning);
 *   - one rule per diagnostic code: parse and read errors (error) and schema
 *     findings in the translation (by their severity).
 * Results point into the AWS source: schema findings, which are found in the
 * translated text, are moved to the AWS block that produced the resource (the
 * output position is kept in the message). URIs are relative, prefixed with
 * `uriPrefix` (SRC's path from the repository root) so code scanning can
 * place them.
 */

import { createHash } from "node:crypto";
import { posix } from "node:path";
import { blocksOf, firstToken } from "../hcl/cst.js";
import type { Diagnostic } from "../hcl/diagnostics.js";
import { blockLabels } from "../hcl/edit.js";
import { parse } from "../hcl/parser.js";
import type { Change, Report, ReportItem } from "./model.js";

export interface SarifOptions {
  /** Prefix of every artifact URI: SRC relative to the repository root, e.g. `infra/aws`. */
  uriPrefix?: string;
  /** The translated files (path → text), to move schema findings onto the AWS blocks they come from. */
  outputs?: Map<string, string>;
}

export type SarifLevel = "error" | "warning" | "note";

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number } } }>;
  partialFingerprints: Record<string, string>;
}

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: Array<{
    tool: { driver: { name: string; semanticVersion: string; informationUri?: string; rules: SarifRule[] } };
    columnKind: "unicodeCodePoints";
    results: SarifResult[];
  }>;
}

const CHANGE_RULES: Record<Change["kind"], { name: string; short: string; help: string }> = {
  dropped: { name: "ArgumentDropped", short: "An AWS argument has no Alibaba Cloud counterpart and was dropped", help: "The argument was left out of the translation because the Alibaba Cloud resource has nothing that does the same. The message says what it did on AWS and what to do instead; decide whether the behaviour matters and, if so, configure it another way." },
  renamed: { name: "ArgumentRenamed", short: "An AWS argument was renamed and needs a check", help: "The argument was carried over under another name, but its meaning differs enough that a person should confirm the translated value." },
  "value-mapped": { name: "ValueNeedsReview", short: "An AWS value could not be mapped with certainty", help: "The value was mapped to an Alibaba Cloud value (or could not be, because it is computed or unknown). Check that the translated value is the one you want." },
  moved: { name: "ArgumentMoved", short: "An AWS argument moved to another resource and needs a check", help: "The setting lives on another Alibaba Cloud resource; aws2ali moved it there. Check the resource it moved to." },
  kept: { name: "ArgumentKept", short: "An AWS argument was kept as it was and needs a check", help: "The argument was kept unchanged; it may not mean the same on Alibaba Cloud." },
  note: { name: "MigrationNote", short: "The translation of this block needs a person", help: "aws2ali translated the block but something about it needs a decision: the message says what and what to do." },
};

function diagnosticRule(code: string, severity: SarifLevel): { name: string; short: string; help: string } {
  const words = code.split(/[.\-_]/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  if (code.startsWith("parse.") || code.startsWith("lex.")) return { name, short: `The AWS file is not valid HCL (${code})`, help: "aws2ali could not parse this file, so none of it was translated. Fix the syntax error at the location shown (terraform validate reports the same), then run aws2ali again." };
  if (code.startsWith("read.")) return { name, short: `The AWS file could not be read (${code})`, help: "The file is not UTF-8 Terraform text or is too large, so it was skipped. The message says how to fix it." };
  if (code.startsWith("schema.") || code.startsWith("emit.")) return { name, short: `The translation does not validate against the alicloud provider schema (${code})`, help: "The translated resource breaks a rule of the aliyun/alicloud provider schema (a missing required argument, an unknown argument, a wrong type). terraform plan would reject it. The message says which argument; the location is the AWS block the resource was translated from." };
  if (code.startsWith("internal.")) return { name, short: `aws2ali failed on this file (${code})`, help: "An internal error in aws2ali. Please report it with the file." };
  return { name, short: `aws2ali finding ${code}`, help: severity === "error" ? "aws2ali reported an error here; the message says what to do." : "aws2ali reported a finding here; the message says what to do." };
}

function levelOf(d: Diagnostic): SarifLevel {
  return d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "note";
}

function uriOf(prefix: string, file: string): string {
  const path = prefix ? posix.join(prefix.replace(/\\/g, "/").replace(/^\.\/?/, ""), file) : file;
  return path.split("/").map(encodeURIComponent).join("/");
}

function fingerprint(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

export function reportToSarifLog(report: Report, options: SarifOptions = {}): SarifLog {
  const prefix = options.uriPrefix ?? "";
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const rule = (id: string, level: SarifLevel, d: { name: string; short: string; help: string }): number => {
    const known = ruleIndex.get(id);
    if (known !== undefined) return known;
    ruleIndex.set(id, rules.length);
    rules.push({ id, name: d.name, shortDescription: { text: d.short }, fullDescription: { text: d.help }, help: { text: d.help, markdown: d.help }, defaultConfiguration: { level }, properties: { tags: ["aws2ali", "migration", "terraform"] } });
    return rules.length - 1;
  };
  const results: SarifResult[] = [];
  const at = (file: string, line: number, column: number, end?: { line: number; column: number }) => [
    { physicalLocation: { artifactLocation: { uri: uriOf(prefix, file) }, region: { startLine: Math.max(1, line), startColumn: Math.max(1, column), ...(end && (end.line > line || (end.line === line && end.column > column)) ? { endLine: end.line, endColumn: Math.max(1, end.column) } : {}) } } },
  ];

  for (const it of report.items) {
    if (it.status === "manual") {
      const idx = rule("manual-block", "error", { name: "ManualBlock", short: "An AWS block must be migrated by hand", help: "aws2ali could not translate this AWS block to Alibaba Cloud: there is no counterpart, or it needs a decision only a person can make. The message says why, what to do instead and the closest Alibaba Cloud resource. The HTML report (aws2ali report SRC --format html) estimates the effort." });
      const m = it.manual;
      const text = `${it.address} must be migrated by hand. ${m?.reason ?? "Nothing was emitted for this block."}${m?.action ? ` Do: ${m.action}` : ""}${m?.alternative ? ` Closest: ${m.alternative}.` : ""}${m ? ` Effort: about ${m.effortHours} h.` : ""}`;
      results.push({ ruleId: "manual-block", ruleIndex: idx, level: "error", message: { text }, locations: at(it.file, it.line, it.column), partialFingerprints: { "aws2aliFinding/v1": fingerprint("manual-block", it.file, it.address) } });
      continue;
    }
    for (const c of it.changes) {
      if (c.severity !== "warning") continue;
      const id = `partial/${c.kind}`;
      const idx = rule(id, "warning", CHANGE_RULES[c.kind] ?? CHANGE_RULES.note);
      const start = c.range?.start ?? { line: it.line, column: it.column };
      const text = `${it.address} → ${it.targets.join(", ") || "(nothing)"}: ${c.argument}: ${c.reason}${c.action ? ` Do: ${c.action}` : ""}`;
      results.push({ ruleId: id, ruleIndex: idx, level: "warning", message: { text }, locations: at(it.file, start.line, start.column, c.range?.end), partialFingerprints: { "aws2aliFinding/v1": fingerprint(id, it.file, it.address, c.argument, c.reason) } });
    }
  }

  const locate = options.outputs ? outputLocator(options.outputs, report) : () => null;
  const seen = new Map<string, number>();
  for (const d of report.diagnostics) {
    const level = levelOf(d);
    const idx = rule(d.code, level, diagnosticRule(d.code, level));
    const inOutput = d.code.startsWith("schema.") || d.code.startsWith("emit.");
    const origin = inOutput ? locate(d) : null;
    let text: string;
    let locations: SarifResult["locations"];
    if (origin) {
      text = `${d.summary} in ${origin.address}, the translation of ${origin.item.address} (translated file ${d.file}:${d.range.start.line}:${d.range.start.column}). ${d.detail}`;
      locations = at(origin.item.file, origin.item.line, origin.item.column);
    } else {
      text = `${d.summary}${inOutput ? ` (in the translated file ${d.file})` : ""}. ${d.detail}`;
      locations = at(d.file, d.range.start.line, d.range.start.column, d.range.end);
    }
    // Keyed by what the finding is about, not its line, so it survives edits above it.
    const key = [d.code, d.file, origin?.address ?? "", d.summary].join("\u0000");
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    results.push({ ruleId: d.code, ruleIndex: idx, level, message: { text }, locations, partialFingerprints: { "aws2aliFinding/v1": fingerprint(key, String(nth)) } });
  }

  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "aws2ali", semanticVersion: semver(report.tool.version), rules } }, columnKind: "unicodeCodePoints", results }],
  };
}

export function reportToSarif(report: Report, options: SarifOptions = {}): string {
  return JSON.stringify(reportToSarifLog(report, options), null, 2) + "\n";
}

function semver(v: string): string {
  return /^\d+\.\d+\.\d+/.test(v) ? v : "0.0.0";
}

/** Finds, for a finding in a translated file, the top-level block it is in and the report item that produced that block. */
function outputLocator(outputs: Map<string, string>, report: Report): (d: Diagnostic) => { address: string; item: ReportItem } | null {
  const spans = new Map<string, Array<{ from: number; to: number; address: string }>>();
  const spansOf = (file: string) => {
    const known = spans.get(file);
    if (known) return known;
    const list: Array<{ from: number; to: number; address: string }> = [];
    const text = outputs.get(file);
    if (text !== undefined) {
      try {
        const { file: tree, source } = parse(text, file);
        for (const b of blocksOf(tree.body)) {
          const kind = b.blockType.text;
          if (kind !== "resource" && kind !== "data") continue;
          const [type, name] = blockLabels(b);
          const first = firstToken(b);
          if (!type || !name || !first || first.pos < 0 || b.close.pos < 0) continue;
          list.push({ from: source.pos(first.pos).line, to: source.pos(b.close.pos).line, address: kind === "data" ? `data.${type}.${name}` : `${type}.${name}` });
        }
      } catch {
        // An unparsable output file: findings stay where they are.
      }
    }
    spans.set(file, list);
    return list;
  };
  return (d) => {
    const line = d.range.start.line;
    const span = spansOf(d.file).find((s) => s.from <= line && line <= s.to);
    if (!span) return null;
    const dir = posix.dirname(d.file);
    const item = report.items.find((it) => posix.dirname(it.file) === dir && it.targets.includes(span.address));
    return item ? { address: span.address, item } : null;
  };
}
