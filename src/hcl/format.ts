/**
 * Layout the way `terraform fmt` lays it out, for content that aws2ali
 * writes: two-space indentation, and within a run of arguments on
 * consecutive lines (no blank line, comment line, block or bracket left
 * open at the end of a line between them; a heredoc counts as one line)
 * the `=` signs aligned one space after the longest name, and the
 * end-of-line comments of consecutive lines aligned too. Items of
 * multi-line object constructors are aligned by the same rule.
 */

import { firstToken, forEachToken, isToken, type Attribute, type Body, type Expr, type ObjectExpr, type ObjectItem, type Part } from "./cst.js";
import { lex } from "./lexer.js";
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
  // Replacement functions: in a replacement string "$$" would mean a single "$".
  return JSON.stringify(s)
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, () => "%%{");
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
    const lines = run.map((a) => `${indent}${a.attr}${" ".repeat(width - nameWidth(a.attr))} = ${a.expr.includes("\n") ? reindent(a.expr, indent, eol) : a.expr}`);
    // Comments of consecutive lines line up; a line without one ends the group (as terraform fmt does it).
    const commentCol: number[] = [];
    for (let k = 0; k < run.length; ) {
      if (!run[k]!.comment || run[k]!.expr.includes("\n")) {
        k++;
        continue;
      }
      let e = k;
      while (e < run.length && run[e]!.comment && !run[e]!.expr.includes("\n")) e++;
      const col = Math.max(...lines.slice(k, e).map(nameWidth));
      for (let m = k; m < e; m++) commentCol[m] = col;
      k = e;
    }
    run.forEach((a, k) => {
      const line = lines[k]!;
      if (!a.comment) out += line + eol;
      else if (a.expr.includes("\n")) out += `${line} # ${a.comment}${eol}`;
      else out += `${line}${" ".repeat(commentCol[k]! - nameWidth(line))} # ${a.comment}${eol}`;
    });
    run = [];
  };
  for (const item of items) {
    if ("attr" in item) {
      const toks = lex(item.expr).tokens;
      const last = toks[toks.length - 2];
      if (item.comment && last?.kind === TK.CHeredoc) {
        // Nothing may follow a heredoc's closing marker on its line: the comment goes on a line above.
        flush();
        out += `${indent}# ${item.comment}${eol}`;
        run.push({ attr: item.attr, expr: item.expr });
      } else if (!toks.some((t) => t.kind === TK.Newline)) {
        // One line as terraform fmt counts them (a heredoc's text belongs to the line that opens it).
        run.push(item);
      } else if (firstLineBalancedText(item.expr)) {
        run.push(item);
        flush();
      } else {
        flush();
        out += `${indent}${item.attr} = ${reindent(item.expr, indent, eol)}${item.comment ? ` # ${item.comment}` : ""}${eol}`;
      }
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

/** firstLineBalanced for expression text not yet parsed. */
function firstLineBalancedText(expr: string): boolean {
  let net = 0;
  for (const t of lex(expr).tokens) {
    if (t.kind === TK.Newline || t.kind === TK.OHeredoc) break;
    if (OPENERS.has(t.kind)) net++;
    else if (CLOSERS.has(t.kind)) net--;
  }
  return net === 0;
}

/** A multi-line expression with its continuation lines moved left as far as they go together (heredocs untouched). */
export function normalizeIndent(expr: string): string {
  if (!expr.includes("\n") || expr.includes("<<")) return expr;
  const lines = expr.split(/\r?\n/);
  const depths = lines.slice(1).filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length);
  const min = depths.length > 0 ? Math.min(...depths) : 0;
  return lines.map((l, k) => (k === 0 ? l : l.slice(Math.min(min, /^[ \t]*/.exec(l)![0].length)))).join("\n");
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
  // The lines of a plain `<<EOT` heredoc are its value: moving them would change the string.
  const verbatim = plainHeredocLines(expr);
  return lines.map((l, k) => (k === 0 || l === "" || verbatim.has(k) ? l : indent + l)).join(eol);
}

/** Line numbers (0-based) of the text and closing marker of every plain (not `<<-`) heredoc in `expr`. */
function plainHeredocLines(expr: string): Set<number> {
  const out = new Set<number>();
  if (!expr.includes("<<")) return out;
  const lineOf = (pos: number): number => {
    let n = 0;
    for (let i = expr.indexOf("\n"); i >= 0 && i < pos; i = expr.indexOf("\n", i + 1)) n++;
    return n;
  };
  const toks = lex(expr).tokens;
  toks.forEach((t, i) => {
    if (t.kind !== TK.OHeredoc || t.text.startsWith("<<-")) return;
    const close = toks.slice(i + 1).find((c) => c.kind === TK.CHeredoc);
    const last = close ? lineOf(close.pos) : lineOf(expr.length);
    for (let k = lineOf(t.pos) + 1; k <= last; k++) out.add(k);
  });
  return out;
}

/** Display width as terraform counts it: code points. */
function nameWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isSingleLine(a: Attribute): boolean {
  return !breaksLine(a.expr);
}

/**
 * Whether a value runs over more than one line, as terraform fmt (hclwrite)
 * sees lines: a heredoc's text is part of the line that opens it, so
 * `a = <<EOT … EOT` is one line that keeps its run going.
 */
function breaksLine(expr: Expr): boolean {
  let heredoc = 0;
  let first = true;
  let breaks = false;
  forEachToken(expr, (t) => {
    if (breaks) return;
    if (heredoc === 0 && !first && t.lead.includes("\n")) breaks = true;
    first = false;
    if (t.kind === TK.OHeredoc) heredoc++;
    else if (t.kind === TK.CHeredoc) heredoc--;
    else if (heredoc === 0 && t.text.includes("\n")) breaks = true;
  });
  return breaks;
}

const OPENERS = new Set([TK.OBrace, TK.OBrack, TK.OParen, TK.TemplateInterp, TK.TemplateControl]);
const CLOSERS = new Set([TK.CBrace, TK.CBrack, TK.CParen, TK.TemplateSeqEnd]);

/**
 * Whether the first line of an attribute's value closes every bracket it
 * opens (counting stops at a heredoc opener). That is terraform fmt's
 * (hclwrite's) test for a line that takes part in `=` alignment: `a = 1`
 * and `a = <<EOT` do, `a = {` does not.
 */
function firstLineBalanced(a: Attribute): boolean {
  return valueFirstLineBalanced(a.expr);
}

function valueFirstLineBalanced(expr: Expr): boolean {
  let net = 0;
  let first = true;
  let done = false;
  forEachToken(expr, (t) => {
    if (done) return;
    if (!first && (t.kind === TK.Newline || t.lead.includes("\n") || t.kind === TK.CHeredoc)) {
      done = true;
      return;
    }
    first = false;
    if (OPENERS.has(t.kind)) net++;
    else if (CLOSERS.has(t.kind)) net--;
    else if (t.kind === TK.OHeredoc) done = true;
  });
  return net === 0;
}

/**
 * The runs of attributes whose `=` terraform fmt aligns: consecutive lines
 * that each hold an attribute with a bracket-balanced first line. Anything
 * else between them (a blank or comment line, a block, the inner lines of a
 * multi-line value) ends the run; an attribute like `a = <<EOT` is the last
 * member of its run, since the heredoc's own lines follow it.
 */
export function attributeRuns(body: Body): Attribute[][] {
  const runs: Attribute[][] = [];
  let run: Attribute[] = [];
  const close = (): void => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const p of body.parts) {
    if (!isToken(p) && p.type === "Attribute" && firstLineBalanced(p)) {
      run.push(p);
      if (!isSingleLine(p)) close();
    } else close();
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
  const lineWidth = (a: Attribute): number => {
    const eq = a.parts[1] as Token;
    return nameWidth(a.name.lead + a.name.text + eq.lead + eq.text + print(a.expr));
  };
  // terraform fmt lines up the comments of consecutive lines that each end in one; a line without ends the group.
  // (A multi-line member's trailing comment is on its last line, not in the run.)
  alignCommentGroups(run.map((a) => (isSingleLine(a) ? trailingComment(a) : undefined)), run.map((a) => () => lineWidth(a)));
}

/** Align each group of consecutive rows that have a comment token: one space after the group's longest line. */
function alignCommentGroups(comments: Array<Token | undefined>, widths: Array<() => number>): void {
  let group: number[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const col = Math.max(...group.map((k) => widths[k]!()));
    for (const k of group) {
      const nl = comments[k]!;
      nl.lead = " ".repeat(col - widths[k]!() + 1) + nl.lead.trimStart();
    }
    group = [];
  };
  comments.forEach((c, k) => {
    if (c) group.push(k);
    else flush();
  });
  flush();
}

// ---- multi-line object constructors ------------------------------------------

/**
 * The runs of items of a multi-line object constructor whose `=` (or `:`)
 * terraform fmt aligns, by the same rule as attributes: items that start
 * their own line, on consecutive lines, with a bracket-balanced first line.
 */
export function objectRuns(obj: ObjectExpr): ObjectItem[][] {
  const runs: ObjectItem[][] = [];
  let run: ObjectItem[] = [];
  const close = (): void => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  let newlines = 0;
  for (const p of obj.parts) {
    if (isToken(p)) {
      if (p.kind === TK.Newline) {
        newlines++;
        // A blank or comment-only line between two items ends the run.
        if (newlines > 1) close();
      }
      continue;
    }
    const startsLine = newlines > 0;
    newlines = 0;
    // Only `=` takes part: terraform fmt leaves `key: value` items as they are.
    if (p.type === "ObjectItem" && startsLine && (p.parts[1] as Token).kind === TK.Equal && valueFirstLineBalanced(p.value)) {
      run.push(p);
      if (breaksLine(p.value)) close();
    } else close();
  }
  close();
  return runs;
}

/** Re-align the runs of `obj` that hold `item` or the items right before and after it. */
export function alignObjectRunsNear(obj: ObjectExpr, item: ObjectItem): void {
  const k = obj.items.indexOf(item);
  const near = [item, obj.items[k - 1], obj.items[k + 1]].filter((i): i is ObjectItem => i !== undefined);
  const runs = objectRuns(obj);
  for (const i of near) {
    const run = runs.find((r) => r.includes(i));
    if (run) alignObjectRun(obj, run);
    // Out of any run (its value opens a bracket it closes on a later line): one space before `=`.
    else if ((i.parts[1] as Token).kind === TK.Equal) (i.parts[1] as Token).lead = " ";
  }
}

/** Re-align the runs of `body` that hold `item` or the items right before and after it. */
export function alignRunsNear(body: Body, item: Part): void {
  const k = body.parts.indexOf(item);
  const near = [item, body.parts[k - 1], body.parts[k + 1]].filter((p): p is Attribute => p !== undefined && !isToken(p) && p.type === "Attribute");
  const runs = attributeRuns(body);
  for (const a of near) {
    const run = runs.find((r) => r.includes(a));
    if (run) alignRun(run);
    else (a.parts[1] as Token).lead = " ";
  }
}

function keyText(item: ObjectItem): string {
  const lead = firstToken(item.key)?.lead ?? "";
  return print(item.key).slice(lead.length);
}

export function alignObjectRun(obj: ObjectExpr, run: ObjectItem[]): void {
  const width = Math.max(...run.map((i) => nameWidth(keyText(i))));
  for (const i of run) (i.parts[1] as Token).lead = " ".repeat(width - nameWidth(keyText(i)) + 1);
  // End-of-line comments of consecutive single-line items line up one space after the longest line.
  const comments: Array<Token | undefined> = [];
  const widths: Array<() => number> = [];
  for (const i of run) {
    let k = obj.parts.indexOf(i) + 1;
    let comma = "";
    const c = obj.parts[k];
    if (c && isToken(c) && c.kind === TK.Comma) {
      comma = c.lead + c.text;
      k++;
    }
    const nl = obj.parts[k];
    const single = !breaksLine(i.value);
    comments.push(single && nl && isToken(nl) && nl.kind === TK.Newline && /^\s*(#|\/\/)/.test(nl.lead) ? nl : undefined);
    const indent = /[ \t]*$/.exec(firstToken(i.key)?.lead ?? "")![0];
    widths.push(() => nameWidth(indent + keyText(i) + print(i).slice(print(i.key).length) + comma));
  }
  alignCommentGroups(comments, widths);
}
