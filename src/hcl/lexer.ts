/**
 * The HCL lexer: one pass over the source, no backtracking. It is modal
 * because HCL is: inside a quoted string or a heredoc the bytes are template
 * text until `${` or `%{` switch back to expressions, and a `}` closes either
 * an object or an interpolation depending on how many braces are open.
 */

import { TK, TokenImpl, type Token } from "./tokens.js";

export interface LexError {
  pos: number;
  end: number;
  code: string;
  summary: string;
  detail: string;
}

export interface LexResult {
  tokens: Token[];
  errors: LexError[];
}

const enum Mode {
  Normal,
  Quoted,
  Heredoc,
}

interface Frame {
  mode: Mode;
  /** Normal mode: braces opened in this frame and not yet closed. */
  depth: number;
  /** Normal mode: the frame is an interpolation or directive inside a template. */
  inTemplate: boolean;
  /** Heredoc mode: the closing marker and where the opener stood (for errors). */
  marker: string;
  openPos: number;
  atLineStart: boolean;
}

function frame(mode: Mode, openPos: number, inTemplate = false, marker = ""): Frame {
  return { mode, depth: 0, inTemplate, marker, openPos, atLineStart: true };
}

const C_TAB = 9,
  C_LF = 10,
  C_CR = 13,
  C_SPACE = 32,
  C_BANG = 33,
  C_QUOTE = 34,
  C_HASH = 35,
  C_DOLLAR = 36,
  C_PERCENT = 37,
  C_AMP = 38,
  C_LPAREN = 40,
  C_RPAREN = 41,
  C_STAR = 42,
  C_PLUS = 43,
  C_COMMA = 44,
  C_MINUS = 45,
  C_DOT = 46,
  C_SLASH = 47,
  C_0 = 48,
  C_9 = 57,
  C_COLON = 58,
  C_LT = 60,
  C_EQ = 61,
  C_GT = 62,
  C_QUESTION = 63,
  C_LBRACK = 91,
  C_BACKSLASH = 92,
  C_RBRACK = 93,
  C_UNDERSCORE = 95,
  C_LBRACE = 123,
  C_PIPE = 124,
  C_RBRACE = 125,
  C_TILDE = 126,
  C_CARET = 94,
  C_SEMICOLON = 59,
  C_APOSTROPHE = 39,
  C_BACKTICK = 96;

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}\-]/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === C_UNDERSCORE;
}

function isAsciiIdContinue(c: number): boolean {
  return isAsciiIdStart(c) || (c >= C_0 && c <= C_9) || c === C_MINUS;
}

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

/** Length in UTF-16 units of the code point at `i`. */
function cpLen(src: string, i: number): number {
  const c = src.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < src.length ? 2 : 1;
}

/*
 * The lexer's state lives at module level and its scanners are plain
 * functions: creating closures per call made V8 re-learn them for every
 * file. lex() is synchronous and not re-entrant, so this is safe.
 */
let src = "";
let n = 0;
let tokens: Token[] = [];
let errors: LexError[] = [];
let stack: Frame[] = [];
let leadStart = 0;
/** Stray `'` and backquote characters seen so far in this file. */
let apostrophes = 0;
let backticks = 0;

function push(kind: TK, start: number, end: number): void {
  tokens.push(new TokenImpl(kind, src.slice(start, end), src.slice(leadStart, start), start));
  leadStart = end;
}

function error(pos: number, end: number, code: string, summary: string, detail: string): void {
  errors.push({ pos, end, code, summary, detail });
}

export function lex(text: string): LexResult {
  src = text;
  n = text.length;
  tokens = [];
  errors = [];
  stack = [frame(Mode.Normal, 0)];
  leadStart = 0;
  apostrophes = 0;
  backticks = 0;
  let i = 0;
  while (i < n) {
    const top = stack[stack.length - 1]!;
    if (top.mode === Mode.Quoted) i = scanQuoted(top, i);
    else if (top.mode === Mode.Heredoc) i = scanHeredoc(top, i);
    else i = scanNormal(top, i);
  }
  // Anything still open at the end of the file is unterminated. An unclosed
  // `${` or `%{` swallows the rest of the file, so it is the cause to report,
  // not the string or heredoc around it; a string or heredoc is reported only
  // when it is itself the innermost thing left open.
  for (let k = stack.length - 1; k > 0; k--) {
    const f = stack[k]!;
    const innermost = k === stack.length - 1;
    if (f.mode === Mode.Quoted) {
      if (innermost) error(f.openPos, f.openPos + 1, "parse.unterminated-string", "Unterminated template string", "No closing marker was found for the string: this quoted string is opened here and never closed. Add the closing '\"' on the same line.");
    } else if (f.mode === Mode.Heredoc) {
      const openerEnd = f.openPos + 2 + (src.charCodeAt(f.openPos + 2) === C_MINUS ? 1 : 0) + f.marker.length;
      if (innermost) error(f.openPos, openerEnd, "parse.unterminated-heredoc", "Unterminated template string", `No closing marker was found for this heredoc. Add a line containing only '${f.marker}' (it may be indented) where the text should end.`);
    } else if (f.inTemplate) {
      if (src.charCodeAt(f.openPos) === C_DOLLAR) {
        const within = stack[k - 1]!.mode === Mode.Quoted ? "the quoted template" : "the file";
        error(f.openPos, f.openPos + 2, "parse.unclosed-interpolation", "Unclosed template interpolation sequence", `There is no closing brace for this interpolation sequence before the end of ${within}. This might be caused by incorrect nesting inside the given expression.`);
      } else {
        error(f.openPos, f.openPos + 2, "parse.unclosed-directive", "Unclosed template directive", "There is no closing brace for this template directive before the end of the file. This might be caused by incorrect nesting inside the given expression.");
      }
    }
  }
  tokens.push(new TokenImpl(TK.EOF, "", src.slice(leadStart, n), n));
  const result = { tokens, errors };
  src = "";
  tokens = [];
  errors = [];
  return result;
}

function scanNormal(top: Frame, start: number): number {
  let j = start;
  // Trivia: spaces, tabs, lone CRs and comments (a line comment stops before its newline).
  for (;;) {
    const c = src.charCodeAt(j);
    if (c === C_SPACE || c === C_TAB) j++;
    else if (c === C_CR && src.charCodeAt(j + 1) !== C_LF) j++;
    else if (c === C_HASH || (c === C_SLASH && src.charCodeAt(j + 1) === C_SLASH)) j = lineCommentEnd(j);
    else if (c === C_SLASH && src.charCodeAt(j + 1) === C_STAR) {
      const close = src.indexOf("*/", j + 2);
      if (close < 0) {
        error(j, j + 2, "parse.unterminated-comment", "Unterminated comment", "This '/*' comment is never closed. Add '*/' where the comment should end.");
        return n;
      }
      j = close + 2;
    } else break;
  }
  if (j >= n) return j;
  const c = src.charCodeAt(j);
  const d = src.charCodeAt(j + 1);
  switch (c) {
    case C_LF:
      push(TK.Newline, j, j + 1);
      return j + 1;
    case C_CR:
      push(TK.Newline, j, j + 2);
      return j + 2;
    case C_LBRACE:
      top.depth++;
      push(TK.OBrace, j, j + 1);
      return j + 1;
    case C_RBRACE:
      if (top.inTemplate && top.depth === 0) {
        push(TK.TemplateSeqEnd, j, j + 1);
        stack.pop();
        return j + 1;
      }
      if (top.depth > 0) top.depth--;
      push(TK.CBrace, j, j + 1);
      return j + 1;
    case C_TILDE:
      if (d === C_RBRACE && top.inTemplate && top.depth === 0) {
        push(TK.TemplateSeqEnd, j, j + 2);
        stack.pop();
        return j + 2;
      }
      return invalid(j, 1);
    case C_QUOTE:
      push(TK.OQuote, j, j + 1);
      stack.push(frame(Mode.Quoted, j));
      return j + 1;
    case C_LBRACK:
      push(TK.OBrack, j, j + 1);
      return j + 1;
    case C_RBRACK:
      push(TK.CBrack, j, j + 1);
      return j + 1;
    case C_LPAREN:
      push(TK.OParen, j, j + 1);
      return j + 1;
    case C_RPAREN:
      push(TK.CParen, j, j + 1);
      return j + 1;
    case C_COMMA:
      push(TK.Comma, j, j + 1);
      return j + 1;
    case C_DOT:
      if (d === C_DOT && src.charCodeAt(j + 2) === C_DOT) {
        push(TK.Ellipsis, j, j + 3);
        return j + 3;
      }
      push(TK.Dot, j, j + 1);
      return j + 1;
    case C_EQ:
      if (d === C_EQ) return op(TK.EqualEqual, j, 2);
      if (d === C_GT) return op(TK.FatArrow, j, 2);
      return op(TK.Equal, j, 1);
    case C_BANG:
      return d === C_EQ ? op(TK.NotEqual, j, 2) : op(TK.Bang, j, 1);
    case C_LT:
      if (d === C_LT) return heredocOpener(j);
      return d === C_EQ ? op(TK.LessEqual, j, 2) : op(TK.Less, j, 1);
    case C_GT:
      return d === C_EQ ? op(TK.GreaterEqual, j, 2) : op(TK.Greater, j, 1);
    case C_AMP:
      return d === C_AMP ? op(TK.And, j, 2) : invalid(j, 1);
    case C_PIPE:
      return d === C_PIPE ? op(TK.Or, j, 2) : invalid(j, 1);
    case C_COLON:
      return d === C_COLON ? op(TK.DoubleColon, j, 2) : op(TK.Colon, j, 1);
    case C_QUESTION:
      return op(TK.Question, j, 1);
    case C_STAR:
      return op(TK.Star, j, 1);
    case C_PLUS:
      return op(TK.Plus, j, 1);
    case C_MINUS:
      return op(TK.Minus, j, 1);
    case C_SLASH:
      return op(TK.Slash, j, 1);
    case C_PERCENT:
      return op(TK.Percent, j, 1);
  }
  if (isDigit(c)) return number(j);
  if (isAsciiIdStart(c) || (c > 127 && ID_START.test(String.fromCodePoint(src.codePointAt(j)!)))) return ident(j);
  return invalid(j, cpLen(src, j));
}

/** A character HCL does not use: an Invalid token, reported as hclsyntax reports it. */
function invalid(j: number, len: number): number {
  const c = src.charCodeAt(j);
  let summary = "Invalid character";
  let detail = "This character is not used within the language.";
  let code = "parse.invalid-character";
  if (c === C_AMP || c === C_PIPE || c === C_TILDE || c === C_CARET) {
    summary = "Unsupported operator";
    code = "parse.unsupported-operator";
    const suggestion = c === C_AMP ? ' Did you mean boolean AND ("&&")?' : c === C_PIPE ? ' Did you mean boolean OR ("||")?' : c === C_TILDE ? ' Did you mean boolean NOT ("!")?' : "";
    detail = `Bitwise operators are not supported.${suggestion}`;
  } else if (c === C_SEMICOLON) {
    detail = 'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.';
  } else if (c === C_APOSTROPHE || c === C_BACKTICK) {
    // Like hclsyntax, report only every other one: the first of a pair is the one to fix.
    const seen = c === C_APOSTROPHE ? apostrophes++ : backticks++;
    if (seen % 2 === 1) return op(TK.Invalid, j, len);
    detail = c === C_APOSTROPHE ? 'Single quotes are not valid. Use double quotes (") to enclose strings.' : 'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".';
  }
  error(j, j + len, code, summary, detail);
  return op(TK.Invalid, j, len);
}

function op(kind: TK, j: number, len: number): number {
  push(kind, j, j + len);
  return j + len;
}

function lineCommentEnd(j: number): number {
  let e = src.indexOf("\n", j);
  if (e < 0) return n;
  if (e > j && src.charCodeAt(e - 1) === C_CR) e--;
  return e;
}

function number(j: number): number {
  let k = j;
  while (isDigit(src.charCodeAt(k))) k++;
  if (src.charCodeAt(k) === C_DOT && isDigit(src.charCodeAt(k + 1))) {
    k++;
    while (isDigit(src.charCodeAt(k))) k++;
  }
  const e = src.charCodeAt(k);
  if (e === 101 || e === 69) {
    let m = k + 1;
    const s = src.charCodeAt(m);
    if (s === C_PLUS || s === C_MINUS) m++;
    if (isDigit(src.charCodeAt(m))) {
      while (isDigit(src.charCodeAt(m))) m++;
      k = m;
    }
  }
  push(TK.Number, j, k);
  return k;
}

function ident(j: number): number {
  let k = j + cpLen(src, j);
  for (;;) {
    const c = src.charCodeAt(k);
    if (k >= n) break;
    if (c < 128) {
      if (!isAsciiIdContinue(c)) break;
      k++;
    } else {
      const cp = String.fromCodePoint(src.codePointAt(k)!);
      if (!ID_CONTINUE.test(cp)) break;
      k += cp.length;
    }
  }
  push(TK.Ident, j, k);
  return k;
}

/** `<<EOT` / `<<-EOT` followed by a newline opens a heredoc; anything else after `<<` is invalid. */
function heredocOpener(j: number): number {
  let k = j + 2;
  if (src.charCodeAt(k) === C_MINUS) k++;
  const nameStart = k;
  if (k < n && (isAsciiIdStart(src.charCodeAt(k)) || ID_START.test(String.fromCodePoint(src.codePointAt(k)!)))) {
    k += cpLen(src, k);
    while (k < n && (isAsciiIdContinue(src.charCodeAt(k)) || (src.charCodeAt(k) > 127 && ID_CONTINUE.test(String.fromCodePoint(src.codePointAt(k)!))))) k += cpLen(src, k);
  }
  const marker = src.slice(nameStart, k);
  let nl = 0;
  if (src.charCodeAt(k) === C_LF) nl = 1;
  else if (src.charCodeAt(k) === C_CR && src.charCodeAt(k + 1) === C_LF) nl = 2;
  if (marker === "" || nl === 0) {
    error(j, k, "parse.invalid-heredoc", "Invalid heredoc opener", "A heredoc starts with '<<' or '<<-', an identifier such as EOT, and then a newline. Put the template on the next line.");
    return op(TK.Invalid, j, 2);
  }
  push(TK.OHeredoc, j, k + nl);
  stack.push(frame(Mode.Heredoc, j, false, marker));
  return k + nl;
}

function scanQuoted(top: Frame, start: number): number {
  let j = start;
  for (;;) {
    if (j >= n) {
      if (j > start) push(TK.TemplateLiteral, start, j);
      return j;
    }
    const c = src.charCodeAt(j);
    if (c === C_QUOTE) {
      if (j > start) push(TK.TemplateLiteral, start, j);
      push(TK.CQuote, j, j + 1);
      stack.pop();
      return j + 1;
    }
    if (c === C_BACKSLASH) {
      const e = src.charCodeAt(j + 1);
      if (e === C_LF || e === C_CR || j + 1 >= n) {
        j++;
        continue;
      }
      j += 1 + cpLen(src, j + 1);
      continue;
    }
    if (c === C_LF || c === C_CR) {
      // A quoted string cannot span lines: close it here, report, and go on lexing the line after.
      if (j > start) push(TK.TemplateLiteral, start, j);
      // `"${var.x"`: the quote that opened this string was meant to close the
      // template around the interpolation, whose `}` is missing. Report that,
      // and close all three here so the lines after lex as they should.
      const interp = stack[stack.length - 2];
      const outer = stack[stack.length - 3];
      if (interp && outer && interp.inTemplate && interp.depth === 0 && outer.mode === Mode.Quoted) {
        if (src.charCodeAt(interp.openPos) === C_DOLLAR) {
          error(interp.openPos, interp.openPos + 2, "parse.unclosed-interpolation", "Unclosed template interpolation sequence", "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.");
        } else {
          error(interp.openPos, interp.openPos + 2, "parse.unclosed-directive", "Unclosed template directive", "There is no closing brace for this template directive before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.");
        }
        stack.length -= 3;
        return j;
      }
      error(top.openPos, j, "parse.multiline-string", "Invalid multi-line string", "This quoted string is not closed on the line it starts on. Quoted strings may not be split over multiple lines: add the closing '\"', or use the \\n escape or the \"heredoc\" syntax (<<EOT) for text over several lines.");
      stack.pop();
      return j;
    }
    const seq = templateSequenceAt(j);
    if (seq > 0) {
      if (j > start) push(TK.TemplateLiteral, start, j);
      return openSequence(j, seq);
    }
    j += seq < 0 ? -seq : 1;
  }
}

/**
 * At `j`: >0 is the length of a `${`, `${~`, `%{` or `%{~` opener; <0 is
 * the negated length of an escape (`$${`, `%%{`) to skip as literal text; 0 otherwise.
 */
function templateSequenceAt(j: number): number {
  const c = src.charCodeAt(j);
  if (c !== C_DOLLAR && c !== C_PERCENT) return 0;
  const d = src.charCodeAt(j + 1);
  if (d === c && src.charCodeAt(j + 2) === C_LBRACE) return -3;
  if (d !== C_LBRACE) return 0;
  return src.charCodeAt(j + 2) === C_TILDE ? 3 : 2;
}

function openSequence(j: number, len: number): number {
  push(src.charCodeAt(j) === C_DOLLAR ? TK.TemplateInterp : TK.TemplateControl, j, j + len);
  stack.push(frame(Mode.Normal, j, true));
  return j + len;
}

function scanHeredoc(top: Frame, start: number): number {
  let j = start;
  if (top.atLineStart) {
    const end = closingMarkerEnd(j, top.marker);
    if (end > 0) {
      push(TK.CHeredoc, j, end);
      stack.pop();
      return end;
    }
  }
  top.atLineStart = false;
  for (;;) {
    if (j >= n) {
      if (j > start) push(TK.TemplateLiteral, start, j);
      return j;
    }
    const c = src.charCodeAt(j);
    if (c === C_LF) {
      // One literal token per line keeps `<<-` indentation handling line-based.
      push(TK.TemplateLiteral, start, j + 1);
      top.atLineStart = true;
      return j + 1;
    }
    const seq = templateSequenceAt(j);
    if (seq > 0) {
      if (j > start) push(TK.TemplateLiteral, start, j);
      return openSequence(j, seq);
    }
    j += seq < 0 ? -seq : 1;
  }
}

/** If the line at `j` is the closing marker (optionally indented), where the marker ends; else -1. */
function closingMarkerEnd(j: number, marker: string): number {
  let k = j;
  while (src.charCodeAt(k) === C_SPACE || src.charCodeAt(k) === C_TAB) k++;
  if (!src.startsWith(marker, k)) return -1;
  const e = k + marker.length;
  const c = src.charCodeAt(e);
  if (e >= n || c === C_LF || (c === C_CR && src.charCodeAt(e + 1) === C_LF)) return e;
  return -1;
}

