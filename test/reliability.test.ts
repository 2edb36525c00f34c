/**
 * Bad input, no data loss, determinism, no secrets: the CLI is run as a
 * user runs it (the built dist/cli/main.js in a child process) over trees
 * with broken, binary, huge and hostile files next to good ones.
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;
const CLI = join(ROOT, "dist/cli/main.js");
const GOOD = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';

beforeAll(() => {
  // The tests exercise the CLI exactly as installed: build it once.
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}, 120_000);

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "aws2ali-rel-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, CI: "1", ...env }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function hashTree(dir: string): string {
  const h = createHash("sha256");
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      h.update(relative(dir, p));
      if (st.isDirectory()) walk(p);
      else h.update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest("hex");
}

function outDir(): string {
  return join(mkdtempSync(join(tmpdir(), "aws2ali-out-")), "out");
}

const BAD_INPUTS: Array<[string, string | Buffer, RegExp]> = [
  ["unterminated string", 'resource "aws_vpc" "x" {\n  cidr_block = "10.0.0.0/16\n}\n', /^bad\.tf:2:\d+: error: Invalid multi-line string$/m],
  ["unbalanced brace", 'resource "aws_vpc" "x" {\n  cidr_block = "10.0.0.0/16"\n', /^bad\.tf:1:\d+: error: Unclosed configuration block$/m],
  ["unclosed heredoc", 'locals {\n  x = <<EOT\nhello\n}\n', /^bad\.tf:2:\d+: error: Unterminated template string$/m],
  ["unclosed template", 'locals {\n  x = "${var.a"\n}\n', /^bad\.tf:2:\d+: error: /m],
  ["invalid UTF-8", Buffer.from([0x6c, 0x6f, 0x63, 0x61, 0x6c, 0x73, 0x20, 0x7b, 0x0a, 0x20, 0x20, 0x78, 0x20, 0x3d, 0x20, 0x22, 0xff, 0xfe, 0x22, 0x0a, 0x7d, 0x0a]), /^bad\.tf:2:8: error: Invalid UTF-8$/m],
  ["binary file", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]), /^bad\.tf:1:\d+: error: Binary file$/m],
];

describe("every bad-input class gets a located error, and the good file is still translated", () => {
  test.each(BAD_INPUTS)("%s", (_name, content, message) => {
    const src = tree({ "good.tf": GOOD, "bad.tf": content });
    const before = hashTree(src);
    const out = outDir();
    const r = run(["migrate", src, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(readFileSync(join(out, "good.tf"), "utf8")).toContain('resource "alicloud_vpc" "main"');
    expect(existsSync(join(out, "bad.tf"))).toBe(false);
    expect(hashTree(src)).toBe(before);
  });

  test("an empty file and a BOM + CRLF file are valid and translated", () => {
    const src = tree({ "empty.tf": "", "bom.tf": "\ufeff" + GOOD.replace(/\n/g, "\r\n") });
    const out = outDir();
    const r = run(["migrate", src, "--out", out]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, "empty.tf"), "utf8")).toBe("");
    const bom = readFileSync(join(out, "bom.tf"), "utf8");
    expect(bom.startsWith("\ufeffresource \"alicloud_vpc\" \"main\" {\r\n")).toBe(true);
    expect(bom).not.toMatch(/[^\r]\n/);
  });

  test("5,000 levels of nesting are refused with a located message, quickly", () => {
    const deep = "locals {\n  x = " + "[".repeat(5000) + "]".repeat(5000) + "\n}\n";
    const src = tree({ "good.tf": GOOD, "deep.tf": deep });
    const out = outDir();
    const t0 = Date.now();
    const r = run(["migrate", src, "--out", out]);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^deep\.tf:2:\d+: error: Nesting too deep$/m);
    expect(existsSync(join(out, "good.tf"))).toBe(true);
  });

  test("a 20,000-block, 2 MB file is translated", () => {
    const blocks: string[] = [];
    for (let i = 0; i < 20_000; i++) blocks.push(`# block ${i}\nresource "aws_vpc" "v${i}" {\n  cidr_block = "10.${i % 250}.0.0/16"\n  tags       = { Name = "vpc-${i}", Team = "platform" }\n}\n`);
    const text = blocks.join("\n");
    expect(text.length).toBeGreaterThan(2_000_000);
    const src = tree({ "big.tf": text });
    const out = outDir();
    const r = run(["migrate", src, "--out", out]);
    expect(r.status).toBe(0);
    const result = readFileSync(join(out, "big.tf"), "utf8");
    expect(result.match(/resource "alicloud_vpc"/g)?.length).toBe(20_000);
    expect(result).not.toContain("aws_vpc");
  }, 180_000);

  test("a file over the size limit is skipped with a finding", () => {
    const src = tree({ "good.tf": GOOD, "huge.tf": "# " + "x".repeat(2_000_000) + "\n" });
    const out = outDir();
    const r = run(["migrate", src, "--out", out, "--max-file-size", "1"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^huge\.tf:1:1: error: File too large$/m);
    expect(existsSync(join(out, "good.tf"))).toBe(true);
  });
});

describe("the input is never modified and nothing of the user's is lost", () => {
  test("--out equal to SRC, inside SRC, or a foreign non-empty folder is refused with exit 2", () => {
    const src = tree({ "main.tf": GOOD });
    const before = hashTree(src);
    expect(run(["migrate", src, "--out", src]).status).toBe(2);
    expect(run(["migrate", src, "--out", join(src, "out")]).status).toBe(2);
    const foreign = tree({ "notes.txt": "mine" });
    const r = run(["migrate", src, "--out", foreign]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("not empty and was not written by aws2ali");
    expect(readFileSync(join(foreign, "notes.txt"), "utf8")).toBe("mine");
    expect(hashTree(src)).toBe(before);
  });

  test("--force writes into a foreign folder and never deletes its files; re-runs replace only aws2ali's files", () => {
    const src = tree({ "main.tf": GOOD });
    const foreign = tree({ "notes.txt": "mine" });
    expect(run(["migrate", src, "--out", foreign, "--force"]).status).toBe(0);
    expect(run(["migrate", src, "--out", foreign]).status).toBe(0);
    expect(readFileSync(join(foreign, "notes.txt"), "utf8")).toBe("mine");
    expect(readFileSync(join(foreign, "main.tf"), "utf8")).toContain("alicloud_vpc");
  });

  test("symlinks out of SRC are skipped, loops do not hang", () => {
    const outside = tree({ "secret.tf": GOOD });
    const src = tree({ "main.tf": GOOD });
    symlinkSync(outside, join(src, "escape"));
    symlinkSync(src, join(src, "loop"));
    const r = run(["migrate", src, "--out", outDir()]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/escape: skipped: symbolic link leads outside the source folder/);
  });
});

describe("no stack traces, ever", () => {
  test("an unknown command or option is a one-line usage error with exit 2", () => {
    const r = run(["frobnicate"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    const r2 = run(["migrate", "--nope"]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).not.toMatch(/\n\s+at /);
  });

  test("a missing source folder is reported in one line", () => {
    const r = run(["migrate", "/nonexistent/aws2ali", "--out", outDir()]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("determinism", () => {
  test("two runs give byte-identical output and reports; migrating the output again changes no .tf file", () => {
    const src = join(ROOT, "corpus/11-webshop/input");
    const a = outDir();
    const b = outDir();
    expect(run(["migrate", src, "--out", a]).status).toBe(0);
    expect(run(["migrate", src, "--out", b]).status).toBe(0);
    expect(hashTree(a)).toBe(hashTree(b));
    const report = readFileSync(join(a, "aws2ali-report.json"), "utf8");
    expect(report).not.toContain(ROOT);
    expect(report).not.toMatch(/20\d\d-\d\d-\d\dT/);
    const again = outDir();
    expect(run(["migrate", a, "--out", again]).status).toBe(0);
    for (const f of readdirSync(a).filter((f) => f.endsWith(".tf"))) {
      expect(readFileSync(join(again, f), "utf8"), f).toBe(readFileSync(join(a, f), "utf8"));
    }
  });
});

describe("secrets stay out", () => {
  const KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  test("static keys in providers, backends, variable defaults and .tfvars never reach output, report or console", () => {
    const src = tree({
      "main.tf": `terraform {\n  backend "s3" {\n    bucket     = "state"\n    key        = "a/b.tfstate"\n    region     = "us-east-1"\n    access_key = "${KEY_ID}"\n    secret_key = "${SECRET}"\n  }\n}\n\nprovider "aws" {\n  region     = "us-east-1"\n  access_key = "${KEY_ID}"\n  secret_key = "${SECRET}"\n}\n\nvariable "aws_secret_key" {\n  type    = string\n  default = "${SECRET}"\n}\n\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n`,
      "terraform.tfvars": `aws_access_key = "${KEY_ID}"\naws_secret_key = "${SECRET}"\ndb_password    = "hunter2-secret"\n`,
    });
    const out = outDir();
    const r = run(["migrate", src, "--out", out]);
    expect(r.status).toBe(0);
    const everything = [r.stdout, r.stderr, ...readdirSync(out).map((f) => readFileSync(join(out, f), "utf8"))].join("\n");
    expect(everything).not.toContain(KEY_ID);
    expect(everything).not.toContain(SECRET);
    const report = readFileSync(join(out, "aws2ali-report.md"), "utf8") + readFileSync(join(out, "aws2ali-report.json"), "utf8");
    expect(report).not.toContain("hunter2-secret");
    expect(report).toMatch(/RAM role assumption/);
  });
});
