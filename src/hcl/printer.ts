/**
 * The printer: every token's leading trivia and text, in tree order. An
 * unedited tree prints back its source byte for byte.
 */

import { isToken, type Node } from "./cst.js";

export function print(node: Node): string {
  return (node.type === "File" ? node.bom : "") + collect(node);
}

/**
 * Iterative walk (deeply nested input must not overflow the call stack);
 * `+=` builds a rope that V8 flattens once, faster than joining an array.
 */
function collect(root: Node): string {
  let out = "";
  const nodes: Node[] = [root];
  const index: number[] = [0];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top]!;
    const i = index[top]!;
    if (i >= node.parts.length) {
      nodes.pop();
      index.pop();
      continue;
    }
    index[top] = i + 1;
    const p = node.parts[i]!;
    if (isToken(p)) {
      // Two appends, no intermediate string: most leads are empty or one space.
      if (p.lead !== "") out += p.lead;
      out += p.text;
    }
    else {
      nodes.push(p);
      index.push(0);
    }
  }
  return out;
}

