/**
 * The pull-request comment never exceeds GitHub's 65,536 characters: on a
 * synthetic tree far too large for one comment, whole files' diffs are left
 * out and named; a huge list of findings is shortened; a diff that holds
 * backticks cannot close its fence.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { run } from "../src/cli/run.js";
import { emptyByStatus, type Report, type ReportItem } from "../src/report/model.js";
import { PR_COMMENT_LIMIT, PR_COMMENT_MARKER, renderPrComment, type FileDiff } from "../src/report/pr-comment.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** `files` folders' worth of VPCs, subnets, gateways and buckets: a few hundred KB of diff. */
function largeTree(files: number): string {
  const root = mkdtempSync(join(tmpdir(), "aws2ali-large-"));
  dirs.push(root);
  for (let f = 0; f < files; f++) {
    const blocks: string[] = [];
    for (let k = 0; k < 12; k++) {
      blocks.push(`# Network ${f}-${k}: kept as it is.\nresource "aws_vpc" "v${k}" {\n  cidr_block           = "10.${k}.0.0/16"\n  enable_dns_support   = true\n  enable_dns_hostnames = true\n  tags = { Name = "vpc-${f}-${k}" }\n}\n`);
      blocks.push(`resource "aws_subnet" "s${k}" {\n  vpc_id                  = aws_vpc.v${k}.id\n  cidr_block              = "10.${k}.1.0/24"\n  availability_zone       = "eu-central-1a"\n  map_public_ip_on_launch = true\n}\n`);
      blocks.push(`resource "aws_internet_gateway" "g${k}" {\n  vpc_id = aws_vpc.v${k}.id\n}\n`);
    }
    mkdirSync(join(root, `stack${String(f).padStart(3, "0")}`), { recursive: true });
    writeFileSync(join(root, `stack${String(f).padStart(3, "0")}`, "main.tf"), blocks.join("\n"));
  }
  return root;
}

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = run(argv, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

/** Every <details> closed, every fence closed, in order. */
function wellFormed(md: string): void {
  expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
  const fences = md.split("\n").filter((l) => /^`{3,}/.test(l));
  expect(fences.length % 2).toBe(0);
  for (let i = 0; i < fences.length; i += 2) {
    const open = /^`+/.exec(fences[i]!)![0];
    expect(fences[i + 1]).toBe(open);
  }
}

describe("the 65,536-character limit", () => {
  test("a tree too large for one comment: whole files left out and named", () => {
    const src = largeTree(40);
    const unified = cli("diff", src, "--no-config", "--quiet").out;
    expect(unified.length).toBeGreaterThan(3 * PR_COMMENT_LIMIT);
    const r = cli("diff", src, "--format", "markdown", "--no-config", "--quiet");
    expect(r.code).toBe(0);
    const md = r.out;
    expect(md.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(md.length).toBeGreaterThan(PR_COMMENT_LIMIT * 0.6); // it uses the room it has
    expect(md.startsWith(PR_COMMENT_MARKER)).toBe(true);
    wellFormed(md);
    const all = [...unified.matchAll(/^\+\+\+ b\/(.*)$/gm)].map((m) => m[1]!);
    const shown = [...md.matchAll(/<summary><code>(.*?)<\/code>/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(all.slice(0, shown.length));
    const left = all.length - shown.length;
    expect(left).toBeGreaterThan(0);
    expect(md).toContain(`**${left} files left out** to keep this comment under GitHub's 65,536-character limit: \`${all[shown.length]}\``);
    expect(md).toMatch(/ and \d+ more\. Run `aws2ali diff \S+` to see the whole translation\./);
    // Each file shown is shown whole: its patch in the comment is the file's patch in the unified diff.
    const byPath = new Map(unified.split(/(?=^--- (?:a\/|\/dev\/null\n))/m).map((p) => [/^\+\+\+ b\/(.*)$/m.exec(p)![1]!, p]));
    for (const path of shown) expect(md).toContain("```diff\n" + byPath.get(path)! + "```\n");
    // The findings were shortened to fit too (12 manual and 12 partial blocks per file).
    expect(md).toMatch(/- … and \d+ more: see the full report/);
  });

  test("a smaller limit is honoured the same way", () => {
    const report = fakeReport(3);
    const diffs: FileDiff[] = Array.from({ length: 30 }, (_, i) => ({ path: `f${i}.tf`, patch: `--- a/f${i}.tf\n+++ b/f${i}.tf\n@@ -1,1 +1,1 @@\n-${"x".repeat(500)}\n+${"y".repeat(500)}\n`, added: false }));
    for (const limit of [4000, 10_000, 20_000]) {
      const md = renderPrComment(report, diffs, { limit });
      expect(md.length).toBeLessThanOrEqual(limit);
      wellFormed(md);
      expect(md).toContain("files left out");
    }
    expect(renderPrComment(report, diffs)).not.toContain("left out");
  });

  test("5,000 findings are shortened to leave room for the diff", () => {
    const md = renderPrComment(fakeReport(5000), [{ path: "main.tf", patch: "--- a/main.tf\n+++ b/main.tf\n@@ -1,1 +1,1 @@\n-a\n+b\n", added: false }]);
    expect(md.length).toBeLessThanOrEqual(PR_COMMENT_LIMIT);
    expect(md).toMatch(/#### Needs a person \(5000\)/);
    expect(md).toMatch(/- … and \d+ more/);
    expect(md).toContain("<code>main.tf</code> — +1 −1");
    wellFormed(md);
  });
});

describe("the comment's content", () => {
  test("a diff holding backticks gets a longer fence", () => {
    const patch = "--- a/x.tf\n+++ b/x.tf\n@@ -1,3 +1,3 @@\n description = <<EOT\n-```sh\n+````sh\n EOT\n";
    const md = renderPrComment(fakeReport(0), [{ path: "x.tf", patch, added: false }]);
    expect(md).toContain("`````diff\n" + patch + "`````\n");
    wellFormed(md);
  });

  test("new files are labelled, markup in findings is escaped", () => {
    const report = fakeReport(1);
    report.items[0]!.manual = { reason: "Use <b>alicloud</b> | pipes", action: "Do it.", effortHours: 1 };
    const md = renderPrComment(report, [{ path: "aws2ali-inputs.tf", patch: "--- /dev/null\n+++ b/aws2ali-inputs.tf\n@@ -0,0 +1,1 @@\n+x\n", added: true }]);
    expect(md).toContain("<code>aws2ali-inputs.tf</code> — new file");
    expect(md).toContain("Use &lt;b&gt;alicloud&lt;/b&gt; \\| pipes");
  });

  test("nothing to say: still a valid comment", () => {
    const md = renderPrComment(fakeReport(0), []);
    expect(md).toContain("Nothing needs a person.");
    expect(md).toContain("#### Translation (0 files)");
  });
});

function fakeReport(manualItems: number): Report {
  const items: ReportItem[] = Array.from({ length: manualItems }, (_, i) => ({
    address: `aws_internet_gateway.g${i}`,
    awsType: "aws_internet_gateway",
    service: "VPC",
    module: "",
    file: `f${i % 30}.tf`,
    line: 1 + i,
    column: 1,
    status: "manual",
    targets: [],
    changes: [],
    injected: [],
    manual: { reason: "An Alibaba Cloud VPC needs no gateway object for internet access.", action: "Usually nothing: give public instances a public IP or an EIP.", effortHours: 0.5 },
  }));
  const byStatus = { ...emptyByStatus(), manual: manualItems };
  return {
    tool: { name: "aws2ali", version: "0.1.0" },
    provider: { source: "aliyun/alicloud", version: "1.289.0" },
    summary: { files: 30, filesFailed: 0, blocks: manualItems, byStatus, byService: manualItems ? { VPC: byStatus } : {}, readiness: manualItems ? 0 : 100, schemaFindings: 0 },
    items,
    decisions: [],
    diagnostics: [],
    generatedFiles: [],
  };
}
