/**
 * The model of a Terraform tree: its module folders, the top-level blocks
 * of each with their addresses, and which local folders call which. Stages
 * after parse read the model; only transforms edit the trees it points at.
 */

import { posix } from "node:path";
import { blocksOf, type Block, type File } from "../hcl/cst.js";
import type { Pos } from "../hcl/diagnostics.js";
import { blockLabels, getAttribute } from "../hcl/edit.js";
import type { SourceMap } from "../hcl/source.js";
import { templateString } from "../hcl/value.js";

export type BlockKind = "resource" | "data" | "provider" | "terraform" | "module" | "variable" | "output" | "locals" | "other";

/** One parsed file that takes part in the migration. */
export interface Unit {
  /** Path relative to SRC, forward slashes. */
  path: string;
  /** Its folder, relative to SRC ("" for the root). */
  dir: string;
  tree: File;
  source: SourceMap;
  isTfvars: boolean;
}

export interface TopBlock {
  unit: Unit;
  block: Block;
  kind: BlockKind;
  /** Resource or data type, provider name, or the block keyword. */
  type: string;
  name: string;
  /** `aws_vpc.main`, `data.aws_ami.ubuntu`, `provider.aws`, `module.net`, `var.region`. */
  address: string;
  pos: Pos;
}

export interface ModuleDir {
  dir: string;
  units: Unit[];
  blocks: TopBlock[];
  /** `module` blocks elsewhere whose local source is this folder. */
  calledBy: TopBlock[];
}

export interface Model {
  dirs: Map<string, ModuleDir>;
}

export function addressOf(kind: BlockKind, type: string, name: string): string {
  switch (kind) {
    case "resource":
      return `${type}.${name}`;
    case "data":
      return `data.${type}.${name}`;
    case "provider":
      return name ? `provider.${type}.${name}` : `provider.${type}`;
    case "module":
      return `module.${name}`;
    case "variable":
      return `var.${name}`;
    case "output":
      return `output.${name}`;
    default:
      return type;
  }
}

const KINDS = new Set<BlockKind>(["resource", "data", "provider", "terraform", "module", "variable", "output", "locals"]);

export function describeBlock(unit: Unit, block: Block): TopBlock {
  const keyword = block.blockType.text;
  const kind: BlockKind = KINDS.has(keyword as BlockKind) ? (keyword as BlockKind) : "other";
  const labels = blockLabels(block);
  let type = keyword;
  let name = "";
  if (kind === "resource" || kind === "data") [type, name] = [labels[0] ?? "", labels[1] ?? ""];
  else if (kind === "provider") {
    type = labels[0] ?? "";
    const alias = getAttribute(block, "alias");
    name = alias && alias.expr.type === "Template" ? (templateString(alias.expr) ?? "") : "";
  } else if (kind === "module" || kind === "variable" || kind === "output") name = labels[0] ?? "";
  const pos = unit.source.pos(block.blockType.pos);
  return { unit, block, kind, type, name, address: addressOf(kind, type, name), pos };
}

export function buildModel(units: Unit[]): Model {
  const dirs = new Map<string, ModuleDir>();
  for (const unit of units) {
    let d = dirs.get(unit.dir);
    if (!d) dirs.set(unit.dir, (d = { dir: unit.dir, units: [], blocks: [], calledBy: [] }));
    d.units.push(unit);
    if (unit.isTfvars) continue;
    for (const block of blocksOf(unit.tree.body)) d.blocks.push(describeBlock(unit, block));
  }
  for (const d of dirs.values()) {
    for (const b of d.blocks) {
      if (b.kind !== "module") continue;
      const target = localModuleDir(b);
      if (target !== undefined) dirs.get(target)?.calledBy.push(b);
    }
  }
  return { dirs };
}

/** The folder a `module` block's local source points at, relative to SRC. */
export function localModuleDir(b: TopBlock): string | undefined {
  const src = getAttribute(b.block, "source");
  const value = src && src.expr.type === "Template" ? templateString(src.expr) : undefined;
  if (!value || !(value.startsWith("./") || value.startsWith("../"))) return undefined;
  return posix.normalize(posix.join(b.unit.dir || ".", value)).replace(/^\.$/, "");
}

/** A folder is a root stack when no module in the tree calls it. */
export function isRootDir(d: ModuleDir): boolean {
  return d.calledBy.length === 0;
}
