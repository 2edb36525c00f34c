/**
 * Static values of expressions: what a literal, a quoted string or a heredoc
 * stands for, and the source text of any expression. Later stages use this
 * to read values (a region, an instance type) without evaluating Terraform.
 */

import { firstToken, isToken, type Expr, type Node, type Part, type TemplateExpr } from "./cst.js";
import { print } from "./printer.js";
import { TK, type Token } from "./tokens.js";

/** The expression's own source text, without the trivia before it. */
export function exprSource(node: Node): string {
  const lead = firstToken(node)?.lead ?? "";
  return print(node).slice(lead.length);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/**
 * Decode the backslash escapes of a quoted-string literal. `$${` and `%%{`
 * stay escaped unless `unescapeTemplates`: written back into HCL they must
 * stay escaped, and HashiCorp's hcl2json keeps them so too.
 */
export function decodeQuotedLiteral(raw: string, unescapeTemplates = false): string {
  let out = raw.indexOf("\\") < 0 ? raw : decodeBackslashes(raw);
  if (unescapeTemplates) out = out.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
  return out;
}

function decodeBackslashes(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = raw[i + 1] ?? "";
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      i++;
    } else if (e === "u" || e === "U") {
      const len = e === "u" ? 4 : 8;
      const hex = raw.slice(i + 2, i + 2 + len);
      if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len) {
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 1 + len;
      } else out += c;
    } else out += c;
  }
  return out;
}

/** The number a Number token stands for (JSON semantics: too large becomes Infinity). */
export function numberValue(t: Token): number {
  return Number(t.text);
}

export type StaticValue = string | number | boolean | null | StaticValue[] | { [k: string]: StaticValue };

/**
 * The value of an expression made only of literals, strings without
 * interpolation, tuples and objects of those; undefined otherwise.
 */
export function staticValue(expr: Expr): StaticValue | undefined {
  switch (expr.type) {
    case "Literal":
      return literalValue(expr.token);
    case "Template":
      return templateString(expr);
    case "Paren":
      return staticValue(expr.expr);
    case "Unary": {
      const v = staticValue(expr.operand);
      if (expr.op.kind === TK.Minus && typeof v === "number") return -v;
      if (expr.op.kind === TK.Bang && typeof v === "boolean") return !v;
      return undefined;
    }
    case "Tuple": {
      const out: StaticValue[] = [];
      for (const e of expr.elements) {
        const v = staticValue(e);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case "Object": {
      const out: { [k: string]: StaticValue } = {};
      for (const item of expr.items) {
        const k = objectKeyName(item.key);
        const v = staticValue(item.value);
        if (k === undefined || v === undefined) return undefined;
        out[k] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

export function literalValue(t: Token): string | number | boolean | null {
  if (t.kind === TK.Number) return numberValue(t);
  if (t.text === "true") return true;
  if (t.text === "false") return false;
  return null;
}

/** An object key written as a bare name or a literal string. */
export function objectKeyName(key: Expr): string | undefined {
  if (key.type === "Variable") return key.name.text;
  if (key.type === "Literal") return String(literalValue(key.token));
  if (key.type === "Template") return templateString(key);
  return undefined;
}

/** The string a template stands for when it has no interpolation or directive; undefined otherwise. */
export function templateString(t: TemplateExpr): string | undefined {
  if (!t.items.every(isToken)) return undefined;
  const decoded = decodedLiterals(t);
  return t.items.map((it) => decoded.get(it as Token) ?? "").join("");
}

type Segment = { lit: Token } | { open: Token; close: Token };

/** The template's literal tokens and sequence tags in source order, directives opened up. */
function flatten(items: Part[], out: Segment[] = []): Segment[] {
  for (const it of items) {
    if (isToken(it)) {
      if (it.kind === TK.TemplateLiteral) out.push({ lit: it });
    } else if (it.type === "TemplateInterpolation" || it.type === "TemplateControlTag") {
      out.push({ open: it.parts[0] as Token, close: it.parts[it.parts.length - 1] as Token });
    } else flatten(it.parts, out);
  }
  return out;
}

/**
 * Decoded text of every literal token of a template, with `<<-`
 * indentation and strip markers (`~`) applied, as Terraform reads them.
 */
export function decodedLiterals(t: TemplateExpr): Map<Token, string> {
  const segs = flatten(t.items);
  const texts = segs.map((s) => ("lit" in s ? (t.heredoc ? s.lit.text : decodeQuotedLiteral(s.lit.text)) : ""));
  // Terraform strips around `~` first, then measures `<<-` indentation on what is left.
  segs.forEach((s, k) => {
    if ("lit" in s) return;
    if (s.open.text.endsWith("~") && k > 0 && "lit" in segs[k - 1]!) texts[k - 1] = texts[k - 1]!.replace(/\s+$/u, "");
    if (s.close.text.startsWith("~") && k + 1 < segs.length && "lit" in segs[k + 1]!) texts[k + 1] = texts[k + 1]!.replace(/^\s+/u, "");
  });
  if (t.heredoc && t.open.text.startsWith("<<-")) unindentFlush(segs, texts);
  const out = new Map<Token, string>();
  segs.forEach((s, k) => {
    if ("lit" in s) out.set(s.lit, texts[k]!);
  });
  return out;
}

/**
 * `<<-` heredocs drop the smallest indentation found at the start of any
 * line. A line starts at the template start or after a literal ending in a
 * newline; a line that starts with a sequence has no indentation.
 */
function unindentFlush(segs: Segment[], texts: string[]): void {
  let min = Infinity;
  let atStart = true;
  const adjust: number[] = [];
  segs.forEach((s, k) => {
    if (atStart) {
      atStart = false;
      if (!("lit" in s)) min = 0;
      else {
        const text = texts[k]!;
        const ws = /^\s*/u.exec(text)![0];
        if (!(ws.length === text.length && text.endsWith("\n"))) {
          adjust.push(k);
          min = Math.min(min, [...ws].length);
        }
      }
    }
    // Terraform decides where lines start from the text left after stripping.
    if ("lit" in s && texts[k]!.endsWith("\n")) atStart = true;
  });
  if (!isFinite(min) || min === 0) return;
  for (const k of adjust) texts[k] = [...texts[k]!].slice(min).join("");
}
