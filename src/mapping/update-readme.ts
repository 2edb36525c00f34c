/** `npm run docs:types`: rewrite README.md's supported-types table from the mapping rules. */

import { readFileSync, writeFileSync } from "node:fs";
import { loadMappingTable } from "./load.js";
import { withSupportedTypes } from "./supported-types.js";

const path = process.argv[2] ?? "README.md";
writeFileSync(path, withSupportedTypes(readFileSync(path, "utf8"), loadMappingTable()));
console.log(`updated the supported-types table in ${path}`);
