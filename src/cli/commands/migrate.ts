/**
 * `aws2ali migrate SRC --out OUT`: translate a tree and write it with its report.
 * The options every command that translates shares are read by translationOptions().
 */

import { join, resolve } from "node:path";
import { DEFAULT_SETTINGS, migrate, STAGES, type MigrateOptions } from "../../pipeline/index.js";
import { parseCommandArgs, UsageError, type Options } from "../args.js";
import { formatForConsole } from "../console.js";
import type { Io } from "../io.js";
import { version } from "../version.js";
import { resolveOptions, WORKFLOW_OPTIONS } from "../config.js";

/** Options shared by migrate, plan, diff, check and report. */
export const TRANSLATION_OPTIONS: Options = {
  mappings: { type: "string" },
  "provider-schema": { type: "string" },
  "provider-version": { type: "string" },
  "resource-group": { type: "string" },
  "ram-policy-limit": { type: "string" },
  "max-file-size": { type: "string" },
  "vendor-modules": { type: "boolean" },
  verbose: { type: "boolean" },
};

export function translationOptions(values: Record<string, unknown>, src: string): Omit<MigrateOptions, "out"> {
  const maxMb = values["max-file-size"] === undefined ? 10 : Number(values["max-file-size"]);
  if (!(maxMb > 0)) throw new UsageError("--max-file-size takes a number of megabytes greater than 0");
  const ramLimit = values["ram-policy-limit"] === undefined ? DEFAULT_SETTINGS.ramPolicyLimit : Number(values["ram-policy-limit"]);
  if (!(Number.isInteger(ramLimit) && ramLimit > 0)) throw new UsageError("--ram-policy-limit takes a whole number greater than 0");
  return {
    src: resolve(src),
    maxFileBytes: maxMb * 1e6,
    vendorModules: values["vendor-modules"] === true,
    ...(typeof values.mappings === "string" ? { mappingsDir: resolve(values.mappings) } : {}),
    ...(typeof values["provider-schema"] === "string" ? { providerSchemaPath: resolve(values["provider-schema"]) } : {}),
    settings: {
      ...DEFAULT_SETTINGS,
      ...(typeof values["provider-version"] === "string" ? { providerVersion: values["provider-version"] } : {}),
      ...(typeof values["resource-group"] === "string" ? { resourceGroupName: values["resource-group"] } : {}),
      ramPolicyLimit: ramLimit,
    },
    version: version(),
  };
}

export function runMigrate(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(argv, {
    ...TRANSLATION_OPTIONS,
    ...WORKFLOW_OPTIONS,
    out: { type: "string" },
    "debug-stage": { type: "string" },
    force: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("migrate takes exactly one source folder: aws2ali migrate SRC --out OUT");
  // .aws2ali.yaml applies to migrate as to the other commands, so `check` compares like with like.
  const { options: configured } = resolveOptions(values, positionals[0]!);
  const debugStage = values["debug-stage"] as string | undefined;
  if (debugStage !== undefined && !(STAGES as readonly string[]).includes(debugStage)) throw new UsageError(`--debug-stage takes one of: ${STAGES.join(", ")}`);
  if (typeof values.out !== "string" && debugStage === undefined) throw new UsageError("migrate needs --out OUT, the folder to write the translation to");
  const out = typeof values.out === "string" ? resolve(values.out) : null;
  const result = migrate({
    ...configured,
    out,
    force: values.force === true,
    ...(debugStage ? { dump: (stage: string, data: unknown) => (stage === debugStage ? io.out(JSON.stringify(data, debugReplacer, 2) + "\n") : undefined) } : {}),
  });
  const sources = new Map(result.files.map((f) => [f.path, f.text]));
  for (const d of result.diagnostics) io.err(formatForConsole(d, { tty: io.tty, sources }) + "\n");
  for (const s of result.skipped) io.err(`${s.path}: skipped: ${s.reason}\n`);
  const st = result.report.summary;
  io.err(`aws2ali: ${st.blocks} AWS blocks: ${st.byStatus.translated} translated, ${st.byStatus.partial} partial, ${st.byStatus.manual} manual; readiness ${st.readiness}/100; ${st.schemaFindings} schema finding(s)\n`);
  if (out) io.err(`aws2ali: ${result.written.length} file(s) written to ${values.out}; report: ${join(String(values.out), "aws2ali-report.md")}${result.failed ? `; ${result.failed} file(s) failed` : ""}\n`);
  return result.failed > 0 ? 1 : 0;
}

/** Debug dumps: trees and source maps are too big to be useful, so they print as their kind. */
function debugReplacer(key: string, value: unknown): unknown {
  if (key === "tree" || key === "source" || key === "unit" || key === "block") return `[${key}]`;
  return value;
}
