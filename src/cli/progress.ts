/**
 * Progress on long runs, on stderr:
 *   - a bar (stage, files done / total, rate) when stderr is a terminal and CI is not set;
 *   - JSON lines with --json, for machines ({"event":"progress",…} and a final {"event":"summary",…});
 *   - nothing on a pipe, in CI, or with --quiet.
 *
 * The pipeline reports progress through an `onProgress` listener (see
 * ProgressEvent). Until it does, the bar follows the stages through the
 * `dump` callback migrate() already has: the file count from discover, then
 * one step per stage.
 */

import { migrate, type MigrateResult, type StageName } from "../pipeline/index.js";
import type { WorkflowMigrateOptions } from "./config.js";
import { formatForConsole } from "./console.js";
import type { Io } from "./io.js";

/**
 * What the pipeline reports as it goes (MigrateOptions.onProgress): one event
 * after each file is read and parsed, the long part of a run.
 */
export interface ProgressEvent {
  /** Files done so far, and how many there are. */
  done: number;
  total: number;
  /** The file just done, relative to SRC. */
  path?: string;
  /** Its size in bytes. */
  bytes?: number;
}

export type ProgressListener = (event: ProgressEvent) => void;

export type ProgressMode = "bar" | "json" | "off";

/** --quiet silences, --json asks for JSON lines; otherwise a bar on a terminal, nothing elsewhere. */
export function progressMode(io: Io, values: Record<string, unknown>): ProgressMode {
  if (values.quiet === true) return "off";
  if (values.json === true) return "json";
  return io.tty ? "bar" : "off";
}

export interface ReporterOptions {
  /** Milliseconds clock, for tests. */
  now?: () => number;
  /** Terminal width in columns. */
  columns?: number;
  /** Least time between two redraws of the bar (ms). */
  interval?: number;
}

export class ProgressReporter {
  private readonly now: () => number;
  private readonly columns: number;
  private readonly interval: number;
  private start = -1;
  private readDone = -1;
  private lastDraw = -Infinity;
  private drawn = false;
  private done = 0;
  private total = 0;
  private bytes = 0;
  private lastJsonPercent = -1;

  constructor(
    private readonly write: (s: string) => void,
    readonly mode: ProgressMode,
    options: ReporterOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.columns = Math.max(40, options.columns ?? 80);
    this.interval = options.interval ?? 80;
  }

  /** The listener to hand to migrate() as `onProgress`. */
  readonly onProgress: ProgressListener = (e) => {
    if (this.mode === "off") return;
    const t = this.now();
    if (this.start < 0) this.start = t;
    this.done = e.done;
    this.total = e.total;
    this.bytes += e.bytes ?? 0;
    if (e.done >= e.total) this.readDone = t;
    if (this.mode === "json") {
      const percent = e.total > 0 ? Math.floor((100 * e.done) / e.total) : 100;
      if (percent === this.lastJsonPercent && e.done !== e.total) return;
      this.lastJsonPercent = percent;
      this.write(JSON.stringify({ event: "progress", stage: "read", done: e.done, total: e.total, ...(e.path !== undefined ? { path: e.path } : {}) }) + "\n");
      return;
    }
    if (t - this.lastDraw < this.interval && e.done !== e.total && e.done !== 1) return;
    this.draw(this.barLine(e, t), t);
  };

  /**
   * The `dump` callback: the file count from discover (so the bar shows before
   * the first file is done), then the stage names after reading, which are
   * short but not instant on large trees.
   */
  readonly onStage = (stage: StageName, data: unknown): void => {
    if (this.mode === "off") return;
    const t = this.now();
    if (stage === "discover") {
      const files = (data as { files?: unknown[] } | undefined)?.files;
      this.total = Array.isArray(files) ? files.length : 0;
      this.start = t;
      if (this.mode === "json") this.write(JSON.stringify({ event: "progress", stage: "discover", done: 0, total: this.total }) + "\n");
      else this.draw(this.barLine({ done: 0, total: this.total }, t), t);
      return;
    }
    if (stage === "parse" || stage === "emit") return;
    if (this.mode === "json") {
      this.write(JSON.stringify({ event: "progress", stage }) + "\n");
      return;
    }
    this.draw(this.stageLine(stage, t), t);
  };

  private draw(line: string, t: number): void {
    this.lastDraw = t;
    this.drawn = true;
    this.write("\r\u001b[2K" + line);
  }

  /** While reading: `aws2ali reading [██████░░░░] 12/40 files  85.0 files/s  network.tf`. */
  barLine(e: ProgressEvent, t = this.now()): string {
    const seconds = this.start < 0 ? 0 : (t - this.start) / 1000;
    const rate = seconds > 0.05 && e.done > 0 ? `${formatRate(e.done / seconds)} files/s` : "";
    const count = `${e.done}/${e.total} files`;
    const head = "aws2ali reading ";
    const fixed = head.length + 3 + count.length + (rate ? 2 + rate.length : 0);
    const width = Math.max(10, Math.min(30, this.columns - fixed - 1));
    const filled = e.total > 0 ? Math.round((width * Math.min(e.done, e.total)) / e.total) : width;
    const text = `${head}[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${count}${rate ? "  " + rate : ""}`;
    const room = this.columns - 1 - text.length - 2;
    return text + (e.path && room > 4 ? "  " + clip(e.path, room) : "");
  }

  /** After reading: `aws2ali transform… 40 files read in 0.5 s (80.0 files/s, 1.2 MB)`. */
  stageLine(stage: string, t = this.now()): string {
    const end = this.readDone >= 0 ? this.readDone : t;
    const seconds = this.start < 0 ? 0 : (end - this.start) / 1000;
    const rate = seconds > 0.05 ? `, ${formatRate(this.done / seconds)} files/s` : "";
    const size = this.bytes > 0 ? `, ${(this.bytes / 1e6).toFixed(1)} MB` : "";
    return clip(`aws2ali ${stage}… ${this.done}/${this.total} files read in ${seconds.toFixed(1)} s${rate}${size}`, this.columns - 1);
  }

/** Clear the bar (before the summary line is printed). */
  finish(): void {
    if (this.mode === "bar" && this.drawn) this.write("\r\u001b[2K");
    this.drawn = false;
  }
}

function formatRate(r: number): string {
  return r >= 100 ? String(Math.round(r)) : r.toFixed(1);
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

/**
 * Translate as a workflow command does: a dry run (nothing written) with
 * progress on stderr, then the diagnostics and a summary line on stderr
 * unless --quiet (as one JSON line with --json).
 */
export function translate(options: WorkflowMigrateOptions, io: Io, values: Record<string, unknown>, command: string, chatter: { summaryLine?: boolean } = {}): MigrateResult {
  const mode = progressMode(io, values);
  const reporter = new ProgressReporter(io.err, mode, { columns: process.stderr.columns ?? 80 });
  let result: MigrateResult;
  try {
    // A variable, not a literal: the pipeline's options type does not list `ignore` until it is wired.
    // The stage dump costs the pipeline one more print of the outputs: only ask for it when progress shows.
    const opts: WorkflowMigrateOptions = { ...options, out: null, ...(mode === "off" ? {} : { onProgress: reporter.onProgress, dump: reporter.onStage }) };
    result = migrate(opts);
  } finally {
    reporter.finish();
  }
  if (values.quiet === true) return result;
  const st = result.report.summary;
  if (values.json === true) {
    io.err(JSON.stringify({ event: "summary", command, ...st, diagnostics: result.diagnostics.length, failedFiles: result.failed }) + "\n");
    return result;
  }
  const sources = new Map(result.files.map((f) => [f.path, f.text]));
  for (const d of result.diagnostics) io.err(formatForConsole(d, { tty: io.tty, sources }) + "\n");
  for (const s of result.skipped) io.err(`${s.path}: skipped: ${s.reason}\n`);
  if (chatter.summaryLine !== false) io.err(`aws2ali: ${st.blocks} AWS blocks: ${st.byStatus.translated} translated, ${st.byStatus.partial} partial, ${st.byStatus.manual} manual; readiness ${st.readiness}/100; ${st.schemaFindings} schema finding(s)${result.failed ? `; ${result.failed} file(s) failed` : ""}\n`);
  return result;
}
