import { readdirSync, readFileSync } from "node:fs";
import { parse as hcl2json } from "@cdktf/hcl2json";
import { describe, expect, test } from "vitest";
import { parse } from "../src/hcl/parser.js";
import { toHcl2JsonShape } from "./support/hcl2json-shape.js";

const dir = new URL("./fixtures/hcl/", import.meta.url);
const fixtures = readdirSync(dir).filter((f) => /\.(tf|tfvars)$/.test(f)).sort();

describe("differential: our tree vs HashiCorp's parser (hcl2json)", () => {
  test.each(fixtures)("%s", async (name) => {
    const text = readFileSync(new URL(name, dir), "utf8");
    const ours = parse(text, name);
    expect(ours.diagnostics).toEqual([]);
    const theirs = await hcl2json(name, text);
    expect(JSON.parse(JSON.stringify(toHcl2JsonShape(ours.file)))).toEqual(theirs);
  });
});
