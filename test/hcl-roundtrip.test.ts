import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "../src/hcl/parser.js";
import { print } from "../src/hcl/printer.js";
import { generateTerraform } from "../bench/generate.js";

const dir = new URL("./fixtures/hcl/", import.meta.url);
const fixtures = readdirSync(dir).filter((f) => /\.(tf|tfvars)$/.test(f)).sort();

describe("round trip: every fixture prints back byte for byte", () => {
  test("there are at least 40 fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });
  test.each(fixtures)("%s", (name) => {
    const bytes = readFileSync(new URL(name, dir));
    const text = bytes.toString("utf8");
    const result = parse(text, name);
    expect(result.diagnostics).toEqual([]);
    expect(Buffer.from(print(result.file), "utf8").equals(bytes)).toBe(true);
  });
});

describe("round trip: generated files", () => {
  test.each([1, 2, 3, 4, 5])("seed %i", (seed) => {
    for (const file of generateTerraform({ seed, files: 6 })) {
      const result = parse(file.text, file.path);
      expect(result.diagnostics).toEqual([]);
      expect(print(result.file)).toBe(file.text);
    }
  });
});
