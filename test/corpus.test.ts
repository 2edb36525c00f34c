/**
 * Golden tests: every corpus case is migrated and compared with its
 * committed expected output and report. Update the goldens with one
 * explicit command: npm run corpus:update.
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, migrate } from "../src/pipeline/index.js";
import { reportToJson } from "../src/report/json.js";

const CORPUS = new URL("../corpus/", import.meta.url).pathname;
const UPDATE = process.env.AWS2ALI_UPDATE_GOLDENS === "1";
const cases = readdirSync(CORPUS).filter((c) => existsSync(join(CORPUS, c, "input"))).sort();

function listFiles(root: string, rel = ""): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const name of readdirSync(join(root, rel)).sort()) {
    const p = join(rel, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...listFiles(root, p));
    else out.push(p);
  }
  return out;
}

function runCase(name: string) {
  return migrate({ src: join(CORPUS, name, "input"), out: null, maxFileBytes: 10e6, settings: DEFAULT_SETTINGS, version: "test" });
}

describe("corpus golden cases", () => {
  test.each(cases)("%s", (name) => {
    const result = runCase(name);
    const expectedDir = join(CORPUS, name, "expected");
    const reportPath = join(CORPUS, name, "expected-report.json");
    if (UPDATE) {
      rmSync(expectedDir, { recursive: true, force: true });
      for (const [path, text] of result.outputs) {
        mkdirSync(dirname(join(expectedDir, path)), { recursive: true });
        writeFileSync(join(expectedDir, path), text);
      }
      writeFileSync(reportPath, reportToJson(result.report));
    }
    const expectedFiles = listFiles(expectedDir);
    expect([...result.outputs.keys()].sort(), "the set of output files").toEqual(expectedFiles);
    for (const path of expectedFiles) {
      expect(result.outputs.get(path), `output file ${path}`).toBe(readFileSync(join(expectedDir, path), "utf8"));
    }
    expect(reportToJson(result.report)).toBe(readFileSync(reportPath, "utf8"));
    const schemaFindings = result.report.diagnostics.filter((d) => d.code.startsWith("schema.") || d.code.startsWith("emit."));
    expect(schemaFindings.map((d) => `${d.file}:${d.range.start.line}: ${d.summary}`), "schema findings in the output").toEqual([]);
  });
});

const HAS_TERRAFORM = spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;

describe("the translated corpus is laid out as terraform fmt lays it out", () => {
  test.skipIf(!HAS_TERRAFORM)(`terraform fmt -check -recursive on every expected/ tree${HAS_TERRAFORM ? "" : " (skipped: terraform not on PATH)"}`, () => {
    for (const name of cases) {
      const r = spawnSync("terraform", ["fmt", "-check", "-recursive", join(CORPUS, name, "expected")], { encoding: "utf8" });
      expect(r.stdout.trim(), `${name}: files terraform fmt would change`).toBe("");
      expect(r.status, name).toBe(0);
    }
  });
  if (!HAS_TERRAFORM) console.warn("terraform is not on PATH: the terraform fmt check of the corpus is skipped");
});
