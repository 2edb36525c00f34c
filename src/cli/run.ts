/**
 * The aws2ali command line. Only this layer prints or exits: stages return
 * values and diagnostics. Exit codes: 0 done, 1 some input failed,
 * 2 usage error, 3 internal error (a bug: please report it).
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { migrate } from "../pipeline/index.js";
import { parseCommandArgs, UsageError } from "./args.js";
import { formatForConsole } from "./console.js";

const HELP = `aws2ali — migrate AWS Terraform to Alibaba Cloud (aliyun/alicloud) Terraform

Usage:
  aws2ali migrate SRC --out OUT   translate every .tf/.tfvars file under SRC into OUT
  aws2ali --version               print the version
  aws2ali --help                  print this help

Options for migrate:
  --out DIR              where to write the translated tree (required; never SRC itself)
  --max-file-size MB     skip files larger than this (default 10)
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
    "max-file-size": { type: "string" },
    verbose: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("migrate takes exactly one source folder: aws2ali migrate SRC --out OUT");
  if (typeof values.out !== "string") throw new UsageError("migrate needs --out OUT, the folder to write the translation to");
  const maxMb = values["max-file-size"] === undefined ? 10 : Number(values["max-file-size"]);
  if (!(maxMb > 0)) throw new UsageError("--max-file-size takes a number of megabytes greater than 0");
  const src = resolve(positionals[0]!);
  const out = resolve(values.out);
  const result = migrate({ src, out, maxFileBytes: maxMb * 1e6 });
  const sources = new Map(result.files.map((f) => [f.path, f.text]));
  for (const d of result.diagnostics) io.err(formatForConsole(d, { tty: io.tty, sources }) + "\n");
  for (const s of result.skipped) io.err(`${s.path}: skipped: ${s.reason}\n`);
  io.err(`aws2ali: ${result.written.length} file(s) written to ${values.out}${result.failed ? `, ${result.failed} file(s) failed` : ""}\n`);
  return result.failed > 0 ? 1 : 0;
}
