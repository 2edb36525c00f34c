/** `npm run docs:types`: rewrite README.md's supported-types table from the mapping rules. */

import { readFileSync, writeFileSync } from "node:fs";
import { loadMappingTable } from "../mapping/load.js";
import { withSupportedTypes } from "../mapping/supported-types.js";
import { TRANSFORMS } from "../transforms/index.js";

const path = process.argv[2] ?? "README.md";
writeFileSync(path, withSupportedTypes(readFileSync(path, "utf8"), loadMappingTable(), (name) => name in TRANSFORMS));
console.log(`updated the supported-types table in ${path}`);
