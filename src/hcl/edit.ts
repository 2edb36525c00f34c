/**
 * The edit API. Later stages change files only through these functions:
 * each one replaces the few tokens or nodes it is about and leaves every
 * other byte of the file alone. New content is rendered by format.ts,
 * parsed by our own parser and grafted into the tree, so it is laid out as
 * `terraform fmt` would and is valid HCL by construction.
 */

import {
  attributesOf,
  firstToken,
  forEachToken,
  isToken,
  type Attribute,
  type Block,
  type Body,
  type Expr,
  type File,
  type Node,
  type ObjectExpr,
  type ObjectItem,
  type Part,
} from "./cst.js";
import { alignObjectRunsNear, alignRunOf, alignRunsNear, quote, reindent, renderBlock, renderItems, type BlockSpec, type ItemSpec } from "./format.js";
import { parse } from "./parser.js";
import { print } from "./printer.js";
import { makeToken, TK, type Token } from "./tokens.js";

export type Owner = File | Block;

export class EditError extends Error {}

/** Parse HCL written by aws2ali itself; a failure is a bug in aws2ali, not the user's input. */
function parseOwn(text: string): File {
  const r = parse(text, "<generated>");
  if (r.diagnostics.length > 0) {
    const d = r.diagnostics[0]!;
    throw new EditError(`generated HCL does not parse (${d.range.start.line}:${d.range.start.column} ${d.summary}):\n${text}`);
  }
  return r.file;
}

export function parseExpression(text: string): Expr {
  const file = parseOwn(`x = ${text}\n`);
  const attr = attributesOf(file.body)[0];
  if (!attr) throw new EditError(`not an expression: ${text}`);
  return attr.expr;
}

/** The file's line ending: CRLF files stay CRLF. */
export function eolOf(file: File): string {
  let eol = "\n";
  const visit = (n: Node): boolean => {
    for (const p of n.parts) {
      if (isToken(p)) {
        if (p.kind === TK.Newline && p.text !== "") {
          eol = p.text;
          return true;
        }
      } else if (p.type === "Body" || p.type === "Block" || p.type === "Attribute") {
        if (visit(p)) return true;
      }
    }
    return false;
  };
  visit(file);
  return eol;
}

function bodyOf(owner: Owner): Body {
  return owner.type === "File" ? owner.body : owner.body;
}

/** Indentation of the line a block starts on. */
export function indentOf(block: Block): string {
  return /[ \t]*$/.exec(block.blockType.lead)![0];
}

function innerIndent(owner: Owner): string {
  return owner.type === "File" ? "" : indentOf(owner) + "  ";
}

function ownerEol(owner: Owner): string {
  if (owner.type === "File") return eolOf(owner);
  const nl = owner.parts.find((p): p is Token => isToken(p) && p.kind === TK.Newline);
  const inner = owner.body.parts.find((p): p is Token => isToken(p) && p.kind === TK.Newline && p.text !== "");
  return (inner ?? nl)?.text || "\n";
}

// ---- blocks ----------------------------------------------------------------

export function labelValue(label: Token | Node): string {
  if (isToken(label)) return label.text;
  const lit = label.parts.find((p): p is Token => isToken(p) && p.kind === TK.TemplateLiteral);
  return lit ? lit.text : "";
}

export function blockLabels(block: Block): string[] {
  return block.labels.map(labelValue);
}

/** Rename a block's type and/or labels in place; the labels keep their quoting style. */
export function renameBlock(block: Block, type?: string, labels?: string[]): void {
  if (type !== undefined) block.blockType.text = type;
  if (!labels) return;
  if (labels.length !== block.labels.length) throw new EditError(`renameBlock: ${block.labels.length} labels, ${labels.length} given`);
  labels.forEach((value, k) => {
    const label = block.labels[k]!;
    if (isToken(label)) label.text = value;
    else {
      // A quoted label is written back escaped, as `quote` writes strings.
      const text = quote(value).slice(1, -1);
      const lit = label.parts.find((p): p is Token => isToken(p) && p.kind === TK.TemplateLiteral);
      if (lit) lit.text = text;
      else if (text !== "") label.parts.splice(1, 0, makeToken(TK.TemplateLiteral, text));
    }
  });
}

// ---- attributes ------------------------------------------------------------

export function getAttribute(owner: Owner | Body, name: string): Attribute | undefined {
  const body = owner.type === "Body" ? owner : bodyOf(owner);
  return attributesOf(body).find((a) => a.name.text === name);
}

/** A one-line or empty block body becomes multi-line, so items can be added to it. */
function ensureMultiline(owner: Owner): void {
  if (owner.type === "File") return;
  const body = owner.body;
  const first = body.parts[0];
  if (first && isToken(first) && first.kind === TK.Newline) return;
  const eol = ownerEol(owner);
  const inner = innerIndent(owner);
  for (const p of body.parts) {
    if (!isToken(p) && (p.type === "Attribute" || p.type === "Block")) {
      const ft = firstToken(p)!;
      ft.lead = inner;
      const last = p.parts[p.parts.length - 1]!;
      if (!(isToken(last) && last.kind === TK.Newline)) p.parts.push(makeToken(TK.Newline, eol));
    }
  }
  body.parts.unshift(makeToken(TK.Newline, eol));
  owner.close.lead = indentOf(owner);
}

function parseItems(text: string): Part[] {
  return parseOwn(text).body.parts;
}

/** Set an attribute: replace the value where it exists, else add it after the last attribute. */
export function setAttribute(owner: Owner, name: string, exprText: string, comment?: string): Attribute {
  const existing = getAttribute(owner, name);
  if (existing) {
    replaceAttributeValue(existing, exprText);
    // A value that turns multi-line (or single-line) splits (or joins) runs: re-align those around it.
    realignNear(bodyOf(owner), existing);
    return existing;
  }
  ensureMultiline(owner);
  const item: ItemSpec = comment ? { attr: name, expr: exprText, comment } : { attr: name, expr: exprText };
  // The rendered text can start with a comment line (a heredoc's comment goes above it): keep every part.
  const parsed = parseItems(renderItems([item], innerIndent(owner), ownerEol(owner)));
  const attr = parsed.find((p): p is Attribute => !isToken(p) && p.type === "Attribute")!;
  const body = bodyOf(owner);
  // New arguments go after the last ordinary argument: depends_on stays last, as people write it.
  const attrs = attributesOf(body).filter((a) => a.name.text !== "depends_on");
  const anchor = attrs[attrs.length - 1];
  const at = anchor ? body.parts.indexOf(anchor) + 1 : owner.type === "File" ? body.parts.length : 1;
  const before = body.parts[at - 1];
  // The last line of a file may have no newline: the new line must not run on from it.
  if (before && !isToken(before) && (before.type === "Attribute" || before.type === "Block")) ensureEndsLine(before, ownerEol(owner));
  body.parts.splice(at, 0, ...parsed);
  alignRunOf(body, attr);
  return attr;
}

export function replaceAttributeValue(attr: Attribute, exprText: string): void {
  // Continuation lines of a multi-line value line up under the attribute, as terraform fmt puts them.
  const indent = /[ \t]*$/.exec(attr.name.lead)![0];
  const end = attr.parts[attr.parts.length - 1]!;
  const eol = isToken(end) && end.kind === TK.Newline && end.text !== "" ? end.text : "\n";
  const expr = parseExpression(exprText.includes("\n") ? reindent(exprText, indent, eol) : exprText);
  const lead = firstToken(attr.expr)?.lead ?? " ";
  firstToken(expr)!.lead = lead;
  const k = attr.parts.indexOf(attr.expr);
  attr.parts[k] = expr;
  attr.expr = expr;
}

export function renameAttribute(owner: Owner, from: string, to: string): Attribute | undefined {
  const attr = getAttribute(owner, from);
  if (!attr) return undefined;
  attr.name.text = to;
  alignRunOf(bodyOf(owner), attr);
  return attr;
}

/** Remove an attribute and its line; the run it stood in is re-aligned. */
/**
 * Remove an attribute and its line. With `note`, when comment lines sit
 * right above the attribute (they were about it), a comment line with the
 * note takes its place, so those comments do not end up describing the
 * next argument.
 */
export function removeAttribute(owner: Owner, name: string, note?: string): Attribute | undefined {
  const attr = getAttribute(owner, name);
  if (!attr) return undefined;
  const body = bodyOf(owner);
  const k = body.parts.indexOf(attr);
  const above = body.parts[k - 1];
  const commented = above !== undefined && isToken(above) && above.kind === TK.Newline && /^[ \t]*(#|\/\/)/.test(above.lead) && (!note || !above.lead.includes(note.split(" ")[0]!));
  if (note && commented) {
    const indent = /^[ \t]*/.exec(attr.name.lead)![0];
    body.parts.splice(k, 1, makeToken(TK.Newline, ownerEol(owner), `${indent}# ${note}`));
    const after = body.parts[k + 1];
    if (after && !isToken(after) && after.type === "Attribute") alignRunOf(body, after);
    return attr;
  }
  removeItem(owner, attr);
  return attr;
}

function removeItem(owner: Owner, item: Attribute | Block): void {
  const body = bodyOf(owner);
  const k = body.parts.indexOf(item);
  if (k < 0) return;
  body.parts.splice(k, 1);
  collapseBlankLines(body, k, owner);
  const last = item.parts[item.parts.length - 1]!;
  const endsLine = isToken(last) && last.kind === TK.Newline;
  if (!endsLine && owner.type === "Block") {
    // A one-line block lost its only item: `tag { a = 1 }` becomes `tag {}`.
    owner.close.lead = "";
  }
  const neighbour = body.parts[k - 1] ?? body.parts[k];
  if (neighbour && !isToken(neighbour) && neighbour.type === "Attribute") alignRunOf(body, neighbour);
  const after = body.parts[k];
  if (after && !isToken(after) && after.type === "Attribute") alignRunOf(body, after);
}

function isBlankLine(p: Part | undefined): boolean {
  return p !== undefined && isToken(p) && p.kind === TK.Newline && /^[ \t]*$/.test(p.lead);
}

/** Removing an item between two blank lines leaves one; a blank line left before the closing brace goes. */
function collapseBlankLines(body: Body, k: number, owner: Owner): void {
  if (isBlankLine(body.parts[k - 1]) && (isBlankLine(body.parts[k]) || k === body.parts.length) && k - 1 > 0) body.parts.splice(k - 1, 1);
  // The first item went: the blank line that separated it from the next goes too.
  else if (k === (owner.type === "File" ? 0 : 1) && isBlankLine(body.parts[k])) body.parts.splice(k, 1);
}

// ---- nested and top-level blocks ---------------------------------------------

/** Append a nested block at the end of a block's body (or of a file). */
export function addBlock(owner: Owner, spec: BlockSpec): Block {
  ensureMultiline(owner);
  const [block] = parseItems(renderBlock(spec, innerIndent(owner), ownerEol(owner))) as [Block];
  const body = bodyOf(owner);
  const last = body.parts[body.parts.length - 1];
  if (last && !isToken(last) && (last.type === "Attribute" || last.type === "Block")) ensureEndsLine(last, ownerEol(owner));
  // Meta-arguments people write last (depends_on, lifecycle) stay last.
  let at = body.parts.length;
  for (let k = body.parts.length - 1; k > 0; k--) {
    const p = body.parts[k]!;
    if (isToken(p)) continue;
    if (!isTrailingMeta(p)) break;
    at = k;
  }
  while (at < body.parts.length && at > 1 && isBlankLine(body.parts[at - 1])) at--;
  body.parts.splice(at, 0, block);
  return block;
}

function isTrailingMeta(p: Part): boolean {
  return !isToken(p) && ((p.type === "Attribute" && p.name.text === "depends_on") || (p.type === "Block" && p.blockType.text === "lifecycle"));
}

export function removeBlock(owner: Owner, block: Block): void {
  removeItem(owner, block);
}

/** Insert new top-level blocks before or after another, one blank line apart. */
export function insertBlocks(file: File, anchor: Block, position: "before" | "after", specs: BlockSpec[]): Block[] {
  if (specs.length === 0) return [];
  const eol = eolOf(file);
  const text = specs.map((s) => renderBlock(s, "", eol)).join(eol);
  const parsed = parseItems(text);
  const blocks = parsed.filter((p): p is Block => !isToken(p) && p.type === "Block");
  const body = file.body;
  let k = body.parts.indexOf(anchor);
  if (k < 0) throw new EditError("insertBlocks: the anchor block is not in this file");
  if (position === "after") {
    ensureEndsLine(anchor, eol);
    body.parts.splice(k + 1, 0, makeToken(TK.Newline, eol), ...parsed);
  } else {
    // Comment lines right above the anchor belong to it: insert above them.
    while (k > 0 && isCommentLine(body.parts[k - 1])) k--;
    body.parts.splice(k, 0, ...parsed, makeToken(TK.Newline, eol));
  }
  return blocks;
}

/** Append top-level blocks at the end of a file, after a blank line. */
export function appendBlocks(file: File, specs: BlockSpec[]): Block[] {
  if (specs.length === 0) return [];
  const eol = eolOf(file);
  const body = file.body;
  const last = body.parts[body.parts.length - 1];
  if (last && !isToken(last) && (last.type === "Block" || last.type === "Attribute")) ensureEndsLine(last, eol);
  const needsBlank = body.parts.length > 0 && !(last && isToken(last) && last.kind === TK.Newline && /^\s*$/.test(last.lead));
  const text = specs.map((s) => renderBlock(s, "", eol)).join(eol);
  const parsed = parseItems(text);
  if (needsBlank) body.parts.push(makeToken(TK.Newline, eol));
  body.parts.push(...parsed);
  return parsed.filter((p): p is Block => !isToken(p) && p.type === "Block");
}

function ensureEndsLine(item: Attribute | Block, eol: string): void {
  const last = item.parts[item.parts.length - 1]!;
  if (!(isToken(last) && last.kind === TK.Newline)) item.parts.push(makeToken(TK.Newline, eol));
}

// ---- commenting out --------------------------------------------------------

/**
 * Replace a block by its own text as `#` comment lines under marker lines
 * that say why. Every byte of the block survives inside the comments.
 */
export function commentOutBlock(owner: Owner, block: Block, marker: string[]): void {
  const body = bodyOf(owner);
  const k = body.parts.indexOf(block);
  if (k < 0) throw new EditError("commentOutBlock: the block is not in this body");
  const eol = ownerEol(owner);
  const indent = indentOf(block);
  const text = print(block).replace(/^[ \t]*/, "");
  const lines = text.replace(/\r?\n$/, "").split(/\r?\n/);
  const tokens: Token[] = [];
  for (const m of marker) tokens.push(makeToken(TK.Newline, eol, `${indent}# ${m}`.trimEnd()));
  // Every comment line stands at the block's indentation, as terraform fmt indents comment lines;
  // the lines after the first keep their depth relative to it after the '#'.
  lines.forEach((line, i) => {
    const rest = i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line;
    tokens.push(makeToken(TK.Newline, eol, `${indent}# ${rest}`.trimEnd()));
  });
  // The block's own leading trivia (a comment on the same line before it) stays in front.
  const lead = block.blockType.lead.slice(0, block.blockType.lead.length - indent.length);
  if (lead) tokens[0]!.lead = lead + tokens[0]!.lead;
  body.parts.splice(k, 1, ...tokens);
}

// ---- expressions and references ----------------------------------------------

/** Replace one expression node anywhere under `root` by the expression in `newText`. */
export function replaceExpr(root: Node, old: Node, newText: string): Expr {
  // Continuation lines of a multi-line value line up under the line it starts on, in the file's line endings.
  const text = newText.includes("\n") ? reindent(newText, lineIndentOf(root, old), eolIn(root)) : newText;
  const expr = parseExpression(text);
  firstToken(expr)!.lead = firstToken(old)?.lead ?? "";
  const holders = holdersOf(root, old);
  if (!replaceChild(root, old, expr)) throw new EditError("replaceExpr: the node is not under this root");
  // The line's length changed: its trailing comment, and runs it joins or splits, re-align.
  realignHolders(holders);
  return expr;
}

/** The indentation of the line on which `node` starts, as far as `root` shows it. */
function lineIndentOf(root: Node, node: Node): string {
  const target = firstToken(node);
  let line = "";
  let found = false;
  const lastLine = (s: string): string => s.slice(s.lastIndexOf("\n") + 1);
  forEachToken(root, (t) => {
    if (found) return;
    line = lastLine(line + t.lead);
    if (t === target) found = true;
    else line = lastLine(line + t.text);
  });
  return /^[ \t]*/.exec(line)![0];
}

/** The line ending used under `root`, LF when it shows none. */
function eolIn(root: Node): string {
  if (root.type === "File") return eolOf(root);
  let eol = "";
  forEachToken(root, (t) => {
    if (eol === "" && t.kind === TK.Newline && t.text !== "") eol = t.text;
  });
  return eol || "\n";
}

/** The lines that hold `node` under `root`: its innermost body attribute and object item, each with its container. */
function holdersOf(root: Node, node: Node): Holders {
  const out: Holders = {};
  const parent = new Map<Node, Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === node) {
      for (let c: Node = n, p = parent.get(n); p; c = p, p = parent.get(p)) {
        if (!out.attr && c.type === "Attribute" && p.type === "Body") out.attr = { body: p, attr: c };
        if (!out.item && c.type === "ObjectItem" && p.type === "Object") out.item = { obj: p, item: c };
      }
      return out;
    }
    for (const c of n.parts) {
      if (!isToken(c)) {
        parent.set(c, n);
        stack.push(c);
      }
    }
  }
  return out;
}

interface Holders {
  attr?: { body: Body; attr: Attribute };
  item?: { obj: ObjectExpr; item: ObjectItem };
}

/** A line under `holders` changed length or shape: re-align what terraform fmt aligns around it. */
function realignHolders(holders: Holders): void {
  if (holders.item) alignObjectRunsNear(holders.item.obj, holders.item.item);
  if (holders.attr) realignNear(holders.attr.body, holders.attr.attr);
}

/** Re-align the runs holding `item` or the items right before and after it in `body`. */
function realignNear(body: Body, item: Part): void {
  alignRunsNear(body, item);
}

/** A line holding only a comment. */
function isCommentLine(p: Part | undefined): boolean {
  return p !== undefined && isToken(p) && p.kind === TK.Newline && /^[ \t]*(#|\/\/|\/\*)/.test(p.lead);
}

/** Swap `old` for `replacement` in its parent's parts and typed fields. */
export function replaceChild(root: Node, old: Node, replacement: Node): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const k = n.parts.indexOf(old);
    if (k >= 0) {
      n.parts[k] = replacement;
      const rec = n as unknown as Record<string, unknown>;
      for (const key of Object.keys(rec)) {
        if (key === "parts") continue;
        const v = rec[key];
        if (v === old) rec[key] = replacement;
        else if (Array.isArray(v)) {
          const j = v.indexOf(old);
          if (j >= 0) v[j] = replacement;
        }
      }
      return true;
    }
    for (const p of n.parts) if (!isToken(p)) stack.push(p);
  }
  return false;
}

export type TraversalStep =
  | { kind: "attr"; name: string; node: Expr }
  | { kind: "index"; key: Expr; node: Expr }
  | { kind: "legacy-index"; index: string; node: Expr }
  | { kind: "splat"; node: Expr };

/** A reference such as `aws_subnet.a[*].id`: the root name and the steps after it, each with the node that ends there. */
export interface Reference {
  root: string;
  rootNode: Expr;
  steps: TraversalStep[];
  /** The whole traversal expression (the outermost step). */
  node: Expr;
}

/** Every traversal under `node` (templates, for expressions and all), outermost first, each once. */
export function findReferences(node: Node): Reference[] {
  const out: Reference[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const ref = isTraversal(n) ? referenceOf(n as Expr) : undefined;
    if (ref) {
      out.push(ref);
      // Index keys inside the traversal can hold references of their own.
      for (const s of ref.steps) if (s.kind === "index") stack.push(s.key);
      continue;
    }
    for (let i = n.parts.length - 1; i >= 0; i--) {
      const p = n.parts[i]!;
      // A bare name as an object key (`{ Name = … }`) is a string, not a reference.
      if (n.type === "ObjectItem" && p === n.key && n.key.type === "Variable") continue;
      if (!isToken(p)) stack.push(p);
    }
  }
  return out;
}

function isTraversal(n: Node): boolean {
  return n.type === "Variable" || n.type === "GetAttr" || n.type === "Index" || n.type === "LegacyIndex" || n.type === "Splat";
}

function referenceOf(outer: Expr): Reference | undefined {
  const steps: TraversalStep[] = [];
  let cur: Expr = outer;
  for (;;) {
    if (cur.type === "GetAttr") steps.push({ kind: "attr", name: cur.name.text, node: cur });
    else if (cur.type === "Index") steps.push({ kind: "index", key: cur.key, node: cur });
    else if (cur.type === "LegacyIndex") steps.push({ kind: "legacy-index", index: cur.index.text, node: cur });
    else if (cur.type === "Splat") steps.push({ kind: "splat", node: cur });
    else break;
    cur = cur.target;
  }
  if (cur.type !== "Variable") return undefined;
  steps.reverse();
  return { root: cur.name.text, rootNode: cur, steps, node: outer };
}

/** The dotted name prefix of a reference: `data.aws_ami.ubuntu.id[0]` → ["data", "aws_ami", "ubuntu", "id"]. */
export function referenceNames(ref: Reference): string[] {
  const names = [ref.root];
  for (const s of ref.steps) {
    if (s.kind !== "attr") break;
    names.push(s.name);
  }
  return names;
}

/** Rename the first names of a reference in place (`aws_vpc.main` → `alicloud_vpc.main`); the rest is untouched. */
export function renameReference(ref: Reference, names: string[], root?: Node): void {
  const have = referenceNames(ref);
  if (names.length > have.length) throw new EditError("renameReference: more names than the reference has");
  if (ref.rootNode.type === "Variable") ref.rootNode.name.text = names[0]!;
  for (let k = 1; k < names.length; k++) {
    const step = ref.steps[k - 1]!;
    if (step.kind === "attr" && step.node.type === "GetAttr") step.node.name.text = names[k]!;
  }
  // Given the file (or block) it is in, the line's trailing comment re-aligns to its new length.
  if (root) realignHolders(holdersOf(root, ref.node));
}

export { quote, renderBlock, renderItems, type BlockSpec, type ItemSpec };
