/**
 * Layout the way `terraform fmt` lays it out, for content that aws2ali
 * writes: two-space indentation, and within a run of single-line arguments
 * (no blank line, comment line, block or multi-line argument between them)
 * the `=` signs aligned one space after the longest name, and end-of-line
 * comments aligned too.
 */

import { isToken, type Attribute, type Body, type Part } from "./cst.js";
import { print } from "./printer.js";
import { TK, type Token } from "./tokens.js";

/** A new block described as data; `render` turns it into formatted HCL text. */
export interface BlockSpec {
  type: string;
  labels: string[];
  items: ItemSpec[];
}

export type ItemSpec =
  | { attr: string; expr: string; comment?: string }
  | { block: BlockSpec }
  | { comment: string }
  | { blank: true };

export function quote(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

/** Render a block spec as fmt-clean text at the given indentation, ending with a newline. */
export function renderBlock(spec: BlockSpec, indent = "", eol = "\n"): string {
  const head = [spec.type, ...spec.labels.map(quote)].join(" ");
  if (spec.items.length === 0) return `${indent}${head} {}${eol}`;
  return `${indent}${head} {${eol}${renderItems(spec.items, indent + "  ", eol)}${indent}}${eol}`;
}

export function renderItems(items: ItemSpec[], indent: string, eol = "\n"): string {
  let out = "";
  let run: Array<{ attr: string; expr: string; comment?: string }> = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const width = Math.max(...run.map((a) => nameWidth(a.attr)));
    const lines = run.map((a) => `${indent}${a.attr}${" ".repeat(width - nameWidth(a.attr))} = ${a.expr}`);
    const commentCol = Math.max(...lines.map((l, k) => (run[k]!.comment ? nameWidth(l) : 0)));
    run.forEach((a, k) => {
      const line = lines[k]!;
      out += (a.comment ? `${line}${" ".repeat(commentCol - nameWidth(line))} # ${a.comment}` : line) + eol;
    });
    run = [];
  };
  for (const item of items) {
    if ("attr" in item) {
      if (item.expr.includes("\n")) {
        flush();
        out += `${indent}${item.attr} = ${reindent(item.expr, indent, eol)}${item.comment ? ` # ${item.comment}` : ""}${eol}`;
      } else run.push(item);
      continue;
    }
    flush();
    if ("block" in item) out += renderBlock(item.block, indent, eol);
    else if ("comment" in item) out += item.comment.split("\n").map((l) => `${indent}# ${l}`.trimEnd() + eol).join("");
    else out += eol;
  }
  flush();
  return out;
}

/** Continuation lines of a multi-line expression move in by the indentation of the line it starts on. */
export function reindent(expr: string, indent: string, eol = "\n"): string {
  let lines = expr.split(/\r?\n/);
  // An expression copied from deeper in a file keeps its shape but not its old depth (heredoc text is left alone).
  if (!expr.includes("<<")) {
    const depths = lines.slice(1).filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
    const min = depths.length > 0 ? Math.min(...depths) : 0;
    if (min > 0) lines = lines.map((l, k) => (k === 0 ? l : l.slice(Math.min(min, /^[ \t]*/.exec(l)![0].length))));
  }
  return lines.map((l, k) => (k === 0 || l === "" ? l : indent + l)).join(eol);
}

/** Display width as terraform counts it: code points. */
function nameWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isSingleLine(a: Attribute): boolean {
  const text = print(a.expr);
  return !text.includes("\n");
}

/** The runs of consecutive single-line attributes in a body. */
export function attributeRuns(body: Body): Attribute[][] {
  const runs: Attribute[][] = [];
  let run: Attribute[] = [];
  const close = (): void => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const p of body.parts) {
    if (!isToken(p) && p.type === "Attribute" && isSingleLine(p)) run.push(p);
    else close();
  }
  close();
  return runs;
}

/** Re-align `=` (and end-of-line comments) in the run of `body` that contains `attr`. */
export function alignRunOf(body: Body, attr: Attribute): void {
  const run = attributeRuns(body).find((r) => r.includes(attr));
  if (run) alignRun(run);
}

export function alignRun(run: Attribute[]): void {
  const width = Math.max(...run.map((a) => nameWidth(a.name.text)));
  for (const a of run) {
    const eq = a.parts[1] as Token;
    eq.lead = " ".repeat(width - nameWidth(a.name.text) + 1);
  }
  alignComments(run);
}

function trailingComment(a: Attribute): Token | undefined {
  const nl = a.parts[a.parts.length - 1] as Part;
  if (!isToken(nl) || nl.kind !== TK.Newline) return undefined;
  return /^\s*(#|\/\/)/.test(nl.lead) ? nl : undefined;
}

function alignComments(run: Attribute[]): void {
  const withComments = run.filter((a) => trailingComment(a));
  if (withComments.length === 0) return;
  const lineWidth = (a: Attribute): number => {
    const eq = a.parts[1] as Token;
    return nameWidth(a.name.lead + a.name.text + eq.lead + eq.text + print(a.expr));
  };
  const col = Math.max(...withComments.map(lineWidth));
  for (const a of withComments) {
    const nl = trailingComment(a)!;
    nl.lead = " ".repeat(col - lineWidth(a) + 1) + nl.lead.trimStart();
  }
}
