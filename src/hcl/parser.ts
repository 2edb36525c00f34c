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
  isToken,
  type Attribute,
  type Block,
  type Body,
  type CallExpr,
  type Expr,
  type File,
  type ForExpr,
  type InvalidExpr,
  type Label,
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
  const p = new Parser(tokens, errors, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  const file = p.parseFile(bom);
  const diagnostics: Diagnostic[] = [];
  const all = [...errors.map((e) => ({ ...e })), ...p.errors];
  all.sort((a, b) => a.pos - b.pos);
  for (const e of all) {
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

class Parser {
  i = 0;
  /** Stack of "newlines are insignificant here" flags. */
  private skipNl: boolean[] = [false];
  private depth = 0;
  readonly errors: Problem[] = [];

  constructor(
    private readonly toks: Token[],
    private readonly lexErrors: LexError[],
    private readonly maxDepth: number,
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

  private fail(t: Token, code: string, summary: string, detail: string): never {
    throw new ParseError(t.pos, t.pos + Math.max(1, t.text.length), code, summary, detail);
  }

  private expect(kind: TK, summary: string, detail: string): Token {
    const t = this.peek();
    if (t.kind !== kind) this.fail(t, "parse.unexpected-token", summary, `${detail} Found ${describeToken(t)}.`);
    return this.next();
  }

  private enter(t: Token): void {
    if (++this.depth > this.maxDepth) {
      this.fail(t, "parse.too-deep", "Nesting too deep", `This file nests expressions or blocks more than ${this.maxDepth} levels deep, which aws2ali does not process. Split the value into locals.`);
    }
  }

  private leave(): void {
    this.depth--;
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
        else if (t.kind === TK.CBrace) this.fail(t, "parse.unexpected-brace", "Unexpected closing brace", "This '}' closes no block. Remove it, or check the braces above it.");
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
    this.skipNl = [false];
    this.depth = 0;
    const lexed = this.lexErrors.some((l) => l.pos >= this.toks[start]!.pos && l.pos <= e.pos);
    if (!lexed) this.errors.push({ pos: e.pos, end: e.end, code: e.code, summary: e.summary, detail: e.detail });
    let j = e.resumeAt >= 0 ? e.resumeAt : Math.max(this.i, start + 1);
    if (e.resumeAt < 0) while (j < this.toks.length - 1 && !this.startsTopLevelLine(j)) j++;
    const parts: Part[] = this.toks.slice(start, j);
    const invalid: InvalidExpr = { type: "Invalid", parts };
    body.parts.push(invalid);
    this.i = j;
  }

  /** An identifier at column 1, right after a newline: where a top-level block can start. */
  private startsTopLevelLine(j: number): boolean {
    const t = this.toks[j]!;
    if (t.kind !== TK.Ident || t.lead !== "") return false;
    const prev = this.toks[j - 1];
    return prev !== undefined && prev.kind === TK.Newline;
  }

  private parseItem(topLevel: boolean): Attribute | Block {
    const name = this.peek();
    if (name.kind !== TK.Ident) {
      this.fail(name, "parse.argument-or-block-required", "Argument or block definition required", `An argument or a block must start with a name. Found ${describeToken(name)}.`);
    }
    if (!topLevel && TOP_LEVEL_ONLY.has(name.text) && name.lead === "" && this.toks[this.i - 1]?.kind === TK.Newline) {
      const next = this.peekAt(1);
      if (next.kind === TK.OQuote || next.kind === TK.OBrace) {
        throw new ParseError(name.pos, name.pos + name.text.length, "parse.unclosed-block", "Unclosed configuration block", `A top-level '${name.text}' block starts here inside another block: a closing brace '}' is probably missing above it.`, this.i);
      }
    }
    this.next();
    const after = this.peek();
    if (after.kind === TK.Equal) return this.parseAttribute(name);
    if (after.kind === TK.OBrace || after.kind === TK.OQuote || after.kind === TK.Ident) return this.parseBlock(name);
    this.fail(after, "parse.argument-or-block-required", "Argument or block definition required", `'${name.text}' must be followed by '=' for an argument, or by labels and '{' for a block. Found ${describeToken(after)}.`);
  }

  private parseAttribute(name: Token): Attribute {
    const eq = this.next();
    const expr = this.parseExpr();
    const parts: Part[] = [name, eq, expr];
    const end = this.peek();
    if (end.kind === TK.Newline) parts.push(this.next());
    else if (end.kind !== TK.EOF && end.kind !== TK.CBrace) {
      this.fail(end, "parse.missing-newline", "Missing newline after argument", `An argument definition must end with a newline. Found ${describeToken(end)}.`);
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
    const open = this.expect(TK.OBrace, "Invalid block definition", "A block's labels must be followed by an opening brace '{'.");
    parts.push(open);
    const body: Body = { type: "Body", parts: [] };
    parts.push(body);
    const first = this.peek();
    if (first.kind === TK.Newline) this.parseBodyItems(body, open);
    else if (first.kind !== TK.CBrace) this.parseOneLineBody(body, open);
    const close = this.peek();
    if (close.kind !== TK.CBrace) this.unclosed(open);
    parts.push(this.next());
    const end = this.peek();
    if (end.kind === TK.Newline) parts.push(this.next());
    else if (end.kind !== TK.EOF && end.kind !== TK.CBrace) {
      this.fail(end, "parse.missing-newline", "Missing newline after block definition", `A block definition must end with a newline. Found ${describeToken(end)}.`);
    }
    this.leave();
    return { type: "Block", blockType, labels, open, body, close, parts };
  }

  private unclosed(open: Token): never {
    throw new ParseError(open.pos, open.pos + 1, "parse.unclosed-block", "Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", this.toks.length - 1);
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

  /** `tag { key = "a" }`: at most one argument, on the block's own line. */
  private parseOneLineBody(body: Body, open: Token): void {
    const name = this.peek();
    if (name.kind === TK.EOF) this.unclosed(open);
    const item = this.parseItem(false);
    body.parts.push(item);
    if (this.peek().kind !== TK.CBrace) {
      this.fail(this.peek(), "parse.invalid-single-line-block", "Invalid single-argument block definition", "A single-line block definition can contain only one argument. Put each argument on its own line.");
    }
  }

  private parseLabel(): Label {
    const open = this.next();
    const parts: Part[] = [open];
    let t = this.peek();
    if (t.kind === TK.TemplateLiteral) {
      parts.push(this.next());
      t = this.peek();
    }
    if (t.kind !== TK.CQuote) {
      this.fail(t, "parse.invalid-label", "Invalid block label", "Block labels must be literal strings without interpolation, closed on the same line.");
    }
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
    const colon = this.expect(TK.Colon, "Missing false expression in conditional", "A conditional needs ':' and a result for when the condition is false.");
    const otherwise = this.parseExpr();
    this.leave();
    return { type: "Conditional", cond, then, else: otherwise, parts: [cond, q, then, colon, otherwise] };
  }

  /** Operator precedence by an explicit stack: left-associative within a level, no recursion per operator. */
  private parseBinary(): Expr {
    const operands: Expr[] = [this.parseUnary()];
    const ops: Token[] = [];
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
      while (ops.length > 0 && PRECEDENCE.get(ops[ops.length - 1]!.kind)! >= prec) reduce();
      ops.push(this.next());
      operands.push(this.parseUnary());
    }
    while (ops.length > 0) reduce();
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

  private parsePostfix(start: Expr): Expr {
    let expr = start;
    for (;;) {
      const t = this.peek();
      if (t.kind === TK.Dot) expr = this.parseDotStep(expr);
      else if (t.kind === TK.OBrack) expr = this.parseBracketStep(expr);
      else return expr;
    }
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
    if (t.kind === TK.Number && /^[0-9]+(\.[0-9]+)*$/.test(t.text)) {
      this.next();
      return this.legacyIndexes(target, dot, t);
    }
    this.fail(t, "parse.invalid-attribute-name", "Invalid attribute name", `An attribute name is required after a dot. Found ${describeToken(t)}.`);
  }

  /** `x.0.1` lexes `0.1` as one number: split it back into two legacy index steps. */
  private legacyIndexes(target: Expr, dot: Token, num: Token): Expr {
    const pieces = num.text.split(".");
    if (pieces.length === 1) return { type: "LegacyIndex", target, index: num, parts: [target, dot, num] };
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
      if (t.kind === TK.Star && this.peekAt(1).kind === TK.CBrack) {
        const star = this.next();
        const close = this.next();
        return { type: "Splat", target, full: true, parts: [target, open, star, close] } as Expr;
      }
      const key = this.parseExpr();
      const close = this.expect(TK.CBrack, "Missing close bracket on index", "The index operator must end with a closing bracket ']'.");
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
          const close = this.expect(TK.CParen, "Unbalanced parentheses", "Expected a closing parenthesis ')' to end this expression.");
          return { type: "Paren", expr, parts: [open, expr, close] } as Expr;
        });
      case TK.OBrack:
        return this.isForIntro() ? this.parseFor(false) : this.parseTuple();
      case TK.OBrace:
        return this.isForIntro() ? this.parseFor(true) : this.parseObject();
    }
    if (t.kind === TK.Invalid) this.fail(t, "parse.invalid-character", "Invalid character", `The character ${JSON.stringify(t.text)} is not valid here in HCL.`);
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
      const seg = this.expect(TK.Ident, "Invalid function name", "A function namespace separator '::' must be followed by a name.");
      parts.push(seg);
      name += "::" + seg.text;
    }
    const open = this.expect(TK.OParen, "Invalid function call", "A function name must be followed by '('.");
    parts.push(open);
    const args: Expr[] = [];
    let expandFinal = false;
    this.withNewlines(true, () => {
      for (;;) {
        const t = this.peek();
        if (t.kind === TK.CParen) break;
        const arg = this.parseExpr();
        args.push(arg);
        parts.push(arg);
        const sep = this.peek();
        if (sep.kind === TK.Ellipsis) {
          expandFinal = true;
          parts.push(this.next());
          if (this.peek().kind === TK.Comma) parts.push(this.next());
          if (this.peek().kind !== TK.CParen) this.fail(this.peek(), "parse.missing-paren", "Missing closing parenthesis", "An expanded argument ('...') must be the last argument of a function call.");
          break;
        }
        if (sep.kind === TK.Comma) parts.push(this.next());
        else if (sep.kind !== TK.CParen) this.fail(sep, "parse.missing-paren", "Missing closing parenthesis", `Function arguments are separated by commas and end with ')'. Found ${describeToken(sep)}.`);
      }
      parts.push(this.next());
    });
    return { type: "Call", name, args, expandFinal, parts };
  }

  private parseTuple(): TupleExpr {
    return this.withNewlines(true, () => {
      const parts: Part[] = [this.next()];
      const elements: Expr[] = [];
      for (;;) {
        const t = this.peek();
        if (t.kind === TK.CBrack) break;
        const e = this.parseExpr();
        elements.push(e);
        parts.push(e);
        const sep = this.peek();
        if (sep.kind === TK.Comma) parts.push(this.next());
        else if (sep.kind !== TK.CBrack) this.fail(sep, "parse.missing-bracket", "Missing item separator", `Expected a comma to mark the beginning of the next item, or ']' to end the list. Found ${describeToken(sep)}.`);
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
        if (t.kind === TK.Newline || t.kind === TK.Comma) {
          if (t.kind === TK.Comma && (items.length === 0 || isToken(parts[parts.length - 1]!) && (parts[parts.length - 1] as Token).kind === TK.Comma)) {
            this.fail(t, "parse.invalid-expression", "Invalid expression", "Expected an attribute name or '}', but found a comma.");
          }
          parts.push(this.next());
          continue;
        }
        if (t.kind === TK.EOF) this.fail(open, "parse.unclosed-object", "Unterminated object constructor expression", "There is no closing brace '}' for this object before the end of the file.");
        const item = this.parseObjectItem();
        items.push(item);
        parts.push(item);
        const sep = this.peek();
        if (sep.kind !== TK.Comma && sep.kind !== TK.Newline && sep.kind !== TK.CBrace) {
          this.fail(sep, "parse.missing-separator", "Missing attribute separator", `Expected a newline or comma to mark the beginning of the next attribute. Found ${describeToken(sep)}.`);
        }
      }
      parts.push(this.next());
      return { type: "Object", items, parts };
    });
  }

  private parseObjectItem(): ObjectItem {
    const key = this.withNewlines(true, () => this.parseExpr());
    const sep = this.peek();
    if (sep.kind !== TK.Equal && sep.kind !== TK.Colon) {
      this.fail(sep, "parse.missing-key-value-separator", "Missing key/value separator", `Expected '=' or ':' after the attribute key. Found ${describeToken(sep)}.`);
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
      const first = this.expect(TK.Ident, "Invalid 'for' expression", "A 'for' expression needs a variable name after 'for'.");
      parts.push(first);
      let keyVar: string | null = null;
      let valueVar = first.text;
      if (this.peek().kind === TK.Comma) {
        parts.push(this.next());
        const second = this.expect(TK.Ident, "Invalid 'for' expression", "A second variable name is required after the comma.");
        parts.push(second);
        keyVar = first.text;
        valueVar = second.text;
      }
      const inKw = this.peek();
      if (inKw.kind !== TK.Ident || inKw.text !== "in") this.fail(inKw, "parse.invalid-for", "Invalid 'for' expression", `The keyword 'in' is required after the variable names. Found ${describeToken(inKw)}.`);
      parts.push(this.next());
      const coll = this.parseExpr();
      parts.push(coll);
      parts.push(this.expect(TK.Colon, "Invalid 'for' expression", "A colon is required after the collection expression."));
      let keyExpr: Expr | null = null;
      let valueExpr = this.parseExpr();
      parts.push(valueExpr);
      if (object) {
        parts.push(this.expect(TK.FatArrow, "Invalid 'for' expression", "An object 'for' expression needs '=>' between the key and the value."));
        keyExpr = valueExpr;
        valueExpr = this.parseExpr();
        parts.push(valueExpr);
      }
      let grouped = false;
      if (object && this.peek().kind === TK.Ellipsis) {
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
      parts.push(this.expect(object ? TK.CBrace : TK.CBrack, "Invalid 'for' expression", `Expected '${object ? "}" : "]"}' to end the 'for' expression.`));
      return { type: "For", object, keyVar, valueVar, coll, keyExpr, valueExpr, cond, grouped, parts };
    });
  }

  // ---- templates ----------------------------------------------------------

  private parseQuotedTemplate(): TemplateExpr {
    const open = this.next();
    const items = this.parseTemplateItems(null);
    const close = this.peek();
    if (close.kind !== TK.CQuote) this.fail(open, "parse.unterminated-string", "Unterminated template string", "This quoted string is not closed on the same line. Add the closing '\"'.");
    this.next();
    return { type: "Template", heredoc: false, open, items, close, parts: [open, ...items, close] };
  }

  private parseHeredoc(): TemplateExpr {
    const open = this.next();
    const items = this.parseTemplateItems(null);
    const close = this.peek();
    if (close.kind !== TK.CHeredoc) this.fail(open, "parse.unterminated-heredoc", "Unterminated heredoc", "This heredoc has no closing marker line.");
    this.next();
    return { type: "Template", heredoc: true, open, items, close, parts: [open, ...items, close] };
  }

  /**
   * Template items up to the end of the template, or (inside a directive)
   * up to the `%{ else }`, `%{ endif }` or `%{ endfor }` that ends the run.
   */
  private parseTemplateItems(stopAt: Set<string> | null): TemplatePart[] {
    const items: TemplatePart[] = [];
    return this.withNewlines(false, () => {
      for (;;) {
        const t = this.peek();
        if (t.kind === TK.TemplateLiteral) items.push(this.next());
        else if (t.kind === TK.TemplateInterp) items.push(this.parseInterpolation());
        else if (t.kind === TK.TemplateControl) {
          const kw = this.controlKeyword();
          if (stopAt && stopAt.has(kw)) return items;
          if (kw === "if") items.push(this.parseTemplateIf());
          else if (kw === "for") items.push(this.parseTemplateFor());
          else this.fail(t, "parse.unexpected-directive", "Unexpected template directive", `'%{ ${kw} }' has no matching opening directive here.`);
        } else return items;
      }
    });
  }

  private controlKeyword(): string {
    const kw = this.peekAt(1);
    return kw.kind === TK.Ident ? kw.text : "";
  }

  private parseInterpolation(): TemplatePart {
    return this.withNewlines(true, () => {
      const open = this.next();
      const expr = this.parseExpr();
      const close = this.peek();
      if (close.kind !== TK.TemplateSeqEnd) this.fail(close, "parse.extra-characters-in-interpolation", "Extra characters after interpolation expression", `Expected a closing brace '}' to end the interpolation. Found ${describeToken(close)}.`);
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
      if (close.kind !== TK.TemplateSeqEnd) this.fail(close, "parse.invalid-directive", "Invalid template directive", `Expected '}' to end the '%{ ${keyword} }' directive. Found ${describeToken(close)}.`);
      parts.push(this.next());
      return { type: "TemplateControlTag", keyword, parts };
    });
  }

  private expectControl(opener: Token, keyword: string, stop: string): TemplateControlTag {
    const t = this.peek();
    if (t.kind !== TK.TemplateControl || this.controlKeyword() !== keyword) {
      this.fail(opener, "parse.unclosed-directive", "Unclosed template directive", `This directive needs a matching '%{ ${stop} }'.`);
    }
    return this.parseControlTag(keyword, () => undefined);
  }

  private parseTemplateIf(): TemplateIf {
    const opener = this.peek();
    let cond: Expr | null = null;
    const ifTag = this.parseControlTag("if", (parts) => {
      cond = this.parseExpr();
      parts.push(cond);
    });
    const parts: Part[] = [ifTag];
    const then = this.parseTemplateItems(new Set(["else", "endif"]));
    parts.push(...then);
    let otherwise: TemplatePart[] | null = null;
    if (this.peek().kind === TK.TemplateControl && this.controlKeyword() === "else") {
      parts.push(this.parseControlTag("else", () => undefined));
      otherwise = this.parseTemplateItems(new Set(["endif"]));
      parts.push(...otherwise);
    }
    parts.push(this.expectControl(opener, "endif", "endif"));
    return { type: "TemplateIf", cond: cond!, then, else: otherwise, parts };
  }

  private parseTemplateFor(): TemplateFor {
    const opener = this.peek();
    let keyVar: string | null = null;
    let valueVar = "";
    let coll: Expr | null = null;
    const forTag = this.parseControlTag("for", (parts) => {
      const first = this.expect(TK.Ident, "Invalid template 'for' directive", "A variable name is required after 'for'.");
      parts.push(first);
      valueVar = first.text;
      if (this.peek().kind === TK.Comma) {
        parts.push(this.next());
        const second = this.expect(TK.Ident, "Invalid template 'for' directive", "A second variable name is required after the comma.");
        parts.push(second);
        keyVar = first.text;
        valueVar = second.text;
      }
      const inKw = this.peek();
      if (inKw.kind !== TK.Ident || inKw.text !== "in") this.fail(inKw, "parse.invalid-for", "Invalid template 'for' directive", "The keyword 'in' is required after the variable names.");
      parts.push(this.next());
      coll = this.parseExpr();
      parts.push(coll);
    });
    const parts: Part[] = [forTag];
    const body = this.parseTemplateItems(new Set(["endfor"]));
    parts.push(...body);
    parts.push(this.expectControl(opener, "endfor", "endfor"));
    return { type: "TemplateFor", keyVar, valueVar, coll: coll!, body, parts };
  }
}
