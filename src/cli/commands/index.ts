/** The commands of the CLI, by name. One module each. */

import type { Io } from "../io.js";
import { runCheck } from "./check.js";
import { runCoverage } from "./coverage.js";
import { runDiff } from "./diff.js";
import { runMigrate } from "./migrate.js";
import { runPlan } from "./plan.js";
import { runReport } from "./report.js";

export const COMMANDS: Record<string, (argv: string[], io: Io) => number> = {
  migrate: runMigrate,
  plan: runPlan,
  diff: runDiff,
  check: runCheck,
  report: runReport,
  coverage: runCoverage,
};
