#!/usr/bin/env node
/** The executable: wires process I/O to run() and turns any escaped error into one line and exit code 3. */

import type { Io } from "./io.js";
import { version } from "./version.js";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // Start-up stays fast: --version needs none of the pipeline.
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
    process.stdout.write(version() + "\n");
    return;
  }
  const [{ run }, { UsageError }, { OutputRefused }] = await Promise.all([import("./run.js"), import("./args.js"), import("../pipeline/emit.js")]);
  const io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), tty: Boolean(process.stderr.isTTY) && !process.env.CI };
  let code: number;
  try {
    code = run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof OutputRefused) {
      io.err(`aws2ali: ${e.message}\n`);
      code = 2;
    } else {
      io.err(`aws2ali: internal error: ${(e as Error).message}. This is a bug in aws2ali; please report it with the command you ran${argv.includes("--verbose") ? "" : " (add --verbose for details)"}.\n`);
      if (argv.includes("--verbose")) io.err(String((e as Error).stack) + "\n");
      code = 3;
    }
  }
  process.exitCode = code;
  // For the benchmark: the peak memory of this process, measured by the process itself.
  if (process.env.AWS2ALI_PRINT_RSS) process.on("exit", () => process.stderr.write(`peak_rss_kb=${process.resourceUsage().maxRSS}\n`));
}

void main();
