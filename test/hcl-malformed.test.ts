/**
 * Broken input: the parser must never throw, must keep every byte (broken
 * tokens live in Invalid nodes, so the file prints back as it came), and
 * must put its first diagnostic where a person would look, worded as
 * HashiCorp's hclsyntax words it. Where HashiCorp's parser (hcl2json, the
 * same Go code compiled to wasm) reports the same first line, column and
 * summary, the case says `hcl: true` and that agreement is checked too.
 */

import { readdirSync, readFileSync } from "node:fs";
import { parse as hcl2json } from "@cdktf/hcl2json";
import { describe, expect, test } from "vitest";
import { attributesOf, blocksOf, isToken, type Block, type Body } from "../src/hcl/cst.js";
import type { Diagnostic } from "../src/hcl/diagnostics.js";
import { parse, type ParseResult } from "../src/hcl/parser.js";
import { print } from "../src/hcl/printer.js";

interface Case {
  name: string;
  src: string;
  line: number;
  column: number;
  summary: string;
  code: string;
  /** HashiCorp's parser reports the same first line, column and summary. */
  hcl?: boolean;
  check?: (r: ParseResult) => void;
}

/** The byte offset (BOM included) of a 1-based line and code-point column, or -1 if there is no such place. */
function byteAt(text: string, line: number, column: number): number {
  const bom = text.startsWith("\ufeff") ? 3 : 0;
  const src = bom ? text.slice(1) : text;
  const lines = src.split("\n");
  if (line < 1 || line > lines.length) return -1;
  const before = lines.slice(0, line - 1).reduce((n, l) => n + Buffer.byteLength(l, "utf8") + 1, 0);
  const cps = [...lines[line - 1]!];
  if (column < 1 || column > cps.length + 1) return -1;
  return bom + before + Buffer.byteLength(cps.slice(0, column - 1).join(""), "utf8");
}

/** Every diagnostic: an error of this file, start <= end, both inside the file, line/column/byte consistent; sorted by position. */
function checkDiagnostics(diags: Diagnostic[], text: string, file = "bad.tf"): void {
  const size = Buffer.byteLength(text, "utf8");
  let prev = -1;
  for (const d of diags) {
    expect(d.severity).toBe("error");
    expect(d.file).toBe(file);
    expect(d.summary).not.toMatch(/\.$/);
    expect(d.code).toMatch(/^parse\.[a-z-]+$/);
    const { start, end } = d.range;
    expect(start.byte).toBeLessThanOrEqual(end.byte);
    expect(start.line < end.line || (start.line === end.line && start.column <= end.column)).toBe(true);
    expect(end.byte).toBeLessThanOrEqual(size);
    expect(byteAt(text, start.line, start.column)).toBe(start.byte);
    expect(byteAt(text, end.line, end.column)).toBe(end.byte);
    expect(start.byte).toBeGreaterThanOrEqual(prev);
    prev = start.byte;
  }
}

function parseChecked(src: string): ParseResult {
  let r: ParseResult | undefined;
  expect(() => {
    r = parse(src, "bad.tf");
  }).not.toThrow();
  expect(print(r!.file)).toBe(src);
  checkDiagnostics(r!.diagnostics, src);
  return r!;
}

function blockNamed(body: Body, ...labels: string[]): Block | undefined {
  return blocksOf(body).find((b) => JSON.stringify(b.labels.map((l) => (isToken(l) ? l.text : l.parts.map((p) => (isToken(p) ? p.text : "")).join("").replace(/"/g, "")))) === JSON.stringify(labels));
}

function invalidCount(body: Body): number {
  return body.parts.filter((p) => !isToken(p) && p.type === "Invalid").length;
}

const cases: Case[] = [
  // ---- blocks -------------------------------------------------------------
  {
    name: "unclosed block brace at end of file",
    src: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n',
    line: 1, column: 27, summary: "Unclosed configuration block", code: "parse.unclosed-block", hcl: true,
  },
  {
    name: "unclosed block brace mid-file, next resource at column 1",
    src: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n\nresource "aws_subnet" "a" {\n  vpc_id = aws_vpc.main.id\n}\n',
    line: 1, column: 27, summary: "Unclosed configuration block", code: "parse.unclosed-block", hcl: true,
    check: (r) => {
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]!.detail).toContain("line 4");
      const later = blockNamed(r.file.body, "aws_subnet", "a");
      expect(later?.type).toBe("Block");
      expect(attributesOf(later!.body).map((a) => a.name.text)).toEqual(["vpc_id"]);
      expect(invalidCount(r.file.body)).toBe(1);
    },
  },
  {
    name: "unclosed block whose later neighbour is a data block (found at end of file)",
    src: 'resource "a" "one" {\n  x = 1\n  lifecycle {\n  }\n\ndata "b" "two" {\n  y = 2\n}\n',
    line: 1, column: 20, summary: "Unclosed configuration block", code: "parse.unclosed-block",
    check: (r) => {
      expect(r.diagnostics).toHaveLength(1);
      expect(blockNamed(r.file.body, "b", "two")?.type).toBe("Block");
    },
  },
  {
    name: "unclosed nested block reported at the outer block that reaches the end",
    src: 'resource "a" "b" {\n  dynamic "x" {\n    y = 1\n}\n',
    line: 1, column: 18, summary: "Unclosed configuration block", code: "parse.unclosed-block", hcl: true,
  },
  {
    name: "block header without a brace",
    src: 'resource "a" "b"\n',
    line: 1, column: 17, summary: "Invalid block definition", code: "parse.invalid-block-definition", hcl: true,
  },
  {
    name: "block written with an equals sign",
    src: 'resource "a" "b" = {\n}\n',
    line: 1, column: 18, summary: "Invalid block definition", code: "parse.invalid-block-definition", hcl: true,
  },
  {
    name: "block label with interpolation",
    src: 'resource "aws_${var.kind}" "a" {\n}\n',
    line: 1, column: 15, summary: "Invalid string literal", code: "parse.invalid-label", hcl: true,
  },
  {
    name: "a number where a block label should be",
    src: 'resource "a" 5 {\n}\n',
    line: 1, column: 14, summary: "Invalid block definition", code: "parse.invalid-block-definition", hcl: true,
  },
  {
    name: "one-line block with two attributes",
    src: "tags { a = 1 b = 2 }\n",
    line: 1, column: 14, summary: "Invalid single-argument block definition", code: "parse.invalid-single-line-block", hcl: true,
  },
  {
    name: "one-line block closed on the next line",
    src: "tags { a = 1\nb = 2 }\n",
    line: 1, column: 13, summary: "Invalid single-argument block definition", code: "parse.invalid-single-line-block", hcl: true,
  },
  {
    name: "one-line block with a comma",
    src: "tags { a = 1, }\n",
    line: 1, column: 13, summary: "Invalid single-argument block definition", code: "parse.invalid-single-line-block", hcl: true,
  },
  {
    name: "nested block inside a one-line block",
    src: "a { b {} }\n",
    line: 1, column: 5, summary: "Argument definition required", code: "parse.argument-required", hcl: true,
  },
  {
    name: "argument followed by a brace in a multi-line block",
    src: "x {\n  a = 1 }\n",
    line: 2, column: 9, summary: "Missing newline after argument", code: "parse.missing-newline", hcl: true,
  },
  {
    name: "nested block closed on the same line as its parent",
    src: "a {\n  b {\n  } }\n",
    line: 3, column: 5, summary: "Missing newline after block definition", code: "parse.missing-newline", hcl: true,
  },
  // ---- top-level stray tokens --------------------------------------------------
  {
    name: "stray closing brace at top level",
    src: "}\n",
    line: 1, column: 1, summary: "Argument or block definition required", code: "parse.unexpected-brace", hcl: true,
  },
  {
    name: "extra closing brace after a block",
    src: 'resource "a" "b" {\n  x = 1\n}\n}\n',
    line: 4, column: 1, summary: "Argument or block definition required", code: "parse.unexpected-brace", hcl: true,
    check: (r) => expect(blockNamed(r.file.body, "a", "b")?.type).toBe("Block"),
  },
  {
    name: "stray equals sign at top level",
    src: "= 5\n",
    line: 1, column: 1, summary: "Argument or block definition required", code: "parse.argument-or-block-required", hcl: true,
  },
  {
    name: "stray string at top level",
    src: '"x"\n',
    line: 1, column: 1, summary: "Invalid argument name", code: "parse.invalid-argument-name", hcl: true,
  },
  {
    name: "missing equals sign",
    src: "a 1\n",
    line: 1, column: 3, summary: "Argument or block definition required", code: "parse.argument-or-block-required",
  },
  {
    name: "dotted name at top level (a.b = 1)",
    src: "a.b = 1\n",
    line: 1, column: 2, summary: "Argument or block definition required", code: "parse.argument-or-block-required",
  },
  {
    name: "two attributes on one line",
    src: "a = 1 b = 2\n",
    line: 1, column: 7, summary: "Missing newline after argument", code: "parse.missing-newline", hcl: true,
  },
  {
    name: "comma after an argument",
    src: "a = 1,\nb = 2\n",
    line: 1, column: 6, summary: "Unexpected comma after argument", code: "parse.unexpected-comma", hcl: true,
  },
  // ---- strings, heredocs, templates ---------------------------------------------
  {
    name: "unclosed string, more lines after it",
    src: 'a = "hello\nb = 2\n',
    line: 1, column: 5, summary: "Invalid multi-line string", code: "parse.multiline-string",
    check: (r) => expect(attributesOf(r.file.body).map((a) => a.name.text)).toEqual(["b"]),
  },
  {
    name: "unclosed string at end of file",
    src: 'a = "hello',
    line: 1, column: 5, summary: "Unterminated template string", code: "parse.unterminated-string",
  },
  {
    name: "unclosed heredoc",
    src: "a = <<EOT\nhello\nworld\n",
    line: 1, column: 5, summary: "Unterminated template string", code: "parse.unterminated-heredoc",
  },
  {
    name: "heredoc opener without a newline",
    src: "a = <<EOT hello\nEOT\n",
    line: 1, column: 5, summary: "Invalid heredoc opener", code: "parse.invalid-heredoc",
  },
  {
    name: 'unclosed template interpolation "${var.x"',
    src: 'a = "${var.x"\n',
    line: 1, column: 6, summary: "Unclosed template interpolation sequence", code: "parse.unclosed-interpolation",
    check: (r) => expect(r.diagnostics[0]!.detail).toContain("quoted template"),
  },
  {
    name: "unclosed interpolation running into the next line",
    src: 'a = "${var.x\nb = 1\n',
    line: 1, column: 6, summary: "Unclosed template interpolation sequence", code: "parse.unclosed-interpolation",
  },
  {
    name: "unclosed interpolation in a heredoc",
    src: "a = <<EOT\n${x\nEOT\n",
    line: 2, column: 1, summary: "Unclosed template interpolation sequence", code: "parse.unclosed-interpolation",
  },
  {
    name: "extra characters in an interpolation",
    src: 'a = "${x y}"\n',
    line: 1, column: 10, summary: "Extra characters after interpolation expression", code: "parse.extra-characters-in-interpolation", hcl: true,
  },
  {
    name: "colon in an interpolation",
    src: 'a = "${x:y}"\n',
    line: 1, column: 9, summary: "Extra characters after interpolation expression", code: "parse.extra-characters-in-interpolation", hcl: true,
  },
  {
    name: "empty interpolation",
    src: 'a = "${}"\n',
    line: 1, column: 8, summary: "Invalid expression", code: "parse.invalid-expression", hcl: true,
  },
  {
    name: "%{if} without %{endif}",
    src: 'a = "%{if var.x}yes"\n',
    line: 1, column: 20, summary: "Unexpected end of template", code: "parse.unclosed-directive", hcl: true,
    check: (r) => expect(r.diagnostics[0]!.detail).toBe("The if directive at line 1, column 6 is missing its corresponding endif directive."),
  },
  {
    name: "%{for} without %{endfor} in a heredoc",
    src: "a = <<EOT\n%{ for x in y }\nhi\nEOT\n",
    line: 4, column: 1, summary: "Unexpected end of template", code: "parse.unclosed-directive", hcl: true,
  },
  {
    name: "%{endif} without %{if}",
    src: 'a = "yes%{endif}"\n',
    line: 1, column: 9, summary: "Unexpected endif directive", code: "parse.unexpected-directive", hcl: true,
    check: (r) => expect(r.diagnostics[0]!.range.end.column).toBe(17),
  },
  {
    name: "%{endfor} closing an %{if}",
    src: 'a = "%{ if x }a%{ endfor }"\n',
    line: 1, column: 16, summary: "Unexpected endfor directive", code: "parse.unexpected-directive", hcl: true,
  },
  {
    name: "second %{else}",
    src: 'a = "%{ if x }a%{ else }b%{ else }c%{ endif }"\n',
    line: 1, column: 26, summary: "Unexpected else directive", code: "parse.unexpected-directive", hcl: true,
  },
  {
    name: "misspelt directive keyword",
    src: 'a = "%{ foo }"\n',
    line: 1, column: 9, summary: "Invalid template control keyword", code: "parse.invalid-directive-keyword", hcl: true,
    check: (r) => expect(r.diagnostics[0]!.detail).toContain('Did you mean "for"?'),
  },
  {
    name: "%{for} directive without 'in'",
    src: 'a = "%{for x y}a%{endfor}"\n',
    line: 1, column: 14, summary: "Invalid 'for' directive", code: "parse.invalid-for", hcl: true,
  },
  {
    name: "extra characters in an %{if} marker",
    src: 'a = "%{ if x y }a%{ endif }"\n',
    line: 1, column: 14, summary: "Extra characters in if marker", code: "parse.extra-characters-in-directive", hcl: true,
  },
  {
    name: "invalid escape sequence (parsing goes on)",
    src: 'a = "\\q"\nb = 1\n',
    line: 1, column: 6, summary: "Invalid escape sequence", code: "parse.invalid-escape", hcl: true,
    check: (r) => {
      expect(r.diagnostics).toHaveLength(1);
      expect(attributesOf(r.file.body).map((a) => a.name.text)).toEqual(["a", "b"]);
    },
  },
  {
    name: "short \\u escape",
    src: 'a = "\\u12"\n',
    line: 1, column: 6, summary: "Invalid escape sequence", code: "parse.invalid-escape", hcl: true,
    check: (r) => expect(r.diagnostics[0]!.range.end.column).toBe(10),
  },
  // ---- operators and characters -------------------------------------------------
  {
    name: "bad operator 1 +* 2",
    src: "a = 1 +* 2\n",
    line: 1, column: 8, summary: "Invalid expression", code: "parse.invalid-expression", hcl: true,
  },
  {
    name: "bad operator 1 === 2",
    src: "a = 1 === 2\n",
    line: 1, column: 9, summary: "Invalid expression", code: "parse.invalid-expression", hcl: true,
  },
  {
    name: "invalid character 1 @ 2",
    src: "a = 1 @ 2\n",
    line: 1, column: 7, summary: "Invalid character", code: "parse.invalid-character", hcl: true,
  },
  {
    name: "invalid character $x",
    src: "a = $x\n",
    line: 1, column: 5, summary: "Invalid character", code: "parse.invalid-character", hcl: true,
  },
  {
    name: "single-quoted string (one report per pair)",
    src: "a = 'x'\n",
    line: 1, column: 5, summary: "Invalid character", code: "parse.invalid-character", hcl: true,
    check: (r) => expect(r.diagnostics).toHaveLength(1),
  },
  {
    name: "semicolon",
    src: "a = 1;\n",
    line: 1, column: 6, summary: "Invalid character", code: "parse.invalid-character", hcl: true,
  },
  {
    name: "bitwise and",
    src: "a = x & y\n",
    line: 1, column: 7, summary: "Unsupported operator", code: "parse.unsupported-operator", hcl: true,
  },
  {
    name: "bitwise not",
    src: "a = ~1\n",
    line: 1, column: 5, summary: "Unsupported operator", code: "parse.unsupported-operator", hcl: true,
  },
  {
    name: "unterminated block comment",
    src: "a = 1\n/* never closed\nb = 2\n",
    line: 2, column: 1, summary: "Unterminated comment", code: "parse.unterminated-comment",
  },
  {
    name: "unterminated block comment inside a block: the comment, not the brace, comes first",
    src: 'resource "a" "b" {\n  /* x\n}\n',
    line: 2, column: 3, summary: "Unterminated comment", code: "parse.unterminated-comment",
    check: (r) => expect(r.diagnostics).toHaveLength(1),
  },
  {
    name: "missing value",
    src: "a =\nb = 1\n",
    line: 1, column: 4, summary: "Invalid expression", code: "parse.invalid-expression", hcl: true,
  },
  {
    name: "missing value at end of file",
    src: "a =",
    line: 1, column: 4, summary: "Missing expression", code: "parse.missing-expression", hcl: true,
  },
  {
    name: "dangling minus",
    src: "a = -\n",
    line: 1, column: 6, summary: "Invalid expression", code: "parse.invalid-expression", hcl: true,
  },
  {
    name: "conditional without ':'",
    src: "a = x ? 1\n",
    line: 1, column: 10, summary: "Missing false expression in conditional", code: "parse.missing-conditional-false", hcl: true,
  },
  // ---- calls, tuples, objects, traversals ---------------------------------------
  {
    name: "unclosed call at end of file",
    src: "a = max(1, 2\n",
    line: 1, column: 5, summary: "Unterminated function call", code: "parse.unterminated-call", hcl: true,
  },
  {
    name: "unclosed call followed by another argument line",
    src: "a = max(1, 2\nb = 3\n",
    line: 2, column: 1, summary: "Missing argument separator", code: "parse.missing-argument-separator", hcl: true,
    check: (r) => {
      expect(r.diagnostics[0]!.detail).toContain("line 1, column 8");
      // Recovery resumes at `b` although its newline was folded into trivia inside the call.
      expect(attributesOf(r.file.body).map((a) => a.name.text)).toEqual(["b"]);
    },
  },
  {
    name: "extra closing parenthesis",
    src: "a = max(1, 2))\n",
    line: 1, column: 14, summary: "Missing newline after argument", code: "parse.missing-newline", hcl: true,
  },
  {
    name: "unbalanced parentheses",
    src: "a = (1 + 2\n",
    line: 1, column: 5, summary: "Unbalanced parentheses", code: "parse.unbalanced-parens",
  },
  {
    name: "unclosed tuple",
    src: "a = [1, 2\n",
    line: 1, column: 5, summary: "Unterminated tuple constructor expression", code: "parse.unterminated-tuple", hcl: true,
  },
  {
    name: "tuple closed with a parenthesis",
    src: "a = [1, 2)\n",
    line: 1, column: 10, summary: "Missing item separator", code: "parse.missing-item-separator", hcl: true,
  },
  {
    name: "missing comma in a tuple",
    src: "a = [1 2]\n",
    line: 1, column: 8, summary: "Missing item separator", code: "parse.missing-item-separator", hcl: true,
  },
  {
    name: "object missing a separator",
    src: "a = { x = 1 y = 2 }\n",
    line: 1, column: 13, summary: "Missing attribute separator", code: "parse.missing-attribute-separator", hcl: true,
  },
  {
    name: "object key without a value",
    src: "a = { x }\n",
    line: 1, column: 9, summary: "Missing key/value separator", code: "parse.missing-key-value-separator", hcl: true,
  },
  {
    name: "object key followed by a newline",
    src: "a = {\n  x\n}\n",
    line: 2, column: 4, summary: "Missing attribute value", code: "parse.missing-attribute-value", hcl: true,
  },
  {
    name: "unclosed object",
    src: "a = {\n  x = 1\n",
    line: 1, column: 5, summary: "Unterminated object constructor expression", code: "parse.unterminated-object",
  },
  {
    name: "unclosed index",
    src: "a = x[1\n",
    line: 1, column: 6, summary: "Missing close bracket on index", code: "parse.missing-index-bracket",
  },
  {
    name: "nothing after a dot",
    src: "a = x.\n",
    line: 1, column: 7, summary: "Invalid attribute name", code: "parse.invalid-attribute-name", hcl: true,
  },
  {
    name: "splat star without its bracket",
    src: "a = x[*.y]\n",
    line: 1, column: 8, summary: "Missing close bracket on splat index", code: "parse.missing-splat-bracket",
  },
  {
    name: "two legacy indexes in a row (parsing goes on)",
    src: "a = x.0.1\n",
    line: 1, column: 7, summary: "Invalid legacy index syntax", code: "parse.invalid-legacy-index", hcl: true,
    check: (r) => expect(attributesOf(r.file.body)).toHaveLength(1),
  },
  {
    name: "provider function namespace without a name",
    src: "a = provider::\n",
    line: 1, column: 15, summary: "Missing function name", code: "parse.missing-function-name", hcl: true,
  },
  {
    name: "bad ellipsis: expansion not last",
    src: "a = f(x..., y)\n",
    line: 1, column: 8, summary: "Missing closing parenthesis", code: "parse.missing-paren", hcl: true,
  },
  {
    name: "bad ellipsis: followed by a comma",
    src: "a = f(x...,)\n",
    line: 1, column: 8, summary: "Missing closing parenthesis", code: "parse.missing-paren", hcl: true,
  },
  {
    name: "bad ellipsis: in a tuple",
    src: "a = [x...]\n",
    line: 1, column: 7, summary: "Missing item separator", code: "parse.missing-item-separator", hcl: true,
  },
  {
    name: "'for' missing its colon",
    src: "a = [for x in var.l x]\n",
    line: 1, column: 21, summary: "Invalid 'for' expression", code: "parse.invalid-for", hcl: true,
  },
  {
    name: "'for' missing 'in'",
    src: "a = [for x var.l : x]\n",
    line: 1, column: 12, summary: "Invalid 'for' expression", code: "parse.invalid-for", hcl: true,
  },
  {
    name: "object 'for' without a key",
    src: "a = {for k, v in m : v}\n",
    line: 1, column: 22, summary: "Invalid 'for' expression", code: "parse.invalid-for", hcl: true,
  },
  {
    name: "tuple 'for' with a key",
    src: "a = [for k, v in m : k => v]\n",
    line: 1, column: 22, summary: "Invalid 'for' expression", code: "parse.invalid-for", hcl: true,
  },
  {
    name: "tuple 'for' with a grouping ellipsis",
    src: "a = [for v in m : v...]\n",
    line: 1, column: 20, summary: "Invalid 'for' expression", code: "parse.invalid-for", hcl: true,
  },
  // ---- line endings and BOM -----------------------------------------------------
  {
    name: "CRLF file",
    src: 'resource "a" "b" {\r\n  x = [1 2]\r\n}\r\n',
    line: 2, column: 10, summary: "Missing item separator", code: "parse.missing-item-separator", hcl: true,
    check: (r) => expect(r.diagnostics[0]!.range.start.byte).toBe(29),
  },
  {
    name: "BOM file with non-ASCII text before the error",
    src: '\ufeffresource "a" "b" {\n  tags = { Name = "café" x }\n}\n',
    line: 2, column: 26, summary: "Missing attribute separator", code: "parse.missing-attribute-separator", hcl: true,
    // 3 (BOM) + 19 (line 1) + 25 code points before `x`, one of them two bytes.
    check: (r) => expect(r.diagnostics[0]!.range.start.byte).toBe(3 + 19 + 26),
  },
];

describe("malformed HCL: the first diagnostic, exactly", () => {
  test("the catalogue has at least 30 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  test.each(cases)("$name", (c) => {
    const r = parseChecked(c.src);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    const d = r.diagnostics[0]!;
    expect({ line: d.range.start.line, column: d.range.start.column, summary: d.summary, code: d.code }).toEqual({
      line: c.line,
      column: c.column,
      summary: c.summary,
      code: c.code,
    });
    expect(d.detail.length).toBeGreaterThan(0);
    c.check?.(r);
  });
});

describe("malformed HCL: agreement with HashiCorp's parser where the case says so", () => {
  test.each(cases.filter((c) => c.hcl))("$name", async (c) => {
    let message = "";
    try {
      await hcl2json("bad.tf", c.src);
    } catch (e) {
      message = String((e as Error).message ?? e);
    }
    const m = /bad\.tf:(\d+),(\d+)-[^:]*: ([^;]+);/.exec(message);
    expect(m, `hcl2json accepted or gave no position: ${message}`).not.toBeNull();
    expect({ line: Number(m![1]), column: Number(m![2]), summary: m![3] }).toEqual({ line: c.line, column: c.column, summary: c.summary });
  });
});

describe("malformed HCL: recovery", () => {
  test("errors in two separate top-level blocks are both reported; the good blocks around them parse", () => {
    const src = [
      'resource "a" "zero" {', "  ok = true", "}", "",
      'resource "a" "one" {', "  x = 1 +", "}", "",
      'resource "a" "two" {', "  y = 2", "}", "",
      'resource "a" "three" {', "  z = [1 2]", "}", "",
      'resource "a" "four" {', "  w = 4", "}", "",
    ].join("\n");
    const r = parseChecked(src);
    expect(r.diagnostics.map((d) => [d.range.start.line, d.range.start.column, d.summary])).toEqual([
      [6, 10, "Invalid expression"],
      [14, 10, "Missing item separator"],
    ]);
    for (const name of ["zero", "two", "four"]) expect(blockNamed(r.file.body, "a", name)?.type, name).toBe("Block");
    expect(blockNamed(r.file.body, "a", "one")).toBeUndefined();
    expect(blockNamed(r.file.body, "a", "three")).toBeUndefined();
    expect(invalidCount(r.file.body)).toBe(2);
  });

  test("an error in a block whose lines are not indented resumes after the block's own brace", () => {
    const src = 'resource "a" "one" {\nx = 1 +\ny = 2\n}\nresource "a" "two" {}\n';
    const r = parseChecked(src);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.range.start.line).toBe(2);
    expect(blockNamed(r.file.body, "a", "two")?.type).toBe("Block");
    expect(attributesOf(r.file.body)).toHaveLength(0);
  });

  test("an unclosed interpolation does not hide the blocks after it", () => {
    const src = 'locals {\n  a = "${var.x"\n}\n\nresource "r" "n" {\n  c = 1\n}\n';
    const r = parseChecked(src);
    expect(r.diagnostics[0]!.summary).toBe("Unclosed template interpolation sequence");
    expect(blockNamed(r.file.body, "r", "n")?.type).toBe("Block");
  });

  test("an unclosed block followed by two more top-level blocks: both parse", () => {
    const src = 'variable "a" {\n  type = string\n\nvariable "b" {\n  type = number\n}\n\noutput "c" {\n  value = 1\n}\n';
    const r = parseChecked(src);
    expect(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.summary}`)).toEqual(["1:14 Unclosed configuration block"]);
    expect(blocksOf(r.file.body).map((b) => b.blockType.text)).toEqual(["variable", "output"]);
  });
});

describe("malformed HCL: nesting limits", () => {
  const N = 5000;
  const deep: Array<[string, string, number, number]> = [
    ["5,000 levels of [", "a = " + "[".repeat(N) + "]".repeat(N) + "\n", 1, 405],
    ["5,000 unclosed [", "a = " + "[".repeat(N) + "\n", 1, 405],
    ["5,000 levels of (", "a = " + "(".repeat(N) + "1" + ")".repeat(N) + "\n", 1, 405],
    ["5,000 nested objects", "a = " + "{a = ".repeat(N) + "1" + "}".repeat(N) + "\n", 1, 2001],
    ["5,000 nested calls", "a = " + "f(".repeat(N) + ")".repeat(N) + "\n", 1, 805],
    ["5,000 nested interpolations", "a = " + '"${'.repeat(N) + "1" + '}"'.repeat(N) + "\n", 1, 1205],
    ["5,000 nested %{if}", 'a = "' + "%{if x}".repeat(N) + "%{endif}".repeat(N) + '"\n', 1, 2797],
    ["5,000 nested %{for}", 'a = "' + "%{for x in y}".repeat(N) + "%{endfor}".repeat(N) + '"\n', 1, 5191],
    ["5,000 unary minuses", "a = " + "-".repeat(N) + "1\n", 1, 404],
    ["5,000 nested conditionals", "a = " + "x ? ".repeat(N) + "1" + " : 2".repeat(N) + "\n", 1, 1605],
    ["5,000 nested index keys", "a = x" + "[x".repeat(N) + "]".repeat(N) + "\n", 1, 405],
    ["5,000 nested for expressions", "a = " + "[for x in ".repeat(N) + "y" + " : x]".repeat(N) + "\n", 1, 4005],
    ["a 100,000-step traversal", "a = x" + ".y".repeat(100_000) + "\n", 1, 804],
    ["a 100,000-operator sum", "a = 1" + " + 1".repeat(100_000) + "\n", 1, 1603],
    ["5,000 nested heredocs", "a = " + "<<EOT\n${".repeat(N) + "1" + "}\nEOT\n".repeat(N), 401, 3],
    ["5,000 nested blocks", "a {\n".repeat(N) + "}\n".repeat(N), 401, 1],
  ];

  test.each(deep)("%s: a located 'Nesting too deep', quickly, never a stack overflow", (_name, src, line, column) => {
    const t0 = performance.now();
    const r = parseChecked(src);
    expect(performance.now() - t0).toBeLessThan(2000);
    const d = r.diagnostics[0]!;
    expect([d.range.start.line, d.range.start.column, d.summary, d.code]).toEqual([line, column, "Nesting too deep", "parse.too-deep"]);
  });

  test("a long flat list is not nesting", () => {
    const src = "a = [" + "1, ".repeat(100_000) + "]\n";
    const r = parseChecked(src);
    expect(r.diagnostics).toEqual([]);
  });

  test("nesting just under the limit parses", () => {
    const src = "a = " + "[".repeat(300) + "]".repeat(300) + "\n";
    expect(parseChecked(src).diagnostics).toEqual([]);
  });
});

describe("malformed HCL: damaged fixtures never throw and always print back", () => {
  const dir = new URL("./fixtures/hcl/", import.meta.url);
  const fixtures = readdirSync(dir).filter((f) => /\.(tf|tfvars)$/.test(f)).sort();
  test.each(fixtures)("%s cut short and with characters deleted or inserted", (name) => {
    const text = readFileSync(new URL(name, dir), "utf8");
    const n = text.length;
    for (let k = 1; k <= 24; k++) {
      const at = Math.floor((n * k) / 25);
      parseChecked(text.slice(0, at));
      parseChecked(text.slice(0, at) + text.slice(at + 1));
      for (const ch of ["{", "}", '"', "(", "[", "${", "%{", "<<EOT\n", "/*", "\n"]) parseChecked(text.slice(0, at) + ch + text.slice(at));
    }
  });
});
