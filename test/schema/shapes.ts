/**
 * Small builders for validateBlock's input shapes, so each test case reads
 * like the HCL it stands for. Every attribute, block and value gets its own
 * line number, which lets tests assert where a finding points.
 */
import type { Range } from "../../src/hcl/diagnostics.js";
import type { AttributeShape, BlockKind, BlockShape, BodyShape, NestedBlockShape, ValueShape } from "../../src/schema/validate.js";

let nextLine = 1;

/** A fresh one-line range; `line` is unique per call so ranges identify what they belong to. */
export function freshRange(): Range {
  const line = nextLine++;
  return { start: { line, column: 3, byte: line * 100 }, end: { line, column: 20, byte: line * 100 + 17 } };
}

/** Marks an attribute value as an expression (a reference, a function call…): known = false. */
export const EXPR = Symbol("expression");
export type Value = string | number | boolean | null | typeof EXPR;

function valueShape(value: Value): ValueShape {
  if (value === EXPR) return { known: false, range: freshRange() };
  return { literal: value, known: true, range: freshRange() };
}

export function body(attributes: Record<string, Value> = {}, blocks: NestedBlockShape[] = []): BodyShape {
  const map = new Map<string, AttributeShape>();
  for (const [name, value] of Object.entries(attributes)) map.set(name, { nameRange: freshRange(), value: valueShape(value) });
  return { attributes: map, blocks };
}

export function block(name: string, attributes: Record<string, Value> = {}, blocks: NestedBlockShape[] = []): NestedBlockShape {
  return { name, dynamic: false, range: freshRange(), body: body(attributes, blocks) };
}

/** `dynamic "name" { for_each = …; content { … } }`: the body is the content block's. */
export function dynamicBlock(name: string, attributes: Record<string, Value> = {}, blocks: NestedBlockShape[] = []): NestedBlockShape {
  return { name, dynamic: true, range: freshRange(), body: body(attributes, blocks) };
}

function topLevel(kind: BlockKind, type: string, attributes: Record<string, Value>, blocks: NestedBlockShape[]): BlockShape {
  return { kind, type, file: "main.tf", range: freshRange(), typeRange: freshRange(), body: body(attributes, blocks) };
}

export function resource(type: string, attributes: Record<string, Value> = {}, blocks: NestedBlockShape[] = []): BlockShape {
  return topLevel("resource", type, attributes, blocks);
}

export function dataSource(type: string, attributes: Record<string, Value> = {}, blocks: NestedBlockShape[] = []): BlockShape {
  return topLevel("data", type, attributes, blocks);
}

export function provider(name: string, attributes: Record<string, Value> = {}, blocks: NestedBlockShape[] = []): BlockShape {
  return topLevel("provider", name, attributes, blocks);
}

/** The range of a top-level attribute's name, for asserting where a finding points. */
export function nameRangeOf(shape: { body: BodyShape }, name: string): Range {
  const attribute = shape.body.attributes.get(name);
  if (!attribute) throw new Error(`no attribute ${name}`);
  return attribute.nameRange;
}

export function valueRangeOf(shape: { body: BodyShape }, name: string): Range {
  const attribute = shape.body.attributes.get(name);
  if (!attribute) throw new Error(`no attribute ${name}`);
  return attribute.value.range;
}
