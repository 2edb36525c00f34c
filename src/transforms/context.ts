/**
 * What a named transform gets to work with. Transforms edit through the
 * HCL edit API and report through the item; they never print, exit or
 * touch files.
 */

import type { Block } from "../hcl/cst.js";
import type { BlockSpec } from "../hcl/format.js";
import type { MappingTable } from "../mapping/load.js";
import type { Rule } from "../mapping/rule.js";
import type { ModuleDir, Model, TopBlock } from "../model/model.js";
import type { Change, Decision, ReportItem } from "../report/model.js";
import type { CompactSchema } from "../schema/compact.js";
import type { ModuleCall } from "./module-call.js";
import type { StateBackend } from "./terraform-block.js";

export interface Settings {
  /** Version constraint written into required_providers. */
  providerVersion: string;
  /** Name of the resource group injected per stack. */
  resourceGroupName: string | null;
  /** RAM's limit on policies attached to one role (Alibaba's default quota; practitioners cite 100 after raises). */
  ramPolicyLimit: number;
  /** Target region when the source has none we can map. */
  defaultRegion: string | null;
}

export interface Plan {
  top: TopBlock;
  rule: Rule | undefined;
  item: ReportItem;
  /** What references to this block become: new leading names (`alicloud_vpc`, `main`), or null when they become variables. */
  target: { names: string[] } | null;
  /** The block has a `# aws2ali:ignore` comment above it: kept verbatim and reported as ignored. */
  ignored?: boolean;
  /** Set when translating the block threw: it is then kept as written, commented out, with this reason. */
  failed?: string;
  /** Blocks a transform added for this one, in order. */
  emitted?: Block[];
  /** The block as written in the AWS source, parsed apart from the tree (transforms read others' originals). */
  original: Block;
  /** Set by transforms that fold the block into another (state lock table, RDS cluster instances): it is then commented out with this reason. */
  absorbedInto?: { target: string; reason: string };
}

export interface StackContext {
  dir: ModuleDir;
  /** `alicloud_resource_manager_resource_group.<name>.id`, when one is injected for this stack. */
  resourceGroupRef: string | null;
  /** Blocks to append to generated files of this stack, by file name. */
  generated: Map<string, BlockSpec[]>;
  /** The AWS provider's default_tags expression, merged into every resource that takes tags. */
  defaultTags?: string;
  /** Input variables standing for things that could not be translated. */
  inputs: Map<string, { description: string; type?: string; default?: string; sensitive?: boolean }>;
}

export interface RunContext {
  model: Model;
  table: MappingTable;
  schema: CompactSchema;
  settings: Settings;
  plans: Map<TopBlock, Plan>;
  stacks: Map<string, StackContext>;
  decisions: Decision[];
  /** Extra files to write at the output root, by relative path (bootstrap-state.sh, …). */
  extraFiles: Map<string, string>;
  /** Items that are not AWS blocks (provider, backend) but belong in the report. */
  extraItems: ReportItem[];
  /** A name for the whole source tree (its folder name), for names aws2ali makes up. */
  sourceName: string;
  /** Registry modules vendored into the output as local modules (--vendor-modules). */
  vendored: Array<{ key: string; source: string; dir: string }>;
  /** Calls to registry modules that aws2ali translated or reported. */
  moduleCalls: ModuleCall[];
  /** The state backend, once the terraform block was translated. */
  stateBackend?: StateBackend;
}

export interface TransformContext {
  run: RunContext;
  stack: StackContext;
  plan: Plan;
  top: TopBlock;
  /** The block being translated (already renamed by the data rules). */
  block: Block;
  rule: Rule;
  change(c: Change): void;
  /** Insert new top-level blocks after this one and record them as its targets. */
  emitAfter(specs: BlockSpec[]): Block[];
  /** Find the plan of another block of this stack by address (`aws_eip.nat`). */
  planOf(address: string): Plan | undefined;
}

export type Transform = (ctx: TransformContext) => void;

export function decide(run: RunContext, d: Decision): void {
  if (!run.decisions.some((x) => x.topic === d.topic && x.summary === d.summary)) run.decisions.push(d);
}

/** Add a block to one of the stack's generated files (aws2ali-zones.tf, aws2ali-resource-group.tf, …). */
export function addGenerated(stack: StackContext, file: string, spec: BlockSpec): void {
  const list = stack.generated.get(file) ?? [];
  list.push(spec);
  stack.generated.set(file, list);
}
