/**
 * SARIF output: its shape is checked against a hand-written subset of the
 * SARIF 2.1.0 JSON schema (the objects aws2ali writes, with the property
 * lists, required properties, enums and minimums of the official schema,
 * sarif-schema-2.1.0.json, whose objects forbid properties they do not
 * define), plus what GitHub code scanning needs: relative URIs, a start line
 * and column, a level, rules with help text.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, migrate, type MigrateResult } from "../src/pipeline/index.js";
import { reportToSarif, reportToSarifLog } from "../src/report/sarif.js";

// ---- a small JSON-schema checker (draft-07 keywords the subset uses) ----------------------

interface Schema {
  $ref?: string;
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  uniqueItems?: boolean;
  anyOf?: Schema[];
  format?: "uri-reference" | "uri";
}

function check(value: unknown, schema: Schema, defs: Record<string, Schema>, path = "$"): string[] {
  if (schema.$ref) return check(value, defs[schema.$ref.replace("#/definitions/", "")]!, defs, path);
  const errors: string[] = [];
  if (schema.anyOf && !schema.anyOf.some((s) => check(value, s, defs, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  switch (schema.type) {
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return [...errors, `${path}: not an object`];
      const o = value as Record<string, unknown>;
      for (const r of schema.required ?? []) if (!(r in o)) errors.push(`${path}: missing required '${r}'`);
      for (const [k, v] of Object.entries(o)) {
        const p = schema.properties?.[k];
        if (p) errors.push(...check(v, p, defs, `${path}.${k}`));
        else if (schema.additionalProperties === false) errors.push(`${path}: property '${k}' is not allowed`);
        else if (typeof schema.additionalProperties === "object") errors.push(...check(v, schema.additionalProperties, defs, `${path}.${k}`));
      }
      break;
    }
    case "array": {
      if (!Array.isArray(value)) return [...errors, `${path}: not an array`];
      if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
      if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${path}: items not unique`);
      value.forEach((v, i) => schema.items && errors.push(...check(v, schema.items, defs, `${path}[${i}]`)));
      break;
    }
    case "string":
      if (typeof value !== "string") return [...errors, `${path}: not a string`];
      if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
      if (schema.format === "uri-reference" && /\s/.test(value)) errors.push(`${path}: not a URI reference`);
      if (schema.format === "uri" && !/^[a-z][a-z0-9+.-]*:/i.test(value)) errors.push(`${path}: not an absolute URI`);
      break;
    case "integer":
    case "number":
      if (typeof value !== "number" || (schema.type === "integer" && !Number.isInteger(value))) return [...errors, `${path}: not an ${schema.type}`];
      if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
      break;
    case "boolean":
      if (typeof value !== "boolean") errors.push(`${path}: not a boolean`);
      break;
  }
  return errors;
}

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const str: Schema = { type: "string" };
const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({ type: "object", properties: { ...properties, properties: ref("propertyBag") }, required, additionalProperties: false });
/** Properties the official schema defines that aws2ali does not write: allowed, not checked further. */
const any = (...names: string[]): Record<string, Schema> => Object.fromEntries(names.map((n) => [n, {}]));

/** The SARIF 2.1.0 objects aws2ali writes, transcribed from sarif-schema-2.1.0.json (OASIS, errata 01). */
const SARIF_DEFS: Record<string, Schema> = {
  sarifLog: obj({ $schema: { type: "string", format: "uri" }, version: { enum: ["2.1.0"] }, runs: { type: "array", items: ref("run") }, ...any("inlineExternalProperties") }, ["version", "runs"]),
  run: obj(
    {
      tool: ref("tool"),
      results: { type: "array", items: ref("result") },
      columnKind: { enum: ["utf16CodeUnits", "unicodeCodePoints"] },
      originalUriBaseIds: { type: "object", additionalProperties: ref("artifactLocation") },
      ...any("invocations", "conversion", "language", "versionControlProvenance", "artifacts", "logicalLocations", "graphs", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses", "specialLocations"),
    },
    ["tool"],
  ),
  tool: obj({ driver: ref("toolComponent"), extensions: { type: "array", items: ref("toolComponent") } }, ["driver"]),
  toolComponent: obj(
    {
      name: str,
      version: str,
      semanticVersion: str,
      informationUri: { type: "string", format: "uri" },
      rules: { type: "array", items: ref("reportingDescriptor"), uniqueItems: true },
      shortDescription: ref("multiformatMessageString"),
      fullDescription: ref("multiformatMessageString"),
      ...any("guid", "organization", "product", "productSuite", "fullName", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "globalMessageStrings", "notifications", "taxa", "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata", "supportedTaxonomies"),
    },
    ["name"],
  ),
  reportingDescriptor: obj(
    {
      id: str,
      name: str,
      shortDescription: ref("multiformatMessageString"),
      fullDescription: ref("multiformatMessageString"),
      help: ref("multiformatMessageString"),
      helpUri: { type: "string", format: "uri" },
      defaultConfiguration: ref("reportingConfiguration"),
      ...any("deprecatedIds", "guid", "deprecatedGuids", "deprecatedNames", "messageStrings", "relationships"),
    },
    ["id"],
  ),
  reportingConfiguration: obj({ enabled: { type: "boolean" }, level: { enum: ["none", "note", "warning", "error"] }, rank: { type: "number", minimum: -1, maximum: 100 }, ...any("parameters") }),
  multiformatMessageString: obj({ text: str, markdown: str }, ["text"]),
  message: { ...obj({ text: str, markdown: str, id: str, arguments: { type: "array", items: str } }), anyOf: [{ type: "object", required: ["text"] }, { type: "object", required: ["id"] }] },
  result: obj(
    {
      ruleId: str,
      ruleIndex: { type: "integer", minimum: -1 },
      kind: { enum: ["notApplicable", "pass", "fail", "review", "open", "informational"] },
      level: { enum: ["none", "note", "warning", "error"] },
      message: ref("message"),
      locations: { type: "array", items: ref("location") },
      partialFingerprints: { type: "object", additionalProperties: str },
      fingerprints: { type: "object", additionalProperties: str },
      ...any("rule", "analysisTarget", "guid", "correlationGuid", "occurrenceCount", "stacks", "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse"),
    },
    ["message"],
  ),
  location: obj({ id: { type: "integer", minimum: -1 }, physicalLocation: ref("physicalLocation"), message: ref("message"), ...any("logicalLocations", "annotations", "relationships") }),
  physicalLocation: obj({ artifactLocation: ref("artifactLocation"), region: ref("region"), contextRegion: ref("region"), ...any("address") }),
  artifactLocation: obj({ uri: { type: "string", format: "uri-reference" }, uriBaseId: str, index: { type: "integer", minimum: -1 }, description: ref("message") }),
  region: obj({
    startLine: { type: "integer", minimum: 1 },
    startColumn: { type: "integer", minimum: 1 },
    endLine: { type: "integer", minimum: 1 },
    endColumn: { type: "integer", minimum: 1 },
    charOffset: { type: "integer", minimum: -1 },
    charLength: { type: "integer", minimum: 0 },
    byteOffset: { type: "integer", minimum: -1 },
    byteLength: { type: "integer", minimum: 0 },
    message: ref("message"),
    ...any("snippet", "sourceLanguage"),
  }),
  propertyBag: { type: "object", properties: { tags: { type: "array", items: str, uniqueItems: true } } },
};

function validateSarif(log: unknown): string[] {
  return check(log, SARIF_DEFS.sarifLog!, SARIF_DEFS);
}

// ---- the tests ---------------------------------------------------------------------------------

const WEBSHOP = join(__dirname, "..", "corpus", "11-webshop", "input");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function translate(src: string): MigrateResult {
  return migrate({ src, out: null, maxFileBytes: 10e6, settings: DEFAULT_SETTINGS, version: "0.1.0" });
}

function mixedTree(): string {
  const d = mkdtempSync(join(tmpdir(), "aws2ali-sarif-"));
  dirs.push(d);
  writeFileSync(join(d, "network.tf"), `resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_internet_gateway" "gw" {\n  vpc_id = aws_vpc.main.id\n}\n\nresource "aws_subnet" "p" {\n  vpc_id                  = aws_vpc.main.id\n  cidr_block              = "10.0.0.0/24"\n  map_public_ip_on_launch = true\n}\n`);
  writeFileSync(join(d, "broken.tf"), `resource "aws_vpc" "x" {\n  cidr_block = "10.1.0.0/16"\n\n`);
  return d;
}

describe("the checker itself", () => {
  test("catches what the official schema forbids", () => {
    expect(validateSarif({ version: "2.1.0", runs: [] })).toEqual([]);
    expect(validateSarif({ version: "2.0.0", runs: [] })).toEqual([expect.stringContaining("not in")]);
    expect(validateSarif({ runs: [] })).toEqual(["$: missing required 'version'"]);
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, level: "fatal" }] }] })).toEqual([expect.stringContaining("$.runs[0].results[0].level")]);
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toEqual([expect.stringContaining("below 1")]);
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: {}, file: "a" }] }] })).toEqual(
      expect.arrayContaining([expect.stringContaining("anyOf"), expect.stringContaining("'file' is not allowed")]),
    );
  });
});

describe("SARIF", () => {
  test("the web shop's SARIF is valid SARIF 2.1.0", () => {
    const r = translate(WEBSHOP);
    const log = JSON.parse(reportToSarif(r.report, { uriPrefix: "corpus/11-webshop/input", outputs: r.outputs }));
    expect(validateSarif(log)).toEqual([]);
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  });

  test("one rule per kind of finding, each with help text; results point at their rule", () => {
    const r = translate(mixedTree());
    const log = reportToSarifLog(r.report, { outputs: r.outputs });
    expect(validateSarif(JSON.parse(JSON.stringify(log)))).toEqual([]);
    const run = log.runs[0]!;
    const ids = run.tool.driver.rules.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("manual-block");
    expect(ids.some((id) => id.startsWith("partial/"))).toBe(true);
    expect(ids.some((id) => id.startsWith("parse."))).toBe(true);
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(["error", "warning", "note"]).toContain(rule.defaultConfiguration.level);
    }
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(["error", "warning", "note"]).toContain(res.level);
      const loc = res.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^[^/:][^:]*\.tf$/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(Object.keys(res.partialFingerprints)).toEqual(["aws2aliFinding/v1"]);
    }
    const manual = run.results.find((x) => x.ruleId === "manual-block")!;
    expect(manual.level).toBe("error");
    expect(manual.message.text).toMatch(/^aws_internet_gateway\.gw must be migrated by hand\./);
    expect(manual.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: "network.tf" }, region: { startLine: 5, startColumn: 1 } });
    const partial = run.results.find((x) => x.ruleId.startsWith("partial/"))!;
    expect(partial.level).toBe("warning");
    expect(partial.message.text).toContain("map_public_ip_on_launch");
    const parse = run.results.find((x) => x.ruleId.startsWith("parse."))!;
    expect(parse.level).toBe("error");
    expect(parse.locations[0]!.physicalLocation.artifactLocation.uri).toBe("broken.tf");
  });

  test("schema findings point at the AWS block the resource came from", () => {
    // A user rule that maps a VPC to a VSwitch without a zone: the output misses a required argument.
    const rules = mkdtempSync(join(tmpdir(), "aws2ali-sarif-rules-"));
    dirs.push(rules);
    writeFileSync(join(rules, "aws_vpc.yaml"), "aws_type: aws_vpc\nkind: resource\nservice: VPC\nsummary: deliberately incomplete\nto: alicloud_vswitch\n");
    const r = migrate({ src: WEBSHOP, out: null, maxFileBytes: 10e6, mappingsDir: rules, settings: DEFAULT_SETTINGS, version: "0.1.0" });
    const log = reportToSarifLog(r.report, { outputs: r.outputs });
    const schema = log.runs[0]!.results.filter((x) => x.ruleId.startsWith("schema."));
    expect(schema.length).toBe(r.report.diagnostics.filter((d) => d.code.startsWith("schema.")).length);
    expect(schema.length).toBeGreaterThan(0);
    for (const res of schema) {
      const loc = res.locations[0]!.physicalLocation;
      const item = r.report.items.find((i) => i.file === loc.artifactLocation.uri && i.line === loc.region.startLine);
      expect(item, res.message.text).toBeDefined();
      expect(res.message.text).toMatch(/the translation of \S+ \(translated file \S+\.tf:\d+:\d+\)/);
    }
  });

  test("URIs carry the prefix, percent-encoded", () => {
    const r = translate(mixedTree());
    const log = reportToSarifLog(r.report, { uriPrefix: "infra/my stack" });
    for (const res of log.runs[0]!.results) expect(res.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^infra\/my%20stack\/\w+\.tf$/);
  });

  test("fingerprints are stable when lines move", () => {
    const d = mixedTree();
    const a = reportToSarifLog(translate(d).report);
    writeFileSync(join(d, "network.tf"), "# a new first line\n\n" + readFileSync(join(d, "network.tf"), "utf8"));
    const b = reportToSarifLog(translate(d).report);
    const fp = (log: typeof a) => log.runs[0]!.results.filter((x) => !x.ruleId.startsWith("parse.")).map((x) => x.partialFingerprints["aws2aliFinding/v1"]).sort();
    expect(fp(b)).toEqual(fp(a));
  });
});
