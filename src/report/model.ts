/**
 * The report model: one item per AWS block of the input, saying what it
 * became, what changed or was dropped and why, and what was injected. The
 * writers (JSON, Markdown, later HTML and SARIF) only format this.
 */

import type { Diagnostic, Range } from "../hcl/diagnostics.js";

export type BlockStatus = "translated" | "partial" | "manual";

export interface Change {
  /** The AWS argument or block path, e.g. `access_key`, `vpc_config.subnet_ids`, or `(block)`. */
  argument: string;
  kind: "dropped" | "renamed" | "value-mapped" | "moved" | "kept" | "note";
  /** What became of it, e.g. `zone_id` or `"ecs.g6.large"`. */
  to?: string;
  severity: "info" | "warning";
  reason: string;
  action?: string;
  range?: Range;
}

export interface Injection {
  address: string;
  why: string;
}

export interface ReportItem {
  /** `aws_subnet.private`, `data.aws_ami.ubuntu`, `provider.aws`, `terraform.backend.s3`. */
  address: string;
  awsType: string;
  service: string;
  /** `module.network` path of the module the file belongs to; "" for the root. */
  module: string;
  file: string;
  line: number;
  column: number;
  status: BlockStatus;
  /** What the block became. */
  targets: string[];
  changes: Change[];
  injected: Injection[];
  /** Manual items: what a person must do, and a rough effort. */
  manual?: { reason: string; action: string; alternative?: string; effortHours: number };
  /** Rule file that decided it. */
  rule?: string;
}

export interface Decision {
  topic: "resource-group" | "eip-decoupling" | "terway-sizing" | "billing" | "state-backend" | "zones" | "identity" | "cen-propagation" | "throttling" | "other";
  summary: string;
  detail: string;
}

export interface Report {
  tool: { name: "aws2ali"; version: string };
  provider: { source: string; version: string };
  summary: {
    files: number;
    filesFailed: number;
    blocks: number;
    byStatus: Record<BlockStatus, number>;
    byService: Record<string, Record<BlockStatus, number>>;
    /** 0–100: translated count 1, partial 0.5, manual 0, over all AWS blocks. */
    readiness: number;
    schemaFindings: number;
  };
  items: ReportItem[];
  decisions: Decision[];
  /** Parse errors, schema findings and other diagnostics not tied to one item. */
  diagnostics: Diagnostic[];
  generatedFiles: string[];
}

export function emptyByStatus(): Record<BlockStatus, number> {
  return { translated: 0, partial: 0, manual: 0 };
}

/** A block is partial when any change needs a person; manual when nothing was emitted. */
export function statusOf(item: ReportItem): BlockStatus {
  if (item.manual || item.targets.length === 0) return "manual";
  return item.changes.some((c) => c.severity === "warning") ? "partial" : "translated";
}

export function summarise(items: ReportItem[], files: number, filesFailed: number, schemaFindings: number): Report["summary"] {
  const byStatus = emptyByStatus();
  const byService: Record<string, Record<BlockStatus, number>> = {};
  for (const it of items) {
    byStatus[it.status]++;
    (byService[it.service] ??= emptyByStatus())[it.status]++;
  }
  const score = items.length === 0 ? 100 : Math.round((100 * (byStatus.translated + byStatus.partial / 2)) / items.length);
  return { files, filesFailed, blocks: items.length, byStatus, byService: sortKeys(byService), readiness: score, schemaFindings };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
