/**
 * The aws2ali command line. Only this layer prints or exits: stages return
 * values and diagnostics. Exit codes: 0 done, 1 some input failed,
 * 2 usage error, 3 internal error (a bug: please report it).
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { join } from "node:path";
import { DEFAULT_SETTINGS, migrate, STAGES } from "../pipeline/index.js";
import { parseCommandArgs, UsageError } from "./args.js";
import { formatForConsole } from "./console.js";

const HELP = `aws2ali — migrate AWS Terraform to Alibaba Cloud (aliyun/alicloud) Terraform

Usage:
  aws2ali migrate SRC --out OUT   translate every .tf/.tfvars file under SRC into OUT
  aws2ali --version               print the version
  aws2ali --help                  print this help

Options for migrate:
  --out DIR              where to write the translated tree (required; never SRC itself)
  --mappings DIR         extra mapping rules (YAML) that override the built-in ones
  --provider-schema FILE validate against this 'terraform providers schema -json' output
  --provider-version V   version constraint to pin the alicloud provider to (default "~> 1.289")
  --resource-group NAME  name of the resource group injected per stack (default: <folder>-rg)
  --ram-policy-limit N   policies one RAM role may have attached (default 20, Alibaba's quota)
  --max-file-size MB     skip files larger than this (default 10)
  --force                write into a non-empty OUT that aws2ali did not write
                         (never deletes files it did not write)
  --debug-stage NAME     print one stage's result as JSON (discover, parse, model, plan,
                         transform, inject, validate, emit)
  --verbose              show stack traces of internal errors

Exit codes: 0 success, 1 some file could not be read or parsed, 2 usage error, 3 internal error.
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  tty: boolean;
}

export function run(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    io.out(version() + "\n");
    return 0;
  }
  if (command === "migrate") return runMigrate(rest, io);
  throw new UsageError(`unknown command '${command}'. Run 'aws2ali --help' for the commands.`);
}

function runMigrate(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(argv, {
    out: { type: "string" },
    mappings: { type: "string" },
    "provider-schema": { type: "string" },
    "provider-version": { type: "string" },
    "resource-group": { type: "string" },
    "ram-policy-limit": { type: "string" },
    "max-file-size": { type: "string" },
    "debug-stage": { type: "string" },
    force: { type: "boolean" },
    verbose: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("migrate takes exactly one source folder: aws2ali migrate SRC --out OUT");
  const debugStage = values["debug-stage"] as string | undefined;
  if (debugStage !== undefined && !(STAGES as readonly string[]).includes(debugStage)) throw new UsageError(`--debug-stage takes one of: ${STAGES.join(", ")}`);
  if (typeof values.out !== "string" && debugStage === undefined) throw new UsageError("migrate needs --out OUT, the folder to write the translation to");
  const maxMb = values["max-file-size"] === undefined ? 10 : Number(values["max-file-size"]);
  if (!(maxMb > 0)) throw new UsageError("--max-file-size takes a number of megabytes greater than 0");
  const ramLimit = values["ram-policy-limit"] === undefined ? DEFAULT_SETTINGS.ramPolicyLimit : Number(values["ram-policy-limit"]);
  if (!(ramLimit > 0)) throw new UsageError("--ram-policy-limit takes a whole number greater than 0");
  const src = resolve(positionals[0]!);
  const out = typeof values.out === "string" ? resolve(values.out) : null;
  const result = migrate({
    src,
    out,
    maxFileBytes: maxMb * 1e6,
    ...(typeof values.mappings === "string" ? { mappingsDir: resolve(values.mappings) } : {}),
    ...(typeof values["provider-schema"] === "string" ? { providerSchemaPath: resolve(values["provider-schema"]) } : {}),
    settings: {
      ...DEFAULT_SETTINGS,
      ...(typeof values["provider-version"] === "string" ? { providerVersion: values["provider-version"] } : {}),
      ...(typeof values["resource-group"] === "string" ? { resourceGroupName: values["resource-group"] } : {}),
      ramPolicyLimit: ramLimit,
    },
    version: version(),
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
