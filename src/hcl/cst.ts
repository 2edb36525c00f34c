/**
 * The concrete syntax tree. Every node keeps `parts`: its tokens and child
 * nodes in source order. `parts` is the single truth for printing; the typed
 * fields point at the same objects for convenient reading. Edits go through
 * edit.ts, which keeps both in step.
 */

import { TokenImpl, type Token } from "./tokens.js";

export type Part = Token | Node;

export type Node =
  | File
  | Body
  | Attribute
  | Block
  | Label
  | Expr
  | ObjectItem
  | TemplateInterpolation
  | TemplateIf
  | TemplateFor
  | TemplateControlTag;

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | LegacyIndexExpr
  | SplatExpr
  | CallExpr
  | ForExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ParenExpr
  | TupleExpr
  | ObjectExpr
  | InvalidExpr;

export interface File {
  type: "File";
  /** The UTF-8 byte order mark, kept so the file prints back as it came. */
  bom: string;
  body: Body;
  eof: Token;
  parts: Part[];
}

/** Items of a body: attributes, blocks and lone newline tokens (blank or comment-only lines). */
export interface Body {
  type: "Body";
  parts: Part[];
}

export interface Attribute {
  type: "Attribute";
  name: Token;
  expr: Expr;
  parts: Part[];
}

export interface Block {
  type: "Block";
  blockType: Token;
  labels: Array<Token | Label>;
  open: Token;
  body: Body;
  close: Token;
  parts: Part[];
}

/** A quoted block label: `"aws_vpc"`. */
export interface Label {
  type: "Label";
  parts: Part[];
}

export interface LiteralExpr {
  type: "Literal";
  token: Token;
  parts: Part[];
}

export type TemplatePart = Token | TemplateInterpolation | TemplateIf | TemplateFor;

/** A quoted string or a heredoc; `items` holds literal tokens, interpolations and directives. */
export interface TemplateExpr {
  type: "Template";
  heredoc: boolean;
  open: Token;
  items: TemplatePart[];
  close: Token;
  parts: Part[];
}

export interface TemplateInterpolation {
  type: "TemplateInterpolation";
  expr: Expr;
  parts: Part[];
}

/** `%{ keyword … }` with its tokens. */
export interface TemplateControlTag {
  type: "TemplateControlTag";
  keyword: string;
  parts: Part[];
}

export interface TemplateIf {
  type: "TemplateIf";
  cond: Expr;
  then: TemplatePart[];
  else: TemplatePart[] | null;
  parts: Part[];
}

export interface TemplateFor {
  type: "TemplateFor";
  keyVar: string | null;
  valueVar: string;
  coll: Expr;
  body: TemplatePart[];
  parts: Part[];
}

export interface VariableExpr {
  type: "Variable";
  name: Token;
  parts: Part[];
}

export interface GetAttrExpr {
  type: "GetAttr";
  target: Expr;
  name: Token;
  parts: Part[];
}

export interface IndexExpr {
  type: "Index";
  target: Expr;
  key: Expr;
  parts: Part[];
}

/** `x.0`: the index written as an attribute, still accepted by Terraform. */
export interface LegacyIndexExpr {
  type: "LegacyIndex";
  target: Expr;
  index: Token;
  parts: Part[];
}

/** `x[*]` or `x.*`; traversals written after a splat apply to each element and follow as parents. */
export interface SplatExpr {
  type: "Splat";
  target: Expr;
  full: boolean;
  parts: Part[];
}

export interface CallExpr {
  type: "Call";
  /** `jsonencode`, or `provider::aws::arn_parse`. */
  name: string;
  args: Expr[];
  expandFinal: boolean;
  parts: Part[];
}

export interface ForExpr {
  type: "For";
  object: boolean;
  keyVar: string | null;
  valueVar: string;
  coll: Expr;
  keyExpr: Expr | null;
  valueExpr: Expr;
  cond: Expr | null;
  grouped: boolean;
  parts: Part[];
}

export interface ConditionalExpr {
  type: "Conditional";
  cond: Expr;
  then: Expr;
  else: Expr;
  parts: Part[];
}

export interface BinaryExpr {
  type: "Binary";
  op: Token;
  left: Expr;
  right: Expr;
  parts: Part[];
}

export interface UnaryExpr {
  type: "Unary";
  op: Token;
  operand: Expr;
  parts: Part[];
}

export interface ParenExpr {
  type: "Paren";
  expr: Expr;
  parts: Part[];
}

export interface TupleExpr {
  type: "Tuple";
  elements: Expr[];
  parts: Part[];
}

export interface ObjectExpr {
  type: "Object";
  items: ObjectItem[];
  parts: Part[];
}

export interface ObjectItem {
  type: "ObjectItem";
  key: Expr;
  value: Expr;
  parts: Part[];
}

/** What the parser builds where an expression was expected and none could be read. */
export interface InvalidExpr {
  type: "Invalid";
  parts: Part[];
}

export function isToken(p: Part): p is Token {
  return p instanceof TokenImpl;
}


/** Visit every token of a subtree in source order (iteratively: deep trees must not overflow the stack). */
export function forEachToken(node: Node, fn: (t: Token) => void): void {
  const nodes: Node[] = [node];
  const index: number[] = [0];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const n = nodes[top]!;
    const i = index[top]!;
    if (i >= n.parts.length) {
      nodes.pop();
      index.pop();
      continue;
    }
    index[top] = i + 1;
    const p = n.parts[i]!;
    if (isToken(p)) fn(p);
    else {
      nodes.push(p);
      index.push(0);
    }
  }
}

/** The first token of a subtree (a deep left spine, like a long traversal, is walked without recursion). */
export function firstToken(node: Node): Token | undefined {
  const stack: Part[] = [node];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (isToken(p)) return p;
    for (let i = p.parts.length - 1; i >= 0; i--) stack.push(p.parts[i]!);
  }
  return undefined;
}

export function lastToken(node: Node): Token | undefined {
  const stack: Part[] = [node];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (isToken(p)) return p;
    for (const c of p.parts) stack.push(c);
  }
  return undefined;
}


export function blocksOf(body: Body): Block[] {
  return body.parts.filter((p): p is Block => !isToken(p) && p.type === "Block");
}

export function attributesOf(body: Body): Attribute[] {
  return body.parts.filter((p): p is Attribute => !isToken(p) && p.type === "Attribute");
}
