/**
 * Loading the mapping table: every rule in mappings/*.yaml and every value
 * map in mappings/values/*.yaml, validated as it loads; a user's
 * --mappings folder adds rules and value maps that override built-in ones.
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { RuleError, validateRule, type Kind, type Rule } from "./rule.js";
import { moduleKey, validateModuleRule, type ModuleRule } from "./module-rule.js";
import { toValueMap, type ValueMap } from "./values.js";

export interface MappingTable {
  rules: Map<string, Rule>;
  values: Map<string, ValueMap>;
  /** Registry module rules by module key (`terraform-aws-modules/vpc/aws`). */
  modules: Map<string, ModuleRule>;
}

/** Rules are keyed `resource.aws_vpc` / `data.aws_ami`. */
export function ruleKey(kind: Kind, awsType: string): string {
  return `${kind}.${awsType}`;
}

export function builtinMappingsDir(): string {
  return fileURLToPath(new URL("../../mappings/", import.meta.url));
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")).sort();
}

function readYaml(path: string): unknown {
  try {
    return parseYaml(readFileSync(path, "utf8"));
  } catch (e) {
    throw new RuleError(path, `not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
}

function loadInto(table: MappingTable, dir: string, origin: string): void {
  for (const f of yamlFiles(dir)) {
    const path = join(dir, f);
    const rule = validateRule(readYaml(path), `${origin}/${f}`);
    const expected = rule.kind === "data" ? `data.${rule.aws_type}` : rule.aws_type;
    if (f.replace(/\.ya?ml$/, "") !== expected) throw new RuleError(`${origin}/${f}`, `a rule for ${rule.kind} ${rule.aws_type} must be in ${expected}.yaml`);
    rule.origin = `${origin}/${f}`;
    table.rules.set(ruleKey(rule.kind, rule.aws_type), rule);
  }
  const modulesDir = join(dir, "modules");
  for (const f of yamlFiles(modulesDir)) {
    const rule = validateModuleRule(readYaml(join(modulesDir, f)), `${origin}/modules/${f}`);
    rule.origin = `${origin}/modules/${f}`;
    table.modules.set(moduleKey(rule.module), rule);
  }
  const valuesDir = join(dir, "values");
  for (const f of yamlFiles(valuesDir)) {
    const doc = readYaml(join(valuesDir, f));
    if (typeof doc !== "object" || doc === null) throw new RuleError(`${origin}/values/${f}`, "a value map must be a YAML mapping");
    const map = toValueMap(doc as Record<string, unknown>, `${origin}/values/${f}`);
    table.values.set(map.name, map);
  }
}

/**
 * The built-in table as compiled at build time (dist/mapping/table.json):
 * parsing some 200 YAML files costs about 350 ms, reading one JSON file a
 * few. From the TypeScript sources (tests) there is none, and YAML is read.
 */
const COMPILED = new URL("./table.json", import.meta.url);

export function compileMappingTable(builtinDir = builtinMappingsDir()): string {
  const table: MappingTable = { rules: new Map(), values: new Map(), modules: new Map() };
  loadInto(table, builtinDir, "mappings");
  return JSON.stringify({ rules: [...table.rules], values: [...table.values], modules: [...table.modules] });
}

function builtinTable(builtinDir: string): MappingTable {
  if (builtinDir === builtinMappingsDir() && existsSync(COMPILED)) {
    const c = JSON.parse(readFileSync(COMPILED, "utf8")) as { rules: Array<[string, Rule]>; values: Array<[string, ValueMap]>; modules: Array<[string, ModuleRule]> };
    return { rules: new Map(c.rules), values: new Map(c.values), modules: new Map(c.modules) };
  }
  const table: MappingTable = { rules: new Map(), values: new Map(), modules: new Map() };
  loadInto(table, builtinDir, "mappings");
  return table;
}

export function loadMappingTable(userDir?: string, builtinDir = builtinMappingsDir()): MappingTable {
  const table = builtinTable(builtinDir);
  if (userDir) {
    if (!existsSync(userDir)) throw new RuleError(userDir, "the --mappings folder does not exist");
    loadInto(table, userDir, userDir);
  }
  return table;
}
