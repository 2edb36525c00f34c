/**
 * Converts our tree into the JSON shape that HashiCorp's hcl2json returns
 * (tmccombs/hcl2json's convert package, as shipped in @cdktf/hcl2json), so
 * the two parsers can be deep-compared on every fixture.
 */

import { attributesOf, blocksOf, isToken, type Body, type Expr, type File, type Node, type TemplateExpr, type TemplatePart } from "../../src/hcl/cst.js";
import { TK, type Token } from "../../src/hcl/tokens.js";
import { decodedLiterals, exprSource, literalValue, templateString } from "../../src/hcl/value.js";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

export function toHcl2JsonShape(file: File): Obj {
  return convertBody(file.body);
}

function convertBody(body: Body): Obj {
  const out: Obj = {};
  for (const block of blocksOf(body)) {
    let target: Obj = out;
    let key = block.blockType.text;
    for (const label of block.labels) {
      if (!(key in target)) target[key] = {};
      target = target[key] as Obj;
      key = labelText(label);
    }
    const value = convertBody(block.body);
    if (key in target) (target[key] as Json[]).push(value);
    else target[key] = [value];
  }
  for (const attr of attributesOf(body)) out[attr.name.text] = convertExpr(attr.expr);
  return out;
}

function labelText(label: Token | Node): string {
  if (isToken(label)) return label.text;
  const lit = label.parts.find((p): p is Token => isToken(p) && p.kind === TK.TemplateLiteral);
  return lit ? lit.text : "";
}

function wrap(e: Node): string {
  return "${" + exprSource(e) + "}";
}

function convertExpr(e: Expr): Json {
  switch (e.type) {
    case "Literal":
      return literalValue(e.token);
    case "Unary":
      if (e.operand.type === "Literal") {
        const v = literalValue(e.operand.token);
        return e.op.kind === TK.Minus ? -(v as number) : !v;
      }
      return wrap(e);
    case "Template":
      if (!e.heredoc && e.items.length === 1 && !isToken(e.items[0]!) && e.items[0]!.type === "TemplateInterpolation") {
        return convertExpr(e.items[0]!.expr);
      }
      return convertTemplate(e);
    case "Tuple":
      return e.elements.map(convertExpr);
    case "Object": {
      const out: Obj = {};
      for (const item of e.items) out[convertKey(item.key)] = convertExpr(item.value);
      return out;
    }
    default:
      return wrap(e);
  }
}

function convertTemplate(t: TemplateExpr): string {
  const simple = templateString(t);
  if (simple !== undefined) return simple;
  const decoded = decodedLiterals(t);
  return convertParts(t.items, decoded);
}

function convertParts(items: TemplatePart[], decoded: Map<Token, string>): string {
  let out = "";
  for (const it of items) {
    if (isToken(it)) out += decoded.get(it) ?? "";
    else if (it.type === "TemplateInterpolation") out += convertStringPart(it.expr);
    else if (it.type === "TemplateIf") {
      const otherwise = it.else ? convertParts(it.else, decoded) : "";
      out += "%{if " + exprSource(it.cond) + "}" + convertParts(it.then, decoded) + (otherwise ? "%{else}" + otherwise : "") + "%{endif}";
    } else {
      out += "%{for " + (it.keyVar ? it.keyVar + ", " : "") + it.valueVar + " in " + exprSource(it.coll) + "}" + convertParts(it.body, decoded) + "%{endfor}";
    }
  }
  return out;
}

function convertStringPart(e: Expr): string {
  switch (e.type) {
    case "Literal": {
      const v = literalValue(e.token);
      return v === null ? "" : String(v);
    }
    case "Template":
      if (!e.heredoc && e.items.length === 1 && !isToken(e.items[0]!) && e.items[0]!.type === "TemplateInterpolation") return convertStringPart(e.items[0]!.expr);
      return convertTemplate(e);
    case "Conditional": {
      const f = convertStringPart(e.else);
      return "%{if " + exprSource(e.cond) + "}" + convertStringPart(e.then) + (f ? "%{else}" + f : "") + "%{endif}";
    }
    default:
      return wrap(e);
  }
}

/** Keys: a bare traversal is its source; anything else goes through the string-part rules. */
function convertKey(key: Expr): string {
  if (isStaticTraversal(key)) return exprSource(key);
  return convertStringPart(key);
}

function isStaticTraversal(e: Expr): boolean {
  switch (e.type) {
    case "Variable":
      return true;
    case "GetAttr":
    case "LegacyIndex":
      return isStaticTraversal(e.target);
    case "Index":
      return (e.key.type === "Literal" || (e.key.type === "Template" && templateString(e.key) !== undefined)) && isStaticTraversal(e.target);
    default:
      return false;
  }
}
