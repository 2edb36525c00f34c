/**
 * `.aws2ali.yaml` (found from SRC upwards to the git root, flags win, paths
 * relative to the file, checked keys), the ignore globs, and the progress
 * reporter (a bar on a terminal, JSON lines with --json, nothing otherwise).
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { UsageError } from "../src/cli/args.js";
import { compileGlobs, configFor, findConfig, loadConfig, mergeConfig, resolveOptions } from "../src/cli/config.js";
import { ProgressReporter, progressMode } from "../src/cli/progress.js";
import { run } from "../src/cli/run.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "aws2ali-cfg-"));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    if (!path.endsWith("/")) writeFileSync(join(root, path), text);
  }
  return root;
}

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = run(argv, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

const VPC = `resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n`;
const VERSIONS = `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n`;

describe(".aws2ali.yaml lookup", () => {
  test("found from SRC upwards, the nearest first, stopping at the git root", () => {
    const root = tree({ "outer/.aws2ali.yaml": "region: cn-beijing\n", "outer/repo/.git/HEAD": "ref: refs/heads/main\n", "outer/repo/infra/aws/main.tf": VPC });
    // Above the git root: not read.
    expect(findConfig(join(root, "outer/repo/infra/aws"))).toBeNull();
    writeFileSync(join(root, "outer/repo/.aws2ali.yaml"), "region: cn-hangzhou\n");
    expect(findConfig(join(root, "outer/repo/infra/aws"))).toBe(join(root, "outer/repo/.aws2ali.yaml"));
    writeFileSync(join(root, "outer/repo/infra/.aws2ali.yaml"), "region: cn-shanghai\n");
    expect(findConfig(join(root, "outer/repo/infra/aws"))).toBe(join(root, "outer/repo/infra/.aws2ali.yaml"));
    expect(configFor(join(root, "outer/repo/infra/aws"), {}).values.region).toBe("cn-shanghai");
    expect(configFor(join(root, "outer/repo/infra/aws"), { "no-config": true }).path).toBeNull();
    expect(configFor(join(root, "outer/repo/infra/aws"), { config: join(root, "outer/.aws2ali.yaml") }).values.region).toBe("cn-beijing");
    expect(() => configFor(root, { config: join(root, "nope.yaml") })).toThrow(/--config: no such file/);
  });

  test("a worktree's .git file marks the root too", () => {
    const root = tree({ ".aws2ali.yaml": "region: cn-beijing\n", "repo/.git": "gitdir: /elsewhere\n", "repo/src/main.tf": VPC });
    expect(findConfig(join(root, "repo/src"))).toBeNull();
  });
});

describe(".aws2ali.yaml contents", () => {
  test("every option; paths relative to the file", () => {
    const root = tree({
      "repo/.git/HEAD": "",
      "repo/.aws2ali.yaml": ["region: cn-hangzhou", "resource-group: shop-rg", 'provider-version: "~> 1.300"', "mappings: rules/extra", "ignore:", '  - "legacy/**"', '  - "*.bak.tf"', "fail-on: partial", "ram-policy-limit: 50", "max-file-size: 2", "provider-schema: schema.json", ""].join("\n"),
    });
    const c = loadConfig(join(root, "repo/.aws2ali.yaml"));
    expect(c.values).toEqual({
      region: "cn-hangzhou",
      "resource-group": "shop-rg",
      "provider-version": "~> 1.300",
      mappings: join(root, "repo/rules/extra"),
      ignore: ["legacy/**", "*.bak.tf"],
      "fail-on": "partial",
      "ram-policy-limit": "50",
      "max-file-size": "2",
      "provider-schema": join(root, "repo/schema.json"),
    });
  });

  test("unknown keys and wrong values are usage errors naming the file", () => {
    const bad = (yaml: string) => {
      const root = tree({ ".aws2ali.yaml": yaml });
      return () => loadConfig(join(root, ".aws2ali.yaml"));
    };
    expect(bad("regoin: cn-hangzhou\n")).toThrow(/\.aws2ali\.yaml: unknown key 'regoin' \(known: region, /);
    expect(bad("fail-on: sometimes\n")).toThrow(/'fail-on' takes partial or manual/);
    expect(bad("ignore: 3\n")).toThrow(/'ignore' takes a list of glob patterns/);
    expect(bad("max-file-size: -1\n")).toThrow(/greater than 0/);
    expect(bad("- a\n- b\n")).toThrow(/expected a mapping/);
    expect(bad("region: [unclosed\n")).toThrow(UsageError);
    expect(loadConfig(join(tree({ ".aws2ali.yaml": "# only a comment\n" }), ".aws2ali.yaml")).values).toEqual({});
  });

  test("flags win; ignore globs add up", () => {
    const merged = mergeConfig({ region: "cn-beijing", ignore: ["b/**"], quiet: undefined }, { path: "x", values: { region: "cn-hangzhou", "resource-group": "rg", ignore: ["a/**"] } });
    expect(merged).toEqual({ region: "cn-beijing", "resource-group": "rg", ignore: ["a/**", "b/**"] });
  });

  test("resolveOptions: config values reach the pipeline's settings", () => {
    const root = tree({ ".git/HEAD": "", ".aws2ali.yaml": "region: cn-hangzhou\nresource-group: shop-rg\nignore: [legacy/]\n", "main.tf": VPC });
    const { options } = resolveOptions({}, root);
    expect(options.settings.defaultRegion).toBe("cn-hangzhou");
    expect(options.settings.resourceGroupName).toBe("shop-rg");
    expect(options.ignoreGlobs).toEqual(["legacy/"]);
    expect(options.ignore!("legacy/old.tf")).toBe(true);
    expect(options.ignore!("main.tf")).toBe(false);
    const flagged = resolveOptions({ "resource-group": "cli-rg" }, root).options;
    expect(flagged.settings.resourceGroupName).toBe("cli-rg");
  });

  test("end to end: the resource group, provider pin and fail-on come from the file", () => {
    const root = tree({ ".git/HEAD": "", ".aws2ali.yaml": 'resource-group: shop-rg\nprovider-version: "~> 1.300"\nfail-on: manual\n', "infra/main.tf": VPC, "infra/versions.tf": VERSIONS, "infra/gw.tf": `resource "aws_internet_gateway" "gw" {\n  vpc_id = aws_vpc.main.id\n}\n` });
    const diff = cli("diff", join(root, "infra"));
    expect(diff.out).toContain('+  resource_group_name = "shop-rg"');
    expect(diff.out).toContain('+      version = "~> 1.300"');
    expect(cli("diff", join(root, "infra"), "--resource-group", "flag-rg").out).toContain('+  resource_group_name = "flag-rg"');
    const plan = cli("plan", join(root, "infra"));
    expect(plan.code).toBe(1);
    expect(plan.err).toContain("--fail-on manual");
    expect(cli("plan", join(root, "infra"), "--no-config").code).toBe(0);
  });

  test("end to end: ignored files are not translated", () => {
    const root = tree({ ".git/HEAD": "", ".aws2ali.yaml": "ignore: [legacy/]\n", "main.tf": VPC, "legacy/old.tf": VPC.replace("main", "old") });
    const plan = cli("plan", root, "--format", "json");
    expect(JSON.parse(plan.out).items.map((i: { address: string }) => i.address)).toEqual(["aws_vpc.main"]);
  });
});

describe("ignore globs", () => {
  test.each([
    ["legacy/**", "legacy/a.tf", true],
    ["legacy/**", "legacy", true],
    ["legacy/**", "x/legacy/a.tf", false],
    ["legacy/", "legacy/deep/a.tf", true],
    ["/legacy", "legacy/a.tf", true],
    ["*.bak.tf", "a.bak.tf", true],
    ["*.bak.tf", "mod/x/a.bak.tf", true],
    ["*.bak.tf", "a.tf", false],
    ["modules/*/test.tf", "modules/vpc/test.tf", true],
    ["modules/*/test.tf", "modules/vpc/x/test.tf", false],
    ["**/test.tf", "test.tf", true],
    ["**/test.tf", "a/b/test.tf", true],
    ["env-{dev,qa}/**", "env-qa/main.tf", true],
    ["env-{dev,qa}/**", "env-prod/main.tf", false],
    ["file?.tf", "file1.tf", true],
    ["file[0-9].tf", "file7.tf", true],
    ["file[!0-9].tf", "file7.tf", false],
    ["a.b.tf", "axb.tf", false],
  ])("%s matches %s: %s", (glob, path, want) => {
    expect(compileGlobs([glob])(path)).toBe(want);
  });
});

describe("progress", () => {
  test("mode: a bar only on a terminal (main.ts says no terminal when CI is set); --quiet and --json win", () => {
    expect(progressMode({ out: () => {}, err: () => {}, tty: true }, {})).toBe("bar");
    expect(progressMode({ out: () => {}, err: () => {}, tty: false }, {})).toBe("off");
    expect(progressMode({ out: () => {}, err: () => {}, tty: true }, { quiet: true })).toBe("off");
    expect(progressMode({ out: () => {}, err: () => {}, tty: false }, { json: true })).toBe("json");
    expect(progressMode({ out: () => {}, err: () => {}, tty: true }, { json: true, quiet: true })).toBe("off");
  });

  test("the bar: files done / total, rate, fitted to the terminal, throttled, cleared at the end", () => {
    let t = 1000;
    const writes: string[] = [];
    const p = new ProgressReporter((s) => writes.push(s), "bar", { now: () => t, columns: 100, interval: 100 });
    p.onStage("discover", { files: new Array(40).fill({}) });
    expect(writes.at(-1)).toBe("\r\u001b[2K" + "aws2ali reading [" + "░".repeat(30) + "] 0/40 files");
    t += 10;
    p.onProgress({ done: 1, total: 40, path: "a.tf", bytes: 1000 });
    expect(writes.length).toBe(2);
    t += 10;
    p.onProgress({ done: 2, total: 40, path: "b.tf", bytes: 1000 });
    expect(writes.length).toBe(2); // within the interval: not redrawn
    t = 3000;
    p.onProgress({ done: 20, total: 40, path: "modules/network/very/long/path/that/will/not/fit/main.tf", bytes: 1000 });
    const line = writes.at(-1)!.replace("\r\u001b[2K", "");
    expect(line).toMatch(/^aws2ali reading \[█+░+\] 20\/40 files {2}10\.0 files\/s/);
    expect(line.length).toBeLessThanOrEqual(99);
    expect(line.endsWith("…")).toBe(true);
    t = 3001;
    p.onProgress({ done: 40, total: 40, path: "z.tf", bytes: 1000 });
    expect(writes.at(-1)).toContain("[" + "█".repeat(30) + "] 40/40 files"); // the last one is always drawn
    p.onStage("transform", {});
    expect(writes.at(-1)).toMatch(/aws2ali transform… 40\/40 files read in 2\.0 s, 20\.0 files\/s, 0\.0 MB/);
    p.finish();
    expect(writes.at(-1)).toBe("\r\u001b[2K");
    // A narrow terminal: the bar shrinks, the path goes, nothing wraps.
    const narrow = new ProgressReporter(() => {}, "bar", { now: () => t, columns: 60 });
    expect(narrow.barLine({ done: 5, total: 10, path: "main.tf" }).length).toBeLessThanOrEqual(59);
  });

  test("JSON lines: one per whole percent, and the last", () => {
    const writes: string[] = [];
    const p = new ProgressReporter((s) => writes.push(s), "json");
    p.onStage("discover", { files: new Array(300).fill({}) });
    for (let k = 1; k <= 300; k++) p.onProgress({ done: k, total: 300, path: `f${k}.tf`, bytes: 1 });
    p.finish();
    const events = writes.map((w) => JSON.parse(w));
    expect(events[0]).toEqual({ event: "progress", stage: "discover", done: 0, total: 300 });
    expect(events.length).toBe(1 + 101); // the discover event, then 0 %, 1 %, …, 100 %
    expect(events.at(-1)).toEqual({ event: "progress", stage: "read", done: 300, total: 300, path: "f300.tf" });
  });

  test("off: nothing at all", () => {
    const writes: string[] = [];
    const p = new ProgressReporter((s) => writes.push(s), "off");
    p.onStage("discover", { files: [1] });
    p.onProgress({ done: 1, total: 1 });
    p.onStage("transform", {});
    p.finish();
    expect(writes).toEqual([]);
  });
});
