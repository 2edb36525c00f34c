/**
 * The workflow commands' contracts: plan, diff, check and report, run through
 * the CLI's run() on small trees written to temp folders (and the web shop
 * corpus): formats, exit codes, what goes to stdout and stderr.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { UsageError } from "../src/cli/args.js";
import { run } from "../src/cli/run.js";
import type { Report } from "../src/report/model.js";

const WEBSHOP = join(__dirname, "..", "corpus", "11-webshop", "input");

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix = "aws2ali-wf-"): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

function tree(files: Record<string, string>, root = tempDir()): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

interface Ran {
  code: number;
  out: string;
  err: string;
}

function cli(...argv: string[]): Ran {
  let out = "";
  let err = "";
  const code = run(argv, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

const NETWORK = `# The network of the stack.
# Kept comment: it must survive the translation untouched.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16" # the whole VPC
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
`;

const MANUAL = `resource "aws_internet_gateway" "gw" {
  vpc_id = aws_vpc.main.id
}
`;

const PROVIDER = `provider "aws" {
  region = "eu-central-1"
}
`;

describe("plan", () => {
  test("text: one line per block, grouped by file, then totals; exit 0", () => {
    const src = tree({ "network.tf": NETWORK, "gateway.tf": MANUAL, "providers.tf": PROVIDER });
    const r = cli("plan", src, "--no-config");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines).toContain("network.tf");
    expect(lines).toContain("gateway.tf");
    const vpc = lines.find((l) => l.trim().startsWith("aws_vpc.main"))!;
    expect(vpc).toMatch(/aws_vpc\.main\s+→ alicloud_vpc\.main\s+translated/);
    const gw = lines.find((l) => l.trim().startsWith("aws_internet_gateway.gw"))!;
    expect(gw).toMatch(/→ \(nothing\)\s+manual\s+\S/);
    // Files in order, each followed by its blocks.
    expect(lines.indexOf("gateway.tf")).toBeLessThan(lines.indexOf("network.tf"));
    expect(r.out).toMatch(/\d+ AWS blocks in 3 files: \d+ translated, \d+ partial, 1 manual/);
    expect(r.out).toMatch(/Readiness \d+\/100/);
  });

  test("the first finding of a partial block is a warning", () => {
    const src = tree({ "subnet.tf": `resource "aws_subnet" "public" {\n  vpc_id                  = "vpc-1"\n  cidr_block              = "10.0.0.0/24"\n  availability_zone       = "eu-central-1a"\n  map_public_ip_on_launch = true\n}\n` });
    const r = cli("plan", src, "--no-config");
    const line = r.out.split("\n").find((l) => l.trim().startsWith("aws_subnet.public"))!;
    expect(line).toContain("partial");
    expect(line).toContain("map_public_ip_on_launch:");
  });

  test("json: the report model", () => {
    const src = tree({ "network.tf": NETWORK });
    const r = cli("plan", src, "--format", "json", "--no-config");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.tool.name).toBe("aws2ali");
    expect(report.items.map((i) => i.address)).toEqual(["aws_vpc.main", "aws_subnet.a"]);
    expect(report.summary.blocks).toBe(2);
  });

  test("--fail-on: manual fails only on manual blocks, partial on partial or manual", () => {
    // A subnet that names no zone is partial (aws2ali picks one and says so): the clean tree names it.
    const clean = tree({ "network.tf": NETWORK.replace('cidr_block = "10.0.1.0/24"', 'cidr_block = "10.0.1.0/24"\n  availability_zone = data.aws_availability_zones.all.names[0]') + '\ndata "aws_availability_zones" "all" {}\n' });
    expect(cli("plan", clean, "--fail-on", "manual", "--no-config").code).toBe(0);
    expect(cli("plan", clean, "--fail-on", "partial", "--no-config").code).toBe(0);
    const withManual = tree({ "network.tf": NETWORK, "gateway.tf": MANUAL });
    const r = cli("plan", withManual, "--fail-on", "manual", "--no-config");
    expect(r.code).toBe(1);
    expect(r.err).toContain("--fail-on manual: 1 block(s)");
    expect(cli("plan", withManual, "--fail-on", "partial", "--no-config").code).toBe(1);
    // A partial block (a dropped argument that needs a person) and no manual one.
    const partial = tree({ "subnet.tf": `resource "aws_subnet" "p" {\n  vpc_id                  = "vpc-1"\n  cidr_block              = "10.0.0.0/24"\n  map_public_ip_on_launch = true\n}\n` });
    expect(cli("plan", partial, "--fail-on", "manual", "--no-config").code).toBe(0);
    expect(cli("plan", partial, "--fail-on", "partial", "--no-config").code).toBe(1);
    expect(cli("plan", partial, "--no-config").code).toBe(0);
  });

  test("a file that cannot be parsed: exit 1, named in the plan", () => {
    const src = tree({ "network.tf": NETWORK, "broken.tf": `resource "aws_vpc" "x" {\n  cidr_block = \n` });
    const r = cli("plan", src, "--no-config");
    expect(r.code).toBe(1);
    expect(r.out).toContain("broken.tf\n  (not translated");
    expect(r.err).toMatch(/broken\.tf:\d+:\d+: error/);
  });

  test("usage errors", () => {
    expect(() => cli("plan")).toThrow(UsageError);
    expect(() => cli("plan", WEBSHOP, "--format", "yaml")).toThrow(/--format takes text or json/);
    expect(() => cli("plan", WEBSHOP, "--fail-on", "translated")).toThrow(/--fail-on takes partial or manual/);
    expect(() => cli("plan", join(tempDir(), "nope"))).toThrow(/source folder not found/);
  });

  test("writes nothing anywhere", () => {
    const src = tree({ "network.tf": NETWORK });
    cli("plan", src, "--no-config");
    expect(execFileSync("ls", ["-A", src], { encoding: "utf8" }).trim().split("\n")).toEqual(["network.tf"]);
  });
});

describe("diff", () => {
  test("unified: a/ and b/ headers, hunks with context; a kept comment is never shown as changed", () => {
    const src = tree({ "network.tf": NETWORK });
    const r = cli("diff", src, "--no-config");
    expect(r.code).toBe(0);
    expect(r.out).toContain("--- a/network.tf\n+++ b/network.tf\n@@ ");
    expect(r.out).toContain("\n-resource \"aws_vpc\" \"main\" {\n");
    expect(r.out).toContain("\n+resource \"alicloud_vpc\" \"main\" {\n");
    // The comments are context lines (a leading space), never removed or added.
    expect(r.out).toMatch(/\n # The network of the stack\.\n|^--- a\/network\.tf/m);
    for (const line of r.out.split("\n")) {
      if (line.startsWith("---") || line.startsWith("+++")) continue;
      expect(line).not.toMatch(/^[-+]# (The network|Kept comment)/);
    }
    expect(r.out).toContain("\n # Kept comment: it must survive the translation untouched.\n");
  });

  test("new files diff against /dev/null", () => {
    const r = cli("diff", WEBSHOP, "--no-config");
    expect(r.out).toContain("--- /dev/null\n+++ b/aws2ali-resource-group.tf\n@@ -0,0 +1,");
    expect(r.out).toContain("--- a/network.tf\n+++ b/network.tf\n");
    // Every file header is followed by a hunk.
    const headers = r.out.match(/^\+\+\+ b\/.*$/gm)!;
    expect(headers.length).toBeGreaterThan(5);
    expect((r.out.match(/^@@ /gm) ?? []).length).toBeGreaterThanOrEqual(headers.length);
  });

  test("unchanged files are left out", () => {
    const src = tree({ "network.tf": NETWORK, "variables.tf": `variable "x" {\n  type = string\n}\n` });
    const r = cli("diff", src, "--no-config");
    expect(r.out).not.toContain("variables.tf");
  });

  test("markdown: the pull-request comment", () => {
    const r = cli("diff", WEBSHOP, "--format", "markdown", "--no-config");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("<!-- aws2ali-pr-comment -->\n")).toBe(true);
    const report = JSON.parse(cli("plan", WEBSHOP, "--format", "json", "--no-config", "--quiet").out) as Report;
    const s = report.summary;
    expect(r.out).toContain(`| **${s.readiness}/100** | ${s.byStatus.translated} | ${s.byStatus.partial} | ${s.byStatus.manual} | ${Object.keys(s.byService).length} | ${s.schemaFindings} |`);
    expect(r.out).toContain("#### Needs a person");
    expect(r.out).toContain("**to do** `aws_internet_gateway.main`");
    expect(r.out).toContain("<details><summary><code>network.tf</code>");
    expect(r.out).toContain("```diff\n--- a/network.tf\n+++ b/network.tf\n");
    expect((r.out.match(/<details>/g) ?? []).length).toBe((r.out.match(/<\/details>/g) ?? []).length);
    expect(r.out.length).toBeLessThanOrEqual(65_536);
  });

  test("--base REF: only the Terraform files changed since the ref", () => {
    const repo = tempDir("aws2ali-git-");
    const src = tree({ "infra/network.tf": NETWORK, "infra/gateway.tf": MANUAL, "README.md": "x\n" }, repo);
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "init.defaultBranch=main", ...args], { cwd: repo, stdio: "pipe" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    writeFileSync(join(src, "infra/gateway.tf"), MANUAL.replace("gw", "gw2"));
    writeFileSync(join(src, "infra/new.tf"), `resource "aws_vpc" "other" {\n  cidr_block = "10.9.0.0/16"\n}\n`);
    const unified = cli("diff", join(src, "infra"), "--base", "HEAD", "--no-config");
    expect(unified.code).toBe(0);
    const files = unified.out.match(/^\+\+\+ b\/(.*)$/gm)!.map((l) => l.slice(6));
    expect(files.sort()).toEqual(["gateway.tf", "new.tf"]);
    const md = cli("diff", join(src, "infra"), "--base", "HEAD", "--format", "markdown", "--no-config");
    expect(md.out).toContain("of the files changed since `HEAD`");
    expect(md.out).not.toContain("<code>network.tf</code>");
    expect(md.out).toContain("<code>gateway.tf</code>");
    // The summary counts the changed files' blocks only: gw2 (manual) and aws_vpc.other.
    expect(md.out).toMatch(/\| \*\*50\/100\*\* \| 1 \| 0 \| 1 \|/);
    expect(() => cli("diff", join(src, "infra"), "--base", "no-such-ref", "--no-config")).toThrow(/no such commit/);
  });

  test("--base outside a git repository is a clear usage error", () => {
    const src = tree({ "network.tf": NETWORK });
    expect(() => cli("diff", src, "--base", "HEAD", "--no-config")).toThrow(/--base needs SRC to be inside a git repository/);
  });

  test("usage errors", () => {
    expect(() => cli("diff", WEBSHOP, "--format", "html")).toThrow(/--format takes unified or markdown/);
    expect(() => cli("diff")).toThrow(UsageError);
  });
});

describe("check", () => {
  test("identical: exit 0; stale after a hand edit, a source change or a removed file: exit 1 with a diff", () => {
    const src = tree({ "network.tf": NETWORK, "gateway.tf": MANUAL });
    const out = join(tempDir(), "alicloud");
    expect(cli("migrate", src, "--out", out).code).toBe(0);
    const fresh = cli("check", src, "--against", out, "--no-config");
    expect(fresh.code).toBe(0);
    expect(fresh.out).toBe("");
    expect(fresh.err).toMatch(/is up to date: its \d+ file\(s\) match/);

    // A hand edit of the committed translation.
    const edited = readFileSync(join(out, "network.tf"), "utf8").replace('cidr_block = "10.0.1.0/24"', 'cidr_block = "10.0.2.0/24"');
    writeFileSync(join(out, "network.tf"), edited);
    const hand = cli("check", src, "--against", out, "--no-config");
    expect(hand.code).toBe(1);
    expect(hand.out).toContain("--- a/network.tf\n+++ b/network.tf\n@@ ");
    expect(hand.out).toMatch(/\n-\s+cidr_block = "10\.0\.2\.0\/24"\n\+\s+cidr_block = "10\.0\.1\.0\/24"\n/);
    expect(hand.err).toContain("is stale or was edited by hand: 1 differ");

    // Back in step, then a change to the source.
    expect(cli("migrate", src, "--out", out).code).toBe(0);
    expect(cli("check", src, "--against", out, "--no-config").code).toBe(0);
    writeFileSync(join(src, "network.tf"), NETWORK.replace("10.0.0.0/16", "10.1.0.0/16"));
    const changed = cli("check", src, "--against", out, "--no-config");
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/\n-\s+cidr_block\s+= "10\.0\.0\.0\/16" # the whole VPC\n\+\s+cidr_block\s+= "10\.1\.0\.0\/16" # the whole VPC\n/);
    // The reports do not mention the CIDR: only the translated file differs.
    expect(changed.out.match(/^\+\+\+ /gm)!.length).toBe(1);

    // A removed source file: its translation and the reports are stale.
    expect(cli("migrate", src, "--out", out).code).toBe(0);
    unlinkSync(join(src, "gateway.tf"));
    const removed = cli("check", src, "--against", out, "--no-config");
    expect(removed.code).toBe(1);
    expect(removed.out).toContain("--- a/gateway.tf\n+++ /dev/null\n");
    expect(removed.out).toContain("+++ b/aws2ali-report.json");
    expect(removed.err).toContain("1 no longer produced");
  });

  test("a deleted report file counts as missing; the manifest is not compared", () => {
    const src = tree({ "network.tf": NETWORK });
    const out = join(tempDir(), "alicloud");
    cli("migrate", src, "--out", out);
    writeFileSync(join(out, ".aws2ali-manifest.json"), '{"tool":"aws2ali","files":["network.tf","aws2ali-report.json","aws2ali-report.md"]}\n');
    expect(cli("check", src, "--against", out, "--no-config").code).toBe(0);
    unlinkSync(join(out, "aws2ali-report.md"));
    const r = cli("check", src, "--against", out, "--no-config");
    expect(r.code).toBe(1);
    expect(r.out).toContain("--- /dev/null\n+++ b/aws2ali-report.md\n");
    expect(r.err).toContain("1 missing");
  });

  test("files aws2ali never wrote are ignored", () => {
    const src = tree({ "network.tf": NETWORK });
    const out = join(tempDir(), "alicloud");
    cli("migrate", src, "--out", out);
    writeFileSync(join(out, "README.md"), "hand-written notes\n");
    writeFileSync(join(out, ".terraform.lock.hcl"), "# lock\n");
    expect(cli("check", src, "--against", out, "--no-config").code).toBe(0);
  });

  test("the web shop: a fresh migration is up to date", () => {
    const out = join(tempDir(), "webshop");
    cli("migrate", WEBSHOP, "--out", out);
    expect(cli("check", WEBSHOP, "--against", out, "--no-config", "--quiet")).toEqual({ code: 0, out: "", err: "" });
  });

  test("usage errors", () => {
    expect(() => cli("check", WEBSHOP)).toThrow(/check needs --against DIR/);
    expect(() => cli("check", WEBSHOP, "--against", join(tempDir(), "missing"))).toThrow(/--against: no such folder/);
  });
});

describe("report", () => {
  test("json: the report model; md: the Markdown report with the effort and the graph", () => {
    const json = cli("report", WEBSHOP, "--format", "json", "--no-config", "--quiet");
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as Report;
    expect(report.summary.blocks).toBe(report.items.filter((i) => i.awsType.startsWith("aws_")).length);
    expect(report.summary.blocks).toBeGreaterThan(30);
    const md = cli("report", WEBSHOP, "--format", "md", "--no-config", "--quiet");
    expect(md.out).toContain("# aws2ali migration report");
    expect(md.out).toContain("## How readiness is computed");
    expect(md.out).toMatch(/\| \*\*total\*\* \| \*\*\d+\*\* \| \*\*~[\d.]+ h\*\* \|/);
    expect(md.out).toContain("```mermaid\nflowchart LR\n");
  });

  test("html and sarif to stdout; --out writes a file, the format following its extension", () => {
    const html = cli("report", WEBSHOP, "--format", "html", "--no-config", "--quiet");
    expect(html.out.startsWith("<!doctype html>")).toBe(true);
    const sarif = cli("report", WEBSHOP, "--format", "sarif", "--no-config", "--quiet");
    expect(JSON.parse(sarif.out).version).toBe("2.1.0");
    const dir = tempDir();
    const r = cli("report", WEBSHOP, "--out", join(dir, "nested", "report.html"), "--no-config");
    expect(r.out).toBe("");
    expect(r.err).toContain("html report written to");
    expect(readFileSync(join(dir, "nested", "report.html"), "utf8")).toContain("<svg class=\"chart\"");
    cli("report", WEBSHOP, "--out", join(dir, "r.sarif"), "--no-config");
    expect(JSON.parse(readFileSync(join(dir, "r.sarif"), "utf8")).runs[0].tool.driver.name).toBe("aws2ali");
  });

  test("sarif URIs are relative to the repository root", () => {
    const sarif = JSON.parse(cli("report", WEBSHOP, "--format", "sarif", "--no-config", "--quiet").out);
    const uris = new Set<string>(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    const inRepo = existsSync(join(__dirname, "..", ".git"));
    for (const u of uris) expect(u).toMatch(inRepo ? /^corpus\/11-webshop\/input\/[\w./-]+\.tf$/ : /^[\w./-]+\.tf$/);
    const prefixed = JSON.parse(cli("report", WEBSHOP, "--format", "sarif", "--uri-prefix", "infra/aws", "--no-config", "--quiet").out);
    expect(prefixed.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^infra\/aws\//);
  });

  test("usage errors", () => {
    expect(() => cli("report", WEBSHOP, "--format", "pdf")).toThrow(/--format takes one of: html, md, json, sarif/);
  });
});

describe("machines", () => {
  test("on a pipe: no progress bar, diagnostics and one summary line on stderr", () => {
    const r = cli("diff", WEBSHOP, "--no-config");
    expect(r.err).not.toContain("\r");
    expect(r.err).not.toContain("\u001b[");
    expect(r.err).toMatch(/aws2ali: \d+ AWS blocks: .* readiness \d+\/100/);
  });

  test("--quiet: nothing on stderr", () => {
    expect(cli("diff", WEBSHOP, "--no-config", "--quiet").err).toBe("");
    expect(cli("report", WEBSHOP, "--format", "json", "--no-config", "-q").err).toBe("");
  });

  test("--json: JSON lines on stderr, progress then a summary", () => {
    const r = cli("report", WEBSHOP, "--format", "json", "--no-config", "--json");
    const events = r.err.trim().split("\n").map((l) => JSON.parse(l) as { event: string; stage?: string; done?: number; total?: number; blocks?: number; command?: string });
    const files = execFileSync("find", [WEBSHOP, "-name", "*.tf", "-o", "-name", "*.tfvars"], { encoding: "utf8" }).trim().split("\n").length;
    const blocks = (JSON.parse(r.out) as Report).summary.blocks;
    expect(events[0]).toMatchObject({ event: "progress", stage: "discover", done: 0, total: files });
    expect(events.filter((e) => e.event === "progress" && e.stage === "read").at(-1)).toMatchObject({ done: files, total: files });
    expect(events.at(-1)).toMatchObject({ event: "summary", command: "report", blocks });
  });
});
