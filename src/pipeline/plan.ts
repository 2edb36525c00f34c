/**
 * Stage 4, plan: choose a rule for every AWS block and open its report
 * item. Nothing is edited yet; each plan keeps a parsed copy of the block
 * as written, so transforms can read any AWS block as it was.
 */

import type { Block } from "../hcl/cst.js";
import { parse } from "../hcl/parser.js";
import { blocksOf, isToken } from "../hcl/cst.js";
import { TK } from "../hcl/tokens.js";
import { ruleKey } from "../mapping/load.js";
import type { Rule } from "../mapping/rule.js";
import type { TopBlock } from "../model/model.js";
import type { ReportItem } from "../report/model.js";
import type { Plan, RunContext } from "../transforms/context.js";

/** AWS blocks are those whose type belongs to the AWS provider. */
export function isAwsBlock(top: TopBlock): boolean {
  return (top.kind === "resource" || top.kind === "data") && top.type.startsWith("aws_");
}

export function newItem(top: TopBlock, service: string, rule?: Rule): ReportItem {
  return {
    address: top.address,
    awsType: top.type,
    service,
    module: moduleOf(top.unit.dir),
    file: top.unit.path,
    line: top.pos.line,
    column: top.pos.column,
    status: "translated",
    targets: [],
    changes: [],
    injected: [],
    ...(rule?.origin ? { rule: rule.origin } : {}),
  };
}

function moduleOf(dir: string): string {
  return dir === "" ? "" : dir;
}

/** Service name for a type no rule covers: `aws_cloudfront_distribution` → `cloudfront`. */
function guessService(awsType: string): string {
  return awsType.replace(/^aws_/, "").split("_")[0] ?? awsType;
}

export function planStage(run: RunContext): void {
  for (const dir of run.model.dirs.values()) {
    for (const top of dir.blocks) {
      if (!isAwsBlock(top)) continue;
      const rule = run.table.rules.get(ruleKey(top.kind as "resource" | "data", top.type));
      const item = newItem(top, rule?.service ?? guessService(top.type), rule);
      const target = rule?.to ? { names: targetNames(top, rule) } : null;
      const ignored = hasIgnoreComment(top);
      run.plans.set(top, withLazyOriginal({ top, rule, item, target: ignored ? null : target, ...(ignored ? { ignored } : {}) }, sourceOf(top)));
    }
  }
}

function targetNames(top: TopBlock, rule: Rule): string[] {
  const kind = rule.to_kind ?? rule.kind;
  return kind === "data" ? ["data", rule.to!, top.name] : [rule.to!, top.name];
}

/** The block's text as written, sliced from the file (no printing needed before any edit). */
function sourceOf(top: TopBlock): string {
  const b = top.block;
  return top.unit.source.text.slice(b.blockType.pos, b.close.pos + 1);
}

/**
 * A detached parse of the block as written, for transforms that read other
 * blocks. Parsed on first use: most blocks' originals are never read, and
 * a second tree of every block would double the memory of a run.
 */
function withLazyOriginal(plan: Omit<Plan, "original">, text: string): Plan {
  let original: Block | undefined;
  return Object.defineProperty(plan, "original", {
    enumerable: false,
    get(): Block {
      original ??= blocksOf(parse(text.replace(/^[ \t]*/, ""), "<original>").file.body)[0];
      return original!;
    },
  }) as Plan;
}

export const IGNORE_MARKER = "aws2ali:ignore";

/** A `# aws2ali:ignore` comment on the lines right above the block (no blank line between) opts it out. */
function hasIgnoreComment(top: TopBlock): boolean {
  const parts = top.unit.tree.body.parts;
  let k = parts.indexOf(top.block) - 1;
  if (top.block.blockType.lead.includes(IGNORE_MARKER)) return true;
  for (; k >= 0; k--) {
    const p = parts[k]!;
    if (!isToken(p) || p.kind !== TK.Newline) return false;
    if (!/^\s*(#|\/\/|\/\*)/.test(p.lead)) return false;
    if (p.lead.includes(IGNORE_MARKER)) return true;
  }
  return false;
}
