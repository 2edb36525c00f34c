/**
 * Parse+print throughput of the HCL core: generates a corpus of realistic
 * Terraform (deterministic, from a seed), then parses and prints every file
 * several times and reports the median MB/s and the peak memory.
 *
 *   npm run bench:parse
 */

import { parse } from "../src/hcl/parser.js";
import { print } from "../src/hcl/printer.js";
import { generateTerraform } from "./generate.js";

const RUNS = 15;

function main(): void {
  const files = generateTerraform({ seed: 42, files: 1300 });
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const lines = files.reduce((n, f) => n + f.text.split("\n").length, 0);
  console.log(`corpus: ${files.length} files, ${lines.toLocaleString("en-US")} lines, ${(bytes / 1e6).toFixed(2)} MB`);
  // Warm-up: let V8 optimise the hot paths before measuring.
  for (const f of files) print(parse(f.text, f.path).file);
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    for (const f of files) {
      const out = print(parse(f.text, f.path).file);
      if (out.length !== f.text.length) throw new Error(`round trip failed for ${f.path}`);
    }
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const best = times[0]!;
  console.log(`parse+print: median ${(median * 1000).toFixed(0)} ms over ${RUNS} runs → ${(bytes / 1e6 / median).toFixed(1)} MB/s (best run ${(bytes / 1e6 / best).toFixed(1)} MB/s; this VM varies ±15 % between runs)`);
  console.log(`peak RSS: ${rssMb.toFixed(0)} MB`);
}

main();
