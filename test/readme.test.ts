/** README.md states what the code does: the supported-types table is generated and must be current. */

import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { loadMappingTable } from "../src/mapping/load.js";
import { withSupportedTypes } from "../src/mapping/supported-types.js";
import { TRANSFORMS } from "../src/transforms/index.js";

test("the supported-types table in README.md matches the mapping rules (run npm run docs:types)", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  expect(readme).toBe(withSupportedTypes(readme, loadMappingTable(), (name) => name in TRANSFORMS));
});

test("README opens with the two newcomer commands, and .ci/run runs the test command", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const ci = readFileSync(new URL("../.ci/run", import.meta.url), "utf8");
  expect(readme).toMatch(/npx aws2ali migrate corpus\/[\w-]+\/input --out/);
  expect(readme).toContain("npm test");
  expect(ci).toContain("npm ci");
  expect(ci).toMatch(/^npm test$/m);
});
