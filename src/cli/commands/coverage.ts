/**
 * `aws2ali coverage DIR…`: how much of real Terraform aws2ali translates.
 * Every folder given (or, for a folder of corpus cases, each case's input/)
 * is migrated as a dry run; the AWS resource blocks are counted per type as
 * translated, partial or manual, with the schema findings of the output.
 * Score: translated counts 1, partial ½ (the target the project measures).
 */

import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { migrate } from "../../pipeline/index.js";
import { emptyByStatus, type BlockStatus } from "../../report/model.js";
import { parseCommandArgs, UsageError } from "../args.js";
import type { Io } from "../io.js";
import { TRANSLATION_OPTIONS, translationOptions } from "./migrate.js";

/** A corpus folder (cases with input/ inside) expands to its cases' inputs. */
function sources(dirs: string[]): string[] {
  const out: string[] = [];
  for (const d of dirs) {
    const abs = resolve(d);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new UsageError(`not a folder: ${d}`);
    const cases = readdirSync(abs).filter((c) => existsSync(join(abs, c, "input"))).sort();
    if (cases.length > 0) out.push(...cases.map((c) => join(abs, c, "input")));
    else out.push(abs);
  }
  return out;
}

export function runCoverage(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(argv, { ...TRANSLATION_OPTIONS, format: { type: "string" } });
  if (positionals.length === 0) throw new UsageError("coverage takes one or more folders: aws2ali coverage corpus");
  const byType = new Map<string, Record<BlockStatus, number>>();
  const total = emptyByStatus();
  let dataBlocks = 0;
  let findings = 0;
  for (const src of sources(positionals)) {
    const result = migrate({ ...translationOptions(values, src), out: null });
    findings += result.report.summary.schemaFindings;
    for (const item of result.report.items) {
      if (!item.awsType.startsWith("aws_")) continue;
      if (item.address.startsWith("data.")) {
        dataBlocks++;
        continue;
      }
      const counts = byType.get(item.awsType) ?? emptyByStatus();
      counts[item.status]++;
      total[item.status]++;
      byType.set(item.awsType, counts);
    }
  }
  const blocks = total.translated + total.partial + total.manual;
  const score = blocks === 0 ? 100 : (100 * (total.translated + total.partial / 2)) / blocks;
  if (values.format === "json") {
    io.out(JSON.stringify({ blocks, ...total, score: Number(score.toFixed(1)), schemaFindings: findings, dataBlocks, byType: Object.fromEntries([...byType].sort()) }, null, 2) + "\n");
    return 0;
  }
  const rows = [...byType].sort((a, b) => b[1].translated + b[1].partial + b[1].manual - (a[1].translated + a[1].partial + a[1].manual) || (a[0] < b[0] ? -1 : 1));
  io.out("type                                              blocks  translated  partial  manual\n");
  for (const [type, c] of rows) io.out(`${type.padEnd(50)}${String(c.translated + c.partial + c.manual).padStart(6)}${String(c.translated).padStart(12)}${String(c.partial).padStart(9)}${String(c.manual).padStart(8)}\n`);
  const pct = (n: number): string => `${((100 * n) / Math.max(1, blocks)).toFixed(1)}%`;
  io.out(`\n${blocks} AWS resource blocks of ${byType.size} types (plus ${dataBlocks} data blocks): ${pct(total.translated)} translated, ${pct(total.partial)} partial, ${pct(total.manual)} manual.\n`);
  io.out(`Coverage (translated 1, partial ½): ${score.toFixed(1)}%. Schema findings in the output: ${findings}.\n`);
  return 0;
}
