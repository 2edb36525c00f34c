/**
 * The mapping table loads, every rule is valid, and every alicloud type and
 * argument a rule names exists in the provider schema we validate against.
 */

import { describe, expect, test } from "vitest";
import { loadMappingTable } from "../src/mapping/load.js";
import { argumentRule, blockRule, type BlockRule, type Rule, type ArgumentRule } from "../src/mapping/rule.js";
import type { CompactBlock } from "../src/schema/compact.js";
import { loadCompactSchema } from "../src/schema/provider-schema.js";

const table = loadMappingTable();
const schema = loadCompactSchema();
const rules = [...table.rules.values()].sort((a, b) => (a.origin! < b.origin! ? -1 : 1));

function targetSchema(rule: Rule): CompactBlock | undefined {
  const kind = rule.to_kind ?? rule.kind;
  return kind === "data" ? schema.data_sources[rule.to!] : schema.resources[rule.to!];
}

/** Every named target argument and block exists where the rule puts it. */
function problemsIn(target: CompactBlock, args: Record<string, ArgumentRule | string> | undefined, blocks: Record<string, BlockRule | string> | undefined, where: string, out: string[]): void {
  for (const [name, raw] of Object.entries(args ?? {})) {
    const a = argumentRule(raw)!;
    if (a.drop) continue;
    const to = a.to ?? name;
    const attr = target.attrs[to];
    if (!attr && !target.blocks?.[to]) out.push(`${where}.${name} → '${to}' is not an argument of the target`);
    else if (attr && attr.m === "c") out.push(`${where}.${name} → '${to}' is computed-only in the target`);
  }
  for (const [name, raw] of Object.entries(blocks ?? {})) {
    const b = blockRule(raw)!;
    if (b.drop) continue;
    if (b.flatten) {
      problemsIn(target, b.arguments, b.blocks, `${where}.${name}`, out);
      continue;
    }
    const to = b.to ?? name;
    const nested = target.blocks?.[to];
    if (!nested) {
      out.push(`${where}.${name} → block '${to}' is not a block of the target`);
      continue;
    }
    problemsIn(nested, b.arguments, b.blocks, `${where}.${name}`, out);
  }
}

describe("mapping table", () => {
  test("loads and validates every rule", () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  test.each(rules.map((r) => [r.origin!, r] as const))("%s names only real alicloud types and arguments", (_origin, rule) => {
    if (!rule.to) {
      expect(rule.manual, "a rule with no target explains why").toBeDefined();
      return;
    }
    const target = targetSchema(rule);
    expect(target, `${rule.to} exists in the provider schema`).toBeDefined();
    const problems: string[] = [];
    problemsIn(target!, rule.arguments, rule.blocks, "arguments", problems);
    for (const k of Object.keys(rule.set ?? {})) if (!target!.attrs[k] && !target!.blocks?.[k]) problems.push(`set.${k} is not an argument of ${rule.to}`);
    if (rule.tag_name && !target!.attrs[rule.tag_name]) problems.push(`tag_name → ${rule.tag_name} is not an argument of ${rule.to}`);
    for (const raw of Object.values(rule.arguments ?? {})) {
      const a = argumentRule(raw)!;
      if (a.value_map && !table.values.has(a.value_map)) problems.push(`value_map '${a.value_map}' does not exist in mappings/values/`);
    }
    expect(problems).toEqual([]);
  });
});
