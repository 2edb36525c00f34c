/** Build step: compile the built-in mapping table (YAML) into dist/mapping/table.json, read at start-up instead. */

import { writeFileSync } from "node:fs";
import { compileMappingTable } from "./load.js";

writeFileSync(new URL("./table.json", import.meta.url), compileMappingTable());
