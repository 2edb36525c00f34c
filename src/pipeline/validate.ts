/**
 * Stage 8, validate: every alicloud block of the output, as printed, is
 * re-parsed and checked against the provider schema. Checking the printed
 * text (not the edited tree) means findings point at lines of the output
 * files that a reviewer will open.
 */

import { attributesOf, blocksOf, type Block, type Body, type File } from "../hcl/cst.js";
import type { Diagnostic, Range } from "../hcl/diagnostics.js";
import { blockLabels } from "../hcl/edit.js";
import { parse } from "../hcl/parser.js";
import type { SourceMap } from "../hcl/source.js";
import { staticValue } from "../hcl/value.js";
import type { CompactSchema } from "../schema/compact.js";
import { validateBlock, type BlockShape, type BodyShape, type NestedBlockShape } from "../schema/validate.js";

export function validateOutput(path: string, text: string, schema: CompactSchema): Diagnostic[] {
  const parsed = parse(text, path);
  if (parsed.diagnostics.length > 0) {
    return parsed.diagnostics.map((d) => ({ ...d, code: "emit.invalid-hcl", summary: `aws2ali wrote invalid HCL: ${d.summary}`, detail: `${d.detail} This is a bug in aws2ali; please report it.` }));
  }
  return validateTree(parsed.file, path, parsed.source, schema);
}

export function validateTree(file: File, path: string, source: SourceMap, schema: CompactSchema): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const block of blocksOf(file.body)) {
    const shape = shapeOf(block, path, source);
    if (shape) out.push(...validateBlock(schema, shape));
  }
  return out;
}

function rangeOf(source: SourceMap, start: number, end: number): Range {
  return source.range(Math.max(0, start), Math.max(0, end));
}

function shapeOf(block: Block, path: string, source: SourceMap): BlockShape | undefined {
  const keyword = block.blockType.text;
  const labels = blockLabels(block);
  const type = labels[0] ?? "";
  if (!type.startsWith("alicloud")) return undefined;
  if (keyword !== "resource" && keyword !== "data" && keyword !== "provider") return undefined;
  const labelTok = block.labels[0]!;
  const labelPos = "pos" in labelTok ? labelTok.pos : (labelTok.parts[0] as { pos: number }).pos;
  return {
    kind: keyword,
    type,
    file: path,
    range: rangeOf(source, block.blockType.pos, block.close.pos + 1),
    typeRange: rangeOf(source, labelPos, labelPos + type.length + 2),
    body: bodyShape(block.body, source),
  };
}

function bodyShape(body: Body, source: SourceMap): BodyShape {
  const attributes = new Map<string, { nameRange: Range; value: { literal?: string | number | boolean | null; known: boolean; range: Range } }>();
  for (const a of attributesOf(body)) {
    const v = staticValue(a.expr);
    const known = v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
    const nameRange = rangeOf(source, a.name.pos, a.name.pos + a.name.text.length);
    attributes.set(a.name.text, { nameRange, value: known ? { literal: v as string | number | boolean | null, known, range: nameRange } : { known: false, range: nameRange } });
  }
  const blocks: NestedBlockShape[] = [];
  for (const b of blocksOf(body)) {
    const dynamic = b.blockType.text === "dynamic";
    const name = dynamic ? (blockLabels(b)[0] ?? "") : b.blockType.text;
    const content = dynamic ? blocksOf(b.body).find((c) => c.blockType.text === "content") : b;
    blocks.push({ name, dynamic, range: rangeOf(source, b.blockType.pos, b.close.pos + 1), body: bodyShape((content ?? b).body, source) });
  }
  return { attributes, blocks };
}
