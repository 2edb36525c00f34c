/**
 * A recursive-descent parser over the lexer's tokens that builds the
 * lossless tree. Newlines are significant in bodies and object constructors
 * and insignificant inside parentheses, brackets, `for` expressions and
 * template sequences; where they are insignificant the parser folds them
 * into the next token's leading trivia, so no byte is ever lost.
 *
 * Errors throw a ParseError up to the body loop of the file, which keeps
 * the broken tokens as an Invalid node and resumes at the next top-level
 * block, so one bad block does not hide the good ones after it.
 */

import {
  firstToken,
  lastToken,
  type Attribute,
  type Block,
  type Body,
  type CallExpr,
  type Expr,
  type File,
  type ForExpr,
  type InvalidExpr,
  type Label,
  type Node,
  type ObjectExpr,
  type ObjectItem,
  type Part,
  type TemplateControlTag,
  type TemplateExpr,
  type TemplateFor,
  type TemplateIf,
  type TemplatePart,
  type TupleExpr,
} from "./cst.js";
import type { Diagnostic } from "./diagnostics.js";
import { lex, type LexError } from "./lexer.js";
import { SourceMap } from "./source.js";
import { describeToken, makeToken, TK, type Token } from "./tokens.js";

export interface ParseResult {
  file: File;
  diagnostics: Diagnostic[];
  source: SourceMap;
}

export interface ParseOptions {
  /** Deeper nesting is refused with a diagnostic rather than risking the call stack. */
  maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 400;

class ParseError extends Error {
  constructor(
    readonly pos: number,
    readonly end: number,
    readonly code: string,
    readonly summary: string,
    readonly detail: string,
    /** Token index to resume at, when the error itself knows (an unclosed block). */
    readonly resumeAt = -1,
  ) {
    super(summary);
  }
}

/** Keywords that only begin top-level blocks; seen at column 1 inside a body, they mean a brace is missing. */
const TOP_LEVEL_ONLY = new Set(["resource", "module", "variable", "output", "provider", "terraform", "locals"]);

/** Block types that start a top-level block; recovery after an error resumes at one of them at column 1. */
const TOP_LEVEL_BLOCKS = new Set([...TOP_LEVEL_ONLY, "data", "moved", "import", "removed", "check"]);

const TEMPLATE_KEYWORDS = ["if", "for", "else", "endif", "endfor"];

const BINARY_LEVELS: TK[][] = [
  [TK.Or],
  [TK.And],
  [TK.EqualEqual, TK.NotEqual],
  [TK.Greater, TK.GreaterEqual, TK.Less, TK.LessEqual],
  [TK.Plus, TK.Minus],
  [TK.Star, TK.Slash, TK.Percent],
];
const PRECEDENCE = new Map<TK, number>();
BINARY_LEVELS.forEach((ops, level) => ops.forEach((op) => PRECEDENCE.set(op, level + 1)));

export function parse(text: string, fileName: string, options: ParseOptions = {}): ParseResult {
  const bom = text.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  const src = bom ? text.slice(1) : text;
  const source = new SourceMap(src, bom ? 3 : 0);
  const { tokens, errors } = lex(src);
  const p = new Parser(tokens, errors, options.maxDepth ?? DEFAULT_MAX_DEPTH, source);
  const file = p.parseFile(bom);
  const diagnostics: Diagnostic[] = [];
  const all = [...errors.map((e) => ({ ...e })), ...p.errors];
  all.sort((a, b) => a.pos - b.pos);
  const seen = new Set<string>();
  for (const e of all) {
    const key = `${e.pos}:${e.end}:${e.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ severity: "error", code: e.code, summary: e.summary, detail: e.detail, file: fileName, range: source.range(e.pos, e.end) });
  }
  return { file, diagnostics, source };
}

interface Problem {
  pos: number;
  end: number;
  code: string;
  summary: string;
  detail: string;
}

/** What a run of template items sits in, for the messages about unbalanced directives. */
interface DirectiveContext {
  kind: "if" | "else" | "for";
  opener: Token;
}

class Parser {
  i = 0;
  /** Stack of "newlines are insignificant here" flags. */
  private skipNl: boolean[] = [false];
  private depth = 0;
  /** The blocks being parsed, outermost first: their opening braces and the braces' token indexes. */
  private openBlocks: Array<{ open: Token; at: number }> = [];
  /** Stack of templates being parsed: true for a quoted string, false for a heredoc. */
  private quoted: boolean[] = [];
  readonly errors: Problem[] = [];

  constructor(
    private readonly toks: Token[],
    private readonly lexErrors: LexError[],
    private readonly maxDepth: number,
    private readonly source: SourceMap,
  ) {}

  // ---- token cursor -------------------------------------------------------

  private peek(): Token {
    if (this.skipNl[this.skipNl.length - 1]) this.foldNewlines();
    return this.toks[this.i]!;
  }

  private peekAt(k: number): Token {
    if (this.skipNl[this.skipNl.length - 1]) this.foldNewlines();
    let j = this.i;
    let seen = 0;
    while (j < this.toks.length - 1) {
      const t = this.toks[j]!;
      if (!(this.skipNl[this.skipNl.length - 1] && t.kind === TK.Newline)) {
        if (seen === k) return t;
        seen++;
      }
      j++;
    }
    return this.toks[this.toks.length - 1]!;
  }

  /** Move insignificant newlines into the next token's trivia (and empty them, so nothing prints twice). */
  private foldNewlines(): void {
    while (this.toks[this.i]!.kind === TK.Newline) {
      const nl = this.toks[this.i]!;
      const next = this.toks[this.i + 1]!;
      next.lead = nl.lead + nl.text + next.lead;
      nl.lead = "";
      nl.text = "";
      this.i++;
    }
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== TK.EOF) this.i++;
    return t;
  }

  private withNewlines<T>(skip: boolean, fn: () => T): T {
    this.skipNl.push(skip);
    try {
      return fn();
    } finally {
      this.skipNl.pop();
    }
  }

  /** Fail at a token: the diagnostic covers the token's text (nothing, for the end of the file). */
  private fail(t: Token, code: string, summary: string, detail: string): never {
    throw new ParseError(t.pos, t.pos + t.text.length, code, summary, detail);
  }

  private failAt(pos: number, end: number, code: string, summary: string, detail: string): never {
    throw new ParseError(pos, Math.max(pos, end), code, summary, detail);
  }

  /** Fail over the whole source range of a node. */
  private failOver(node: Node, code: string, summary: string, detail: string): never {
    const first = firstToken(node);
    const last = lastToken(node);
    if (!first || !last) throw new ParseError(0, 0, code, summary, detail);
    this.failAt(first.pos, last.pos + last.text.length, code, summary, detail);
  }

  /** A problem that does not stop parsing: the tree stays as written. */
  private report(pos: number, end: number, code: string, summary: string, detail: string): void {
    this.errors.push({ pos, end, code, summary, detail });
  }

  /** `line 3, column 7`: where a token stands, for details that point elsewhere. */
  private where(t: Token): string {
    const p = this.source.pos(t.pos);
    return `line ${p.line}, column ${p.column}`;
  }

  private enter(t: Token): void {
    if (++this.depth > this.maxDepth) {
      this.fail(t, "parse.too-deep", "Nesting too deep", `This file nests expressions or blocks more than ${this.maxDepth} levels deep, which aws2ali does not process. Split the value into locals.`);
    }
  }

  private leave(): void {
    this.depth--;
  }

  /** Whether the token at index `j` starts its line (also when a newline before it was folded into its trivia). */
  private atColumn1(j: number): boolean {
    const t = this.toks[j]!;
    if (t.lead !== "") return t.lead.endsWith("\n");
    if (j === 0) return true;
    return this.toks[j - 1]!.text.endsWith("\n");
  }

  /** An identifier at column 1 that begins a top-level block: `resource "x" "y" {`, `locals {`. */
  private startsTopLevelBlock(j: number): boolean {
    const t = this.toks[j]!;
    if (t.kind !== TK.Ident || !TOP_LEVEL_BLOCKS.has(t.text) || !this.atColumn1(j)) return false;
    const next = this.toks[j + 1]!;
    return next.kind === TK.OQuote || next.kind === TK.OBrace;
  }

  // ---- bodies -------------------------------------------------------------

  parseFile(bom: string): File {
    const body: Body = { type: "Body", parts: [] };
    for (;;) {
      const t = this.peek();
      if (t.kind === TK.EOF) break;
      const start = this.i;
      try {
        if (t.kind === TK.Newline) body.parts.push(this.next());
        else if (t.kind === TK.CBrace) this.fail(t, "parse.unexpected-brace", "Argument or block definition required", "An argument or block definition is required here, but this '}' closes no block. Remove it, or check the braces above it.");
        else body.parts.push(this.parseItem(true));
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.recover(e, start, body);
      }
    }
    const eof = this.toks[this.toks.length - 1]!;
    return { type: "File", bom, body, eof, parts: [body, eof] };
  }

  /** Keep the broken tokens verbatim and resume at the next top-level block. */
  private recover(e: ParseError, start: number, body: Body): void {
    const stopped = this.toks[Math.min(this.i, this.toks.length - 1)]!;
    this.skipNl = [false];
    this.depth = 0;
    this.openBlocks = [];
    this.quoted = [];
    // A lexical error (an unterminated string, a stray character) in the
    // item, up to where parsing stopped, is the cause to report: the
    // parser's complaint about the same spot would only repeat it.
    const lo = this.toks[start]!.pos;
    const hi = Math.max(e.pos, stopped.pos);
    const lexed = this.lexErrors.some((l) => l.pos >= lo && l.pos <= hi);
    if (!lexed) this.errors.push({ pos: e.pos, end: e.end, code: e.code, summary: e.summary, detail: e.detail });
    const j = e.resumeAt >= 0 ? e.resumeAt : this.resumePoint(start, Math.max(this.i, start + 1));
    const parts: Part[] = this.toks.slice(start, j);
    const invalid: InvalidExpr = { type: "Invalid", parts };
    body.parts.push(invalid);
    this.i = j;
  }

  /**
   * Where to go on after an error in the top-level item that starts at
   * token `start`: the first identifier at column 1, from `from` on, where
   * every brace the item opened is closed again, or the first top-level
   * block keyword at column 1 (an unclosed block ends there); else the end.
   */
  private resumePoint(start: number, from: number): number {
    let depth = 0;
    const delta = (t: Token): number => (t.kind === TK.OBrace ? 1 : t.kind === TK.CBrace ? -1 : 0);
    for (let j = start; j < from; j++) depth += delta(this.toks[j]!);
    const last = this.toks.length - 1;
    for (let j = from; j < last; j++) {
      const t = this.toks[j]!;
      if (t.kind === TK.Ident && ((depth <= 0 && this.atColumn1(j)) || this.startsTopLevelBlock(j))) return j;
      depth += delta(t);
    }
    return last;
  }

  private parseItem(topLevel: boolean): Attribute | Block {
    const name = this.peek();
    if (name.kind !== TK.Ident) {
      if (name.kind === TK.OQuote) this.fail(name, "parse.invalid-argument-name", "Invalid argument name", "Argument names must not be quoted.");
      this.fail(name, "parse.argument-or-block-required", "Argument or block definition required", `An argument or block definition is required here. Found ${describeToken(name)}.`);
    }
    if (!topLevel && TOP_LEVEL_ONLY.has(name.text) && this.atColumn1(this.i)) {
      const next = this.peekAt(1);
      if (next.kind === TK.OQuote || next.kind === TK.OBrace) this.unclosedBefore(this.i);
    }
    this.next();
    const after = this.peek();
    if (after.kind === TK.Equal) return this.parseAttribute(name, false);
    if (after.kind === TK.OBrace || after.kind === TK.OQuote || after.kind === TK.Ident) return this.parseBlock(name);
    this.fail(after, "parse.argument-or-block-required", "Argument or block definition required", `An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value; '${name.text}' is followed by ${describeToken(after)}.`);
  }

  /** `name = expr`, with the newline that ends it; in a single-line block the caller checks what follows. */
  private parseAttribute(name: Token, singleLine: boolean): Attribute {
    const eq = this.next();
    const expr = this.parseExpr();
    const parts: Part[] = [name, eq, expr];
    if (!singleLine) {
      const end = this.peek();
      if (end.kind === TK.Newline) parts.push(this.next());
      else if (end.kind === TK.Comma) {
        this.fail(end, "parse.unexpected-comma", "Unexpected comma after argument", "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.");
      } else if (end.kind !== TK.EOF) {
        this.fail(end, "parse.missing-newline", "Missing newline after argument", `An argument definition must end with a newline. Found ${describeToken(end)}.`);
      }
    }
    return { type: "Attribute", name, expr, parts };
  }

  private parseBlock(blockType: Token): Block {
    this.enter(blockType);
    const labels: Array<Token | Label> = [];
    const parts: Part[] = [blockType];
    for (;;) {
      const t = this.peek();
      if (t.kind === TK.Ident) labels.push(this.next());
      else if (t.kind === TK.OQuote) labels.push(this.parseLabel());
      else break;
      parts.push(labels[labels.length - 1]!);
    }
    const t = this.peek();
    if (t.kind !== TK.OBrace) {
      const code = "parse.invalid-block-definition";
      if (t.kind === TK.Equal) this.fail(t, code, "Invalid block definition", 'The equals sign "=" indicates an argument definition, and must not be used when defining a block.');
      if (t.kind === TK.Newline || t.kind === TK.EOF) this.fail(t, code, "Invalid block definition", 'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.');
      this.fail(t, code, "Invalid block definition", `Either a quoted string block label or an opening brace ("{") is expected here. Found ${describeToken(t)}.`);
    }
    const open = this.next();
    parts.push(open);
    this.openBlocks.push({ open, at: this.i - 1 });
    const body: Body = { type: "Body", parts: [] };
    parts.push(body);
    const first = this.peek();
    if (first.kind === TK.Newline) this.parseBodyItems(body, open);
    else if (first.kind === TK.EOF) this.unclosed(open);
    else if (first.kind !== TK.CBrace) this.parseOneLineBody(body, open);
    const close = this.next();
    parts.push(close);
    this.openBlocks.pop();
    const end = this.peek();
    if (end.kind === TK.Newline) parts.push(this.next());
    else if (end.kind !== TK.EOF) {
      this.fail(end, "parse.missing-newline", "Missing newline after block definition", `A block definition must end with a newline. Found ${describeToken(end)}.`);
    }
    this.leave();
    return { type: "Block", blockType, labels, open, body, close, parts };
  }

  /**
   * The block opened by `open` reaches the end of the file. If a top-level
   * block keyword stands at column 1 inside it, a closing brace is missing
   * before that line: resume there, so the blocks after it still parse.
   */
  private unclosed(open: Token): never {
    const entry = this.openBlocks.find((b) => b.open === open);
    const from = entry ? entry.at + 1 : this.i;
    for (let j = from; j < this.toks.length - 1; j++) if (this.startsTopLevelBlock(j)) this.unclosedBefore(j, open);
    throw new ParseError(open.pos, open.pos + 1, "parse.unclosed-block", "Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", this.toks.length - 1);
  }

  /** A top-level block starts at token `j` while a block is still open: report that block, resume at `j`. */
  private unclosedBefore(j: number, open?: Token): never {
    const o = open ?? this.openBlocks[this.openBlocks.length - 1]!.open;
    const kw = this.toks[j]!;
    const line = this.source.pos(kw.pos).line;
    throw new ParseError(o.pos, o.pos + 1, "parse.unclosed-block", "Unclosed configuration block", `There is no closing brace for this block before line ${line}, where a top-level '${kw.text}' block starts. Add the missing '}' before that line; this may also be caused by incorrect brace nesting elsewhere in this file.`, j);
  }

  private parseBodyItems(body: Body, open: Token): void {
    for (;;) {
      const t = this.peek();
      if (t.kind === TK.CBrace) return;
      if (t.kind === TK.EOF) this.unclosed(open);
      if (t.kind === TK.Newline) body.parts.push(this.next());
      else body.parts.push(this.parseItem(false));
    }
  }

  /** `tag { key = "a" }`: exactly one argument, closed on the block's own line. */
  private parseOneLineBody(body: Body, open: Token): void {
    const name = this.peek();
    if (name.kind !== TK.Ident) {
      this.fail(name, "parse.argument-or-block-required", "Argument or block definition required", `An argument or block definition is required here. Found ${describeToken(name)}.`);
    }
    const after = this.peekAt(1);
    if (after.kind === TK.OQuote || after.kind === TK.OBrace || after.kind === TK.Ident) {
      this.failAt(name.pos, after.pos + after.text.length, "parse.argument-required", "Argument definition required", `A single-line block definition can contain only a single argument. If you meant to define argument "${name.text}", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`);
    }
    if (after.kind !== TK.Equal) {
      this.fail(after, "parse.argument-or-block-required", "Argument or block definition required", `An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value; '${name.text}' is followed by ${describeToken(after)}.`);
    }
    this.next();
    body.parts.push(this.parseAttribute(name, true));
    const t = this.peek();
    if (t.kind === TK.CBrace) return;
    if (t.kind === TK.EOF) this.unclosed(open);
    const code = "parse.invalid-single-line-block";
    if (t.kind === TK.Comma) this.fail(t, code, "Invalid single-argument block definition", "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.");
    if (t.kind === TK.Newline) this.fail(t, code, "Invalid single-argument block definition", "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.");
    this.fail(t, code, "Invalid single-argument block definition", "A single-line block definition must end with a closing brace immediately after its single argument definition.");
  }

  private parseLabel(): Label {
    const open = this.next();
    const parts: Part[] = [open];
    let t = this.peek();
    if (t.kind === TK.TemplateLiteral) {
      this.checkEscapes(t);
      parts.push(this.next());
      t = this.peek();
    }
    if (t.kind === TK.TemplateInterp || t.kind === TK.TemplateControl) {
      const which = t.text[0]!;
      this.fail(t, "parse.invalid-label", "Invalid string literal", `Template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`);
    }
    if (t.kind !== TK.CQuote) this.fail(t, "parse.invalid-label", "Invalid string literal", "A block label must be a quoted string closed on the same line.");
    parts.push(this.next());
    return { type: "Label", parts };
  }

  // ---- expressions --------------------------------------------------------

  parseExpr(): Expr {
    const start = this.peek();
    this.enter(start);
    const cond = this.parseBinary();
    if (this.peek().kind !== TK.Question) {
      this.leave();
      return cond;
    }
    const q = this.next();
    const then = this.parseExpr();
    const colon = this.peek();
    if (colon.kind !== TK.Colon) {
      this.fail(colon, "parse.missing-conditional-false", "Missing false expression in conditional", `The conditional operator (...?...:...) requires a false expression, delimited by a colon. Found ${describeToken(colon)}.`);
    }
    this.next();
    const otherwise = this.parseExpr();
    this.leave();
    return { type: "Conditional", cond, then, else: otherwise, parts: [cond, q, then, colon, otherwise] };
  }

  /**
   * Operator precedence by an explicit stack: left-associative within a
   * level, no recursion per operator. Each operator deepens the tree, so it
   * counts towards the nesting limit like a bracket does.
   */
  private parseBinary(): Expr {
    const operands: Expr[] = [this.parseUnary()];
    const ops: Token[] = [];
    let entered = 0;
    const reduce = (): void => {
      const right = operands.pop()!;
      const left = operands.pop()!;
      const op = ops.pop()!;
      operands.push({ type: "Binary", op, left, right, parts: [left, op, right] });
    };
    for (;;) {
      const t = this.peek();
      const prec = PRECEDENCE.get(t.kind);
      if (prec === undefined) break;
      this.enter(t);
      entered++;
      while (ops.length > 0 && PRECEDENCE.get(ops[ops.length - 1]!.kind)! >= prec) reduce();
      ops.push(this.next());
      operands.push(this.parseUnary());
    }
    while (ops.length > 0) reduce();
    this.depth -= entered;
    return operands[0]!;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === TK.Bang || t.kind === TK.Minus) {
      this.next();
      this.enter(t);
      const operand = this.parseUnary();
      this.leave();
      return { type: "Unary", op: t, operand, parts: [t, operand] };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  /** Traversal steps after a term; each one deepens the tree and counts towards the nesting limit. */
  private parsePostfix(start: Expr): Expr {
    let expr = start;
    let entered = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind !== TK.Dot && t.kind !== TK.OBrack) break;
      this.enter(t);
      entered++;
      expr = t.kind === TK.Dot ? this.parseDotStep(expr) : this.parseBracketStep(expr);
    }
    this.depth -= entered;
    return expr;
  }

  private parseDotStep(target: Expr): Expr {
    const dot = this.next();
    const t = this.peek();
    if (t.kind === TK.Ident) {
      this.next();
      return { type: "GetAttr", target, name: t, parts: [target, dot, t] };
    }
    if (t.kind === TK.Star) {
      this.next();
      return { type: "Splat", target, full: false, parts: [target, dot, t] };
    }
    if (t.kind === TK.Number && /^[0-9]+(\.[0-9]+)?$/.test(t.text)) {
      this.next();
      return this.legacyIndexes(target, dot, t);
    }
    this.fail(t, "parse.invalid-attribute-name", "Invalid attribute name", `An attribute name is required after a dot. Found ${describeToken(t)}.`);
  }

  /**
   * `x.0.1` lexes `0.1` as one number: split it back into two legacy index
   * steps, so the tree still prints as written, and report it as Terraform
   * does, which refuses two legacy indexes in a row.
   */
  private legacyIndexes(target: Expr, dot: Token, num: Token): Expr {
    const pieces = num.text.split(".");
    if (pieces.length === 1) return { type: "LegacyIndex", target, index: num, parts: [target, dot, num] };
    this.report(num.pos, num.pos + num.text.length, "parse.invalid-legacy-index", "Invalid legacy index syntax", `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [${pieces.join("][")}].`);
    let expr: Expr = target;
    let pos = num.pos;
    pieces.forEach((piece, k) => {
      const d = k === 0 ? dot : makeToken(TK.Dot, ".", "", pos - 1);
      const index = makeToken(TK.Number, piece, k === 0 ? num.lead : "", pos);
      pos += piece.length + 1;
      expr = { type: "LegacyIndex", target: expr, index, parts: [expr, d, index] };
    });
    return expr;
  }

  private parseBracketStep(target: Expr): Expr {
    return this.withNewlines(true, () => {
      const open = this.next();
      const t = this.peek();
      if (t.kind === TK.Star) {
        const star = this.next();
        const close = this.peek();
        if (close.kind !== TK.CBrack) {
          this.fail(close, "parse.missing-splat-bracket", "Missing close bracket on splat index", `The star for a full splat operator must be immediately followed by a closing bracket ("]"). Found ${describeToken(close)}.`);
        }
        this.next();
        return { type: "Splat", target, full: true, parts: [target, open, star, close] } as Expr;
      }
      const key = this.parseExpr();
      const close = this.peek();
      if (close.kind === TK.EOF) this.fail(open, "parse.missing-index-bracket", "Missing close bracket on index", "There is no closing bracket for this index before the end of the file.");
      if (close.kind !== TK.CBrack) this.fail(close, "parse.missing-index-bracket", "Missing close bracket on index", `The index operator must end with a closing bracket ("]"). Found ${describeToken(close)}.`);
      this.next();
      return { type: "Index", target, key, parts: [target, open, key, close] } as Expr;
    });
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case TK.Number:
        this.next();
        return { type: "Literal", token: t, parts: [t] };
      case TK.Ident:
        return this.parseIdentExpr();
      case TK.OQuote:
        return this.parseQuotedTemplate();
      case TK.OHeredoc:
        return this.parseHeredoc();
      case TK.OParen:
        return this.withNewlines(true, () => {
          const open = this.next();
          const expr = this.parseExpr();
          const close = this.peek();
          if (close.kind === TK.EOF) this.fail(open, "parse.unbalanced-parens", "Unbalanced parentheses", "There is no closing parenthesis for this opening one before the end of the file.");
          if (close.kind !== TK.CParen) this.fail(close, "parse.unbalanced-parens", "Unbalanced parentheses", `Expected a closing parenthesis to terminate the expression. Found ${describeToken(close)}.`);
          this.next();
          return { type: "Paren", expr, parts: [open, expr, close] } as Expr;
        });
      case TK.OBrack:
        return this.isForIntro() ? this.parseFor(false) : this.parseTuple();
      case TK.OBrace:
        return this.isForIntro() ? this.parseFor(true) : this.parseObject();
    }
    if (t.kind === TK.Invalid) this.fail(t, "parse.invalid-character", "Invalid character", "This character is not used within the language.");
    if (t.kind === TK.EOF) this.fail(t, "parse.missing-expression", "Missing expression", "Expected the start of an expression, but found the end of the file.");
    this.fail(t, "parse.invalid-expression", "Invalid expression", `Expected the start of an expression, but found ${describeToken(t)}.`);
  }

  /** `[for x in …` / `{for k, v in …`: the keyword `for` followed by an identifier. */
  private isForIntro(): boolean {
    return this.withNewlines(true, () => {
      const a = this.peekAt(1);
      const b = this.peekAt(2);
      return a.kind === TK.Ident && a.text === "for" && b.kind === TK.Ident;
    });
  }

  private parseIdentExpr(): Expr {
    const t = this.next();
    if (t.text === "true" || t.text === "false" || t.text === "null") {
      const after = this.peek();
      if (after.kind !== TK.OParen && after.kind !== TK.DoubleColon) return { type: "Literal", token: t, parts: [t] };
    }
    const after = this.peek();
    if (after.kind === TK.OParen || after.kind === TK.DoubleColon) return this.parseCall(t);
    return { type: "Variable", name: t, parts: [t] };
  }

  private parseCall(first: Token): CallExpr {
    const parts: Part[] = [first];
    let name = first.text;
    while (this.peek().kind === TK.DoubleColon) {
      parts.push(this.next());
      const seg = this.peek();
      if (seg.kind !== TK.Ident) this.fail(seg, "parse.missing-function-name", "Missing function name", "Function scope resolution symbol :: must be followed by a function name in this scope.");
      parts.push(this.next());
      name += "::" + seg.text;
    }
    const open = this.peek();
    if (open.kind !== TK.OParen) this.fail(open, "parse.missing-open-paren", "Missing open parenthesis", "Function selector must be followed by an open parenthesis to begin the function call.");
    parts.push(this.next());
    const args: Expr[] = [];
    let expandFinal = false;
    const unterminated = (): never =>
      this.failAt(first.pos, open.pos + 1, "parse.unterminated-call", "Unterminated function call", "There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.");
    this.withNewlines(true, () => {
      for (;;) {
        const t = this.peek();
        if (t.kind === TK.CParen) break;
        if (t.kind === TK.EOF) unterminated();
        const arg = this.parseExpr();
        args.push(arg);
        parts.push(arg);
        const sep = this.peek();
        if (sep.kind === TK.Ellipsis) {
          expandFinal = true;
          parts.push(this.next());
          if (this.peek().kind !== TK.CParen) this.fail(sep, "parse.missing-paren", "Missing closing parenthesis", "An expanded function argument (with ...) must be immediately followed by closing parentheses.");
          break;
        }
        if (sep.kind === TK.Comma) parts.push(this.next());
        else if (sep.kind === TK.EOF) unterminated();
        else if (sep.kind !== TK.CParen) {
          this.fail(sep, "parse.missing-argument-separator", "Missing argument separator", `A comma is required to separate each function argument from the next. Found ${describeToken(sep)}; if the call to '${name}' that opens at ${this.where(open)} should end before it, add the closing ')'.`);
        }
      }
      parts.push(this.next());
    });
    return { type: "Call", name, args, expandFinal, parts };
  }

  private parseTuple(): TupleExpr {
    return this.withNewlines(true, () => {
      const open = this.next();
      const parts: Part[] = [open];
      const elements: Expr[] = [];
      const unterminated = (): never =>
        this.fail(open, "parse.unterminated-tuple", "Unterminated tuple constructor expression", "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.");
      for (;;) {
        const t = this.peek();
        if (t.kind === TK.CBrack) break;
        if (t.kind === TK.EOF) unterminated();
        const e = this.parseExpr();
        elements.push(e);
        parts.push(e);
        const sep = this.peek();
        if (sep.kind === TK.Comma) parts.push(this.next());
        else if (sep.kind === TK.EOF) unterminated();
        else if (sep.kind !== TK.CBrack) this.fail(sep, "parse.missing-item-separator", "Missing item separator", `Expected a comma to mark the beginning of the next item. Found ${describeToken(sep)}.`);
      }
      parts.push(this.next());
      return { type: "Tuple", elements, parts };
    });
  }

  private parseObject(): ObjectExpr {
    return this.withNewlines(false, () => {
      const open = this.next();
      const parts: Part[] = [open];
      const items: ObjectItem[] = [];
      for (;;) {
        const t = this.peek();
        if (t.kind === TK.CBrace) break;
        if (t.kind === TK.Newline) {
          parts.push(this.next());
          continue;
        }
        if (t.kind === TK.EOF) this.unterminatedObject(open);
        if (t.kind === TK.Comma) this.fail(t, "parse.invalid-expression", "Invalid expression", "Expected the start of an expression, but found ','. Object items are separated by one comma or newline.");
        const item = this.parseObjectItem(open);
        items.push(item);
        parts.push(item);
        const sep = this.peek();
        if (sep.kind === TK.Comma || sep.kind === TK.Newline) parts.push(this.next());
        else if (sep.kind === TK.EOF) this.unterminatedObject(open);
        else if (sep.kind !== TK.CBrace) {
          this.fail(sep, "parse.missing-attribute-separator", "Missing attribute separator", `Expected a newline or comma to mark the beginning of the next attribute. Found ${describeToken(sep)}.`);
        }
      }
      parts.push(this.next());
      return { type: "Object", items, parts };
    });
  }

  private unterminatedObject(open: Token): never {
    this.fail(open, "parse.unterminated-object", "Unterminated object constructor expression", "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.");
  }

  private parseObjectItem(open: Token): ObjectItem {
    const key = this.parseExpr();
    const sep = this.peek();
    if (sep.kind !== TK.Equal && sep.kind !== TK.Colon) {
      if (sep.kind === TK.Newline || sep.kind === TK.Comma) this.fail(sep, "parse.missing-attribute-value", "Missing attribute value", 'Expected an attribute value, introduced by an equals sign ("=").');
      if (sep.kind === TK.EOF) this.unterminatedObject(open);
      const hint = sep.kind === TK.Ident ? " If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal." : "";
      this.fail(sep, "parse.missing-key-value-separator", "Missing key/value separator", `Expected an equals sign ("=") to mark the beginning of the attribute value.${hint} Found ${describeToken(sep)}.`);
    }
    this.next();
    const value = this.parseExpr();
    return { type: "ObjectItem", key, value, parts: [key, sep, value] };
  }

  private parseFor(object: boolean): ForExpr {
    return this.withNewlines(true, () => {
      const open = this.next();
      const kw = this.next();
      const parts: Part[] = [open, kw];
      const code = "parse.invalid-for";
      const summary = "Invalid 'for' expression";
      const first = this.peek();
      if (first.kind !== TK.Ident) this.fail(first, code, summary, "For expression requires variable name after 'for'.");
      parts.push(this.next());
      let keyVar: string | null = null;
      let valueVar = first.text;
      if (this.peek().kind === TK.Comma) {
        parts.push(this.next());
        const second = this.peek();
        if (second.kind !== TK.Ident) this.fail(second, code, summary, "For expression requires value variable name after comma.");
        parts.push(this.next());
        keyVar = first.text;
        valueVar = second.text;
      }
      const inKw = this.peek();
      if (inKw.kind !== TK.Ident || inKw.text !== "in") this.fail(inKw, code, summary, `For expression requires the 'in' keyword after its name declarations. Found ${describeToken(inKw)}.`);
      parts.push(this.next());
      const coll = this.parseExpr();
      parts.push(coll);
      const colon = this.peek();
      if (colon.kind !== TK.Colon) this.fail(colon, code, summary, `For expression requires a colon after the collection expression. Found ${describeToken(colon)}.`);
      parts.push(this.next());
      let keyExpr: Expr | null = null;
      let valueExpr = this.parseExpr();
      parts.push(valueExpr);
      if (this.peek().kind === TK.FatArrow) {
        if (!object) this.failOver(valueExpr, code, summary, "Key expression is not valid when building a tuple.");
        parts.push(this.next());
        keyExpr = valueExpr;
        valueExpr = this.parseExpr();
        parts.push(valueExpr);
      } else if (object) this.failOver(valueExpr, code, summary, "Key expression is required when building an object.");
      let grouped = false;
      const ellipsis = this.peek();
      if (ellipsis.kind === TK.Ellipsis) {
        if (!object) this.fail(ellipsis, code, summary, "Grouping ellipsis (...) cannot be used when building a tuple.");
        grouped = true;
        parts.push(this.next());
      }
      let cond: Expr | null = null;
      const ifKw = this.peek();
      if (ifKw.kind === TK.Ident && ifKw.text === "if") {
        parts.push(this.next());
        cond = this.parseExpr();
        parts.push(cond);
      }
      const close = this.peek();
      if (close.kind !== (object ? TK.CBrace : TK.CBrack)) {
        if (close.kind === TK.EOF) this.fail(open, code, summary, `There is no closing ${object ? "brace" : "bracket"} for this 'for' expression before the end of the file.`);
        this.fail(close, code, summary, `Extra characters after the end of the 'for' expression. Found ${describeToken(close)}.`);
      }
      parts.push(this.next());
      return { type: "For", object, keyVar, valueVar, coll, keyExpr, valueExpr, cond, grouped, parts };
    });
  }

  // ---- templates ----------------------------------------------------------

  private parseQuotedTemplate(): TemplateExpr {
    const open = this.next();
    this.quoted.push(true);
    const items = this.parseTemplateItems(null, null);
    this.quoted.pop();
    const close = this.peek();
    if (close.kind !== TK.CQuote) this.fail(open, "parse.unterminated-string", "Unterminated template string", "No closing marker was found for the string: add the closing '\"' on the same line.");
    this.next();
    return { type: "Template", heredoc: false, open, items, close, parts: [open, ...items, close] };
  }

  private parseHeredoc(): TemplateExpr {
    const open = this.next();
    this.quoted.push(false);
    const items = this.parseTemplateItems(null, null);
    this.quoted.pop();
    const close = this.peek();
    if (close.kind !== TK.CHeredoc) this.fail(open, "parse.unterminated-heredoc", "Unterminated template string", "No closing marker was found for this heredoc.");
    this.next();
    return { type: "Template", heredoc: true, open, items, close, parts: [open, ...items, close] };
  }

  /** Backslash escapes of a quoted-string literal, checked as hclsyntax checks them (a problem does not stop parsing). */
  private checkEscapes(t: Token): void {
    const s = t.text;
    for (let k = s.indexOf("\\"); k >= 0 && k < s.length; k = s.indexOf("\\", k)) {
      const e = s[k + 1];
      // A backslash at the very end only happens in a string cut by a newline, reported already.
      if (e === undefined) return;
      if ('nrt"\\'.includes(e)) {
        k += 2;
        continue;
      }
      const code = "parse.invalid-escape";
      const summary = "Invalid escape sequence";
      if (e === "u" || e === "U") {
        const want = e === "u" ? 4 : 8;
        const hex = /^[0-9a-fA-F]*/.exec(s.slice(k + 2, k + 2 + want))![0];
        const end = t.pos + k + 2 + hex.length;
        if (hex.length !== want) {
          this.report(t.pos + k, end, code, summary, `The \\${e} escape sequence must be followed by ${want === 4 ? "four" : "eight"} hexadecimal digits.`);
        } else {
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) this.report(t.pos + k, end, code, summary, `Cannot encode character U+${cp.toString(16).padStart(4, "0")} in UTF-8.`);
        }
        k += 2 + hex.length;
        continue;
      }
      const len = (e.codePointAt(0)! > 0xffff ? 2 : 1) + 1;
      this.report(t.pos + k, t.pos + k + len, code, summary, `The symbol ${JSON.stringify(s.slice(k + 1, k + len))} is not a valid escape sequence selector.`);
      k += len;
    }
  }

  /**
   * Template items up to the end of the template, or (inside a directive)
   * up to the `%{ else }`, `%{ endif }` or `%{ endfor }` that ends the run.
   */
  private parseTemplateItems(stopAt: Set<string> | null, ctx: DirectiveContext | null): TemplatePart[] {
    const items: TemplatePart[] = [];
    return this.withNewlines(false, () => {
      for (;;) {
        const t = this.peek();
        if (t.kind === TK.TemplateLiteral) {
          if (this.quoted[this.quoted.length - 1]) this.checkEscapes(t);
          items.push(this.next());
        } else if (t.kind === TK.TemplateInterp) items.push(this.parseInterpolation());
        else if (t.kind === TK.TemplateControl) {
          const kwTok = this.controlKeywordToken();
          if (kwTok.kind !== TK.Ident) {
            this.fail(kwTok, "parse.invalid-directive", "Invalid template directive", 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.');
          }
          const kw = kwTok.text;
          if (stopAt && stopAt.has(kw)) return items;
          if (kw === "if") items.push(this.parseTemplateIf());
          else if (kw === "for") items.push(this.parseTemplateFor());
          else if (kw === "else" || kw === "endif" || kw === "endfor") this.unexpectedDirective(t, kw, ctx);
          else {
            const guess = suggest(kw, TEMPLATE_KEYWORDS);
            this.fail(kwTok, "parse.invalid-directive-keyword", "Invalid template control keyword", `${JSON.stringify(kw)} is not a valid template control keyword.${guess ? ` Did you mean ${JSON.stringify(guess)}?` : ""}`);
          }
        } else return items;
      }
    });
  }

  private controlKeywordToken(): Token {
    return this.withNewlines(true, () => this.peekAt(1));
  }

  /** `%{ else }`, `%{ endif }` or `%{ endfor }` where it closes nothing: report the whole directive. */
  private unexpectedDirective(open: Token, kw: string, ctx: DirectiveContext | null): never {
    let end = open.pos + open.text.length;
    for (let j = this.i; j < this.toks.length - 1; j++) {
      const t = this.toks[j]!;
      if (t.kind === TK.TemplateSeqEnd) {
        end = t.pos + t.text.length;
        break;
      }
    }
    let detail = "The control directives within this template are unbalanced.";
    if (ctx && kw === "else") detail = ctx.kind === "for" ? "An else clause is not expected for a for directive." : `Already in the else clause for the if started at ${this.where(ctx.opener)}.`;
    else if (ctx && (ctx.kind === "if" || ctx.kind === "else")) detail = `Expecting an endif directive for the if started at ${this.where(ctx.opener)}.`;
    else if (ctx) detail = `Expecting an endfor directive corresponding to the for directive at ${this.where(ctx.opener)}.`;
    this.failAt(open.pos, end, "parse.unexpected-directive", `Unexpected ${kw} directive`, detail);
  }

  private parseInterpolation(): TemplatePart {
    const inQuoted = this.quoted[this.quoted.length - 1] === true;
    return this.withNewlines(true, () => {
      const open = this.next();
      const expr = this.parseExpr();
      const close = this.peek();
      if (close.kind !== TK.TemplateSeqEnd) {
        const code = "parse.extra-characters-in-interpolation";
        if (close.kind === TK.EOF) {
          this.fail(open, "parse.unclosed-interpolation", "Unclosed template interpolation sequence", "There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.");
        }
        if (close.kind === TK.OQuote && inQuoted) {
          this.fail(open, "parse.unclosed-interpolation", "Unclosed template interpolation sequence", "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.");
        }
        if (close.kind === TK.Colon) {
          this.fail(close, code, "Extra characters after interpolation expression", `Template interpolation doesn't expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with "$\${" instead of just "\${".`);
        }
        this.fail(close, code, "Extra characters after interpolation expression", `Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with "$\${" instead of just "\${".`);
      }
      this.next();
      return { type: "TemplateInterpolation", expr, parts: [open, expr, close] };
    });
  }

  /** `%{ keyword …rest }` where `rest` reads the directive's own operands. */
  private parseControlTag(keyword: string, rest: (parts: Part[]) => void): TemplateControlTag {
    return this.withNewlines(true, () => {
      const open = this.next();
      const kw = this.next();
      const parts: Part[] = [open, kw];
      rest(parts);
      const close = this.peek();
      if (close.kind !== TK.TemplateSeqEnd) this.fail(close, "parse.extra-characters-in-directive", `Extra characters in ${keyword} marker`, `Expected a closing brace to end the sequence, but found extra characters. Found ${describeToken(close)}.`);
      parts.push(this.next());
      return { type: "TemplateControlTag", keyword, parts };
    });
  }

  /** The `%{ endif }` or `%{ endfor }` that must come next, else the template ended too soon. */
  private expectControl(opener: Token, keyword: string, directive: string): TemplateControlTag {
    const t = this.peek();
    if (t.kind !== TK.TemplateControl || this.controlKeywordToken().text !== keyword) {
      this.fail(t, "parse.unclosed-directive", "Unexpected end of template", `The ${directive} directive at ${this.where(opener)} is missing its corresponding ${keyword} directive.`);
    }
    return this.parseControlTag(keyword, () => undefined);
  }

  private parseTemplateIf(): TemplateIf {
    const opener = this.peek();
    this.enter(opener);
    let cond: Expr | null = null;
    const ifTag = this.parseControlTag("if", (parts) => {
      cond = this.parseExpr();
      parts.push(cond);
    });
    const parts: Part[] = [ifTag];
    const then = this.parseTemplateItems(new Set(["else", "endif"]), { kind: "if", opener });
    parts.push(...then);
    let otherwise: TemplatePart[] | null = null;
    if (this.peek().kind === TK.TemplateControl && this.controlKeywordToken().text === "else") {
      parts.push(this.parseControlTag("else", () => undefined));
      otherwise = this.parseTemplateItems(new Set(["endif"]), { kind: "else", opener });
      parts.push(...otherwise);
    }
    parts.push(this.expectControl(opener, "endif", "if"));
    this.leave();
    return { type: "TemplateIf", cond: cond!, then, else: otherwise, parts };
  }

  private parseTemplateFor(): TemplateFor {
    const opener = this.peek();
    this.enter(opener);
    let keyVar: string | null = null;
    let valueVar = "";
    let coll: Expr | null = null;
    const code = "parse.invalid-for";
    const summary = "Invalid 'for' directive";
    const forTag = this.parseControlTag("for", (parts) => {
      const first = this.peek();
      if (first.kind !== TK.Ident) this.fail(first, code, summary, "For directive requires variable name after 'for'.");
      parts.push(this.next());
      valueVar = first.text;
      if (this.peek().kind === TK.Comma) {
        parts.push(this.next());
        const second = this.peek();
        if (second.kind !== TK.Ident) this.fail(second, code, summary, "For directive requires value variable name after comma.");
        parts.push(this.next());
        keyVar = first.text;
        valueVar = second.text;
      }
      const inKw = this.peek();
      if (inKw.kind !== TK.Ident || inKw.text !== "in") this.fail(inKw, code, summary, "For directive requires 'in' keyword after names.");
      parts.push(this.next());
      coll = this.parseExpr();
      parts.push(coll);
    });
    const parts: Part[] = [forTag];
    const body = this.parseTemplateItems(new Set(["endfor"]), { kind: "for", opener });
    parts.push(...body);
    parts.push(this.expectControl(opener, "endfor", "for"));
    this.leave();
    return { type: "TemplateFor", keyVar, valueVar, coll: coll!, body, parts };
  }
}

/** The closest of `options` to `given` (edit distance under 3), as hclsyntax suggests names. */
function suggest(given: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestDist = 3;
  for (const o of options) {
    const d = editDistance(given, o);
    if (d < bestDist) {
      best = o;
      bestDist = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}
