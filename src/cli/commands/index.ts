/** The commands of the CLI, by name. One module each. */

import type { Io } from "../io.js";
import { runMigrate } from "./migrate.js";

export const COMMANDS: Record<string, (argv: string[], io: Io) => number> = {
  migrate: runMigrate,
};
