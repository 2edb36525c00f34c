/**
 * The printer: every token's leading trivia and text, in tree order. An
 * unedited tree prints back its source byte for byte.
 */

import { isToken, type File, type Node } from "./cst.js";

export function print(node: Node): string {
  const out: string[] = [];
  if (node.type === "File") out.push(node.bom);
  collect(node, out);
  return out.join("");
}

/** Iterative walk: deeply nested input must not overflow the call stack. */
function collect(root: Node, out: string[]): void {
  const stack: Array<{ node: Node; i: number }> = [{ node: root, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.node.parts.length) {
      stack.pop();
      continue;
    }
    const p = top.node.parts[top.i++]!;
    if (isToken(p)) {
      if (p.lead !== "") out.push(p.lead);
      if (p.text !== "") out.push(p.text);
    } else stack.push({ node: p, i: 0 });
  }
}

export function printFile(file: File): string {
  return print(file);
}
