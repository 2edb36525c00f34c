/**
 * Property-based fuzzing of the HCL core: valid Terraform is mutated by
 * deleting, duplicating and inserting bytes and tokens. Whatever comes out,
 * the parser must not throw or hang, every diagnostic range must lie inside
 * the file, and any mutant that parses cleanly must print back byte for
 * byte. CI runs 10,000 inputs; `npm run fuzz` runs 100,000.
 */

import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, test } from "vitest";
import { lex } from "../src/hcl/lexer.js";
import { parse } from "../src/hcl/parser.js";
import { print } from "../src/hcl/printer.js";

const RUNS = Number(process.env.AWS2ALI_FUZZ_RUNS ?? 10_000);
const PER_INPUT_MS = 1_000;
const dir = new URL("./fixtures/hcl/", import.meta.url);
const seeds = readdirSync(dir)
  .filter((f) => /\.(tf|tfvars)$/.test(f))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), "utf8"))
  .filter((t) => t.length < 6_000);

const SNIPPETS = ["{", "}", "[", "]", "(", ")", '"', "${", "%{", "}", "~}", "<<EOT\n", "\nEOT\n", "<<-X\n", "#", "//", "/*", "*/", "\n", "\r\n", "=", ",", ":", "?", "...", ".*", "[*]", "for x in y :", "=>", "\\", "é", "\u0000", "\ufeff", "::", "!", "&&", "-"];

type Mutation = { kind: "delete" | "duplicate" | "insert" | "token-delete" | "token-duplicate"; at: number; len: number; snippet: string };

const mutation = fc.record({
  kind: fc.constantFrom<Mutation["kind"]>("delete", "duplicate", "insert", "token-delete", "token-duplicate"),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 12 }),
  snippet: fc.constantFrom(...SNIPPETS),
});

function mutate(text: string, muts: Mutation[]): string {
  let t = text;
  for (const m of muts) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    if (m.kind === "delete") t = t.slice(0, at) + t.slice(at + m.len);
    else if (m.kind === "duplicate") t = t.slice(0, at + m.len) + t.slice(at, at + m.len) + t.slice(at + m.len);
    else if (m.kind === "insert") t = t.slice(0, at) + m.snippet + t.slice(at);
    else {
      const tokens = lex(t).tokens;
      const tok = tokens[m.at % tokens.length]!;
      if (tok.pos < 0) continue;
      const start = tok.pos;
      const end = tok.pos + tok.text.length;
      t = m.kind === "token-delete" ? t.slice(0, start) + t.slice(end) : t.slice(0, end) + t.slice(start, end) + t.slice(end);
    }
  }
  return t;
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s.replace(/^\ufeff/, ""), "utf8") + (s.startsWith("\ufeff") ? 3 : 0);
}

test(`fuzz: ${RUNS} mutated inputs never throw or hang, diagnostics stay in the file, valid mutants round-trip`, () => {
  let ran = 0;
  let valid = 0;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, muts) => {
      const text = mutate(seeds[seed]!, muts);
      const t0 = performance.now();
      const result = parse(text, "fuzz.tf");
      const elapsed = performance.now() - t0;
      ran++;
      expect(elapsed).toBeLessThan(PER_INPUT_MS);
      const size = utf8Bytes(text);
      const lines = text.split("\n").length;
      for (const d of result.diagnostics) {
        for (const p of [d.range.start, d.range.end]) {
          expect(p.byte).toBeGreaterThanOrEqual(0);
          expect(p.byte).toBeLessThanOrEqual(size);
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines);
        }
        expect(d.range.start.byte).toBeLessThanOrEqual(d.range.end.byte);
      }
      if (result.diagnostics.length === 0) {
        valid++;
        expect(print(result.file)).toBe(text);
      }
    }),
    { numRuns: RUNS, seed: Number(process.env.AWS2ALI_FUZZ_SEED ?? 20261126) },
  );
  console.log(`fuzz: ran ${ran} mutated inputs (${valid} parsed cleanly and round-tripped), no failures`);
  expect(ran).toBe(RUNS);
}, 600_000);
