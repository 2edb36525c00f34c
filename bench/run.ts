/**
 * `npm run bench`: how fast aws2ali migrates a realistic repository,
 * against the yardstick users know (`terraform fmt -recursive -check`, which
 * only parses and formats) and an I/O floor (read every file and write it
 * elsewhere, from Node). Corpora of about 110,000 lines across 1,300 files
 * (1×), then 2× and 4×, generated from a seed; runs alternate, and each
 * figure is the median of 3 after a warm-up.
 */

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateTerraform } from "./generate.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CLI = join(ROOT, "dist", "cli", "main.js");
const RUNS = 3;
const FILES_1X = 1300;

function writeCorpus(dir: string, scale: number): { bytes: number; lines: number; files: number } {
  const files = generateTerraform({ seed: 7, files: FILES_1X * scale });
  let bytes = 0;
  let lines = 0;
  for (const f of files) {
    mkdirSync(join(dir, dirname(f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
    bytes += Buffer.byteLength(f.text);
    lines += f.text.split("\n").length;
  }
  return { bytes, lines, files: files.length };
}

function timeCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { seconds: number; stderr: string; status: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", env, maxBuffer: 1 << 28 });
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, stderr: r.stderr ?? "", status: r.status };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** The I/O floor: read every file and write it elsewhere, nothing else. */
function ioFloor(src: string, dst: string): number {
  const t0 = process.hrtime.bigint();
  for (const f of walk(src)) {
    const target = join(dst, f.slice(src.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(f));
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function hasTerraform(): boolean {
  return spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), "aws2ali-bench-"));
  const tf = hasTerraform();
  if (!tf) console.log("terraform is not on PATH: reporting MB/s and the I/O floor only.");
  console.log(`machine: ${process.platform} ${process.arch}, Node ${process.version}, ${availableParallelism()} cores`);
  const rows: string[] = [];
  const times1x: Record<string, number> = {};
  for (const scale of [1, 2, 4]) {
    const src = join(work, `src-${scale}x`);
    const size = writeCorpus(src, scale);
    const migrateTimes: number[] = [];
    const fmtTimes: number[] = [];
    const ioTimes: number[] = [];
    let rssKb = 0;
    for (let run = 0; run <= RUNS; run++) {
      const out = join(work, `out-${scale}x-${run}`);
      const m = timeCommand(process.execPath, [CLI, "migrate", src, "--out", out], { ...process.env, AWS2ALI_PRINT_RSS: "1", CI: "1" });
      const rss = /peak_rss_kb=(\d+)/.exec(m.stderr);
      if (rss) rssKb = Math.max(rssKb, Number(rss[1]));
      const io = ioFloor(src, join(work, `io-${scale}x-${run}`));
      const f = tf ? timeCommand("terraform", ["fmt", "-recursive", "-check", src]) : undefined;
      if (run > 0) {
        migrateTimes.push(m.seconds);
        ioTimes.push(io);
        if (f) fmtTimes.push(f.seconds);
      }
      rmSync(out, { recursive: true, force: true });
      rmSync(join(work, `io-${scale}x-${run}`), { recursive: true, force: true });
    }
    const mig = median(migrateTimes);
    const io = median(ioTimes);
    const mb = size.bytes / 1e6;
    const fmt = tf ? median(fmtTimes) : NaN;
    if (scale === 1) Object.assign(times1x, { mig, io, fmt });
    rows.push(
      `${scale}x: ${size.files} files, ${size.lines.toLocaleString("en-US")} lines, ${mb.toFixed(1)} MB | migrate ${mig.toFixed(2)} s (${(mb / mig).toFixed(1)} MB/s)` +
        (tf ? ` | terraform fmt -check ${fmt.toFixed(2)} s | migrate/fmt ${(mig / fmt).toFixed(2)}` : "") +
        ` | I/O floor ${io.toFixed(2)} s | migrate/floor ${(mig / io).toFixed(1)} | peak RSS ${(rssKb / 1024).toFixed(0)} MB`,
    );
    console.log(rows[rows.length - 1]);
  }
  const start = [0, 1, 2, 3].map(() => timeCommand(process.execPath, [CLI, "--version"]).seconds);
  console.log(`start-up (aws2ali --version): ${(median(start.slice(1)) * 1000).toFixed(0)} ms`);
  rmSync(work, { recursive: true, force: true });
}


main();
