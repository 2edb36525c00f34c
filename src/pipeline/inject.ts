/**
 * Stage 7, inject: what Alibaba Cloud needs that AWS code never says. One
 * resource group per stack, with resource_group_id on every emitted
 * resource that takes it (Alibaba's unit of access control and billing
 * views), and the AWS provider's default_tags merged into each resource's
 * tags (the alicloud provider has no default tags).
 */

import type { Block } from "../hcl/cst.js";
import { blockLabels, getAttribute, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import { normalizeIndent } from "../hcl/format.js";
import { exprSource } from "../hcl/value.js";
import { isRootDir, localModuleDir } from "../model/model.js";
import { addGenerated, decide, type Plan, type RunContext, type StackContext } from "../transforms/context.js";

export const RESOURCE_GROUP_TYPE = "alicloud_resource_manager_resource_group";

/** The alicloud resource blocks this stack emits, with the plan each belongs to. */
export function emittedResources(run: RunContext, stack: StackContext): Array<{ block: Block; plan: Plan }> {
  const out: Array<{ block: Block; plan: Plan }> = [];
  for (const plan of run.plans.values()) {
    if (plan.top.unit.dir !== stack.dir.dir || !plan.rule?.to || plan.absorbedInto || plan.failed || plan.ignored) continue;
    for (const block of [plan.top.block, ...(plan.emitted ?? [])]) if (block.blockType.text === "resource") out.push({ block, plan });
  }
  return out;
}

export function injectStage(run: RunContext): void {
  for (const stack of run.stacks.values()) {
    const resources = emittedResources(run, stack);
    if (resources.length > 0) injectResourceGroup(run, stack, resources);
    if (stack.defaultTags) mergeDefaultTags(run, stack, resources);
  }
}

function injectResourceGroup(run: RunContext, stack: StackContext, resources: Array<{ block: Block; plan: Plan }>): void {
  const takers = resources.filter(({ block }) => {
    const type = blockLabels(block)[0]!;
    const a = run.schema.resources[type]?.attrs.resource_group_id;
    return a !== undefined && a.m !== "c";
  });
  if (takers.length === 0) return;
  const ref = ensureResourceGroup(run, stack);
  for (const { block, plan } of takers) {
    if (getAttribute(block, "resource_group_id")) continue;
    setAttribute(block, "resource_group_id", ref);
    const address = blockLabels(block).join(".");
    plan.item.injected.push({ address: `${address}.resource_group_id`, why: "Alibaba Cloud groups resources for access control and cost views; every resource of the stack joins its resource group." });
  }
}

/** Root stacks get the resource group resource; modules get it as an input their callers pass. */
function ensureResourceGroup(run: RunContext, stack: StackContext): string {
  if (stack.resourceGroupRef) return stack.resourceGroupRef;
  if (isRootDir(stack.dir)) {
    const name = resourceGroupName(run, stack);
    addGenerated(stack, "aws2ali-resource-group.tf", {
      type: "resource",
      labels: [RESOURCE_GROUP_TYPE, "this"],
      items: [
        { comment: "Injected by aws2ali: one resource group per stack (see aws2ali-report.md)." },
        { attr: "resource_group_name", expr: JSON.stringify(name) },
        { attr: "display_name", expr: JSON.stringify(name) },
      ],
    });
    stack.resourceGroupRef = `${RESOURCE_GROUP_TYPE}.this.id`;
    decide(run, { topic: "resource-group", summary: "One resource group per stack", detail: `Each root stack gets an ${RESOURCE_GROUP_TYPE} (aws2ali-resource-group.tf) and every emitted resource that takes resource_group_id joins it; local modules receive it as the input resource_group_id.` });
  } else {
    stack.inputs.set("resource_group_id", { description: "ID of the Alibaba Cloud resource group this module's resources join (passed by the caller).", type: "string", default: "null" });
    stack.resourceGroupRef = "var.resource_group_id";
    passResourceGroupFromCallers(run, stack);
  }
  return stack.resourceGroupRef;
}

function passResourceGroupFromCallers(run: RunContext, stack: StackContext): void {
  for (const caller of stack.dir.calledBy) {
    const callerStack = run.stacks.get(caller.unit.dir);
    if (!callerStack || localModuleDir(caller) !== stack.dir.dir) continue;
    const ref = ensureResourceGroup(run, callerStack);
    if (!getAttribute(caller.block, "resource_group_id")) setAttribute(caller.block, "resource_group_id", ref);
  }
}

function resourceGroupName(run: RunContext, stack: StackContext): string {
  if (run.settings.resourceGroupName) return run.settings.resourceGroupName;
  const base = stack.dir.dir === "" ? run.sourceName : `${run.sourceName}-${stack.dir.dir.split("/").pop()!}`;
  return `${base}-rg`.replace(/[^A-Za-z0-9_.-]/g, "-");
}


/** The provider's default tags live in one local, which every resource that takes tags merges in. */
function mergeDefaultTags(run: RunContext, stack: StackContext, resources: Array<{ block: Block; plan: Plan }>): void {
  const local = "local.aws2ali_default_tags";
  let used = false;
  for (const { block, plan } of resources) {
    const type = blockLabels(block)[0]!;
    const tagsAttr = run.schema.resources[type]?.attrs.tags;
    if (!tagsAttr || tagsAttr.m === "c" || !tagsAttr.t.startsWith("map")) continue;
    const tags = getAttribute(block, "tags");
    if (tags) replaceAttributeValue(tags, `merge(${local}, ${exprSource(tags.expr)})`);
    else setAttribute(block, "tags", local);
    used = true;
    plan.item.injected.push({ address: `${blockLabels(block).join(".")}.tags`, why: "The AWS provider's default_tags, merged in: the alicloud provider has no default tags." });
  }
  if (!used) return;
  addGenerated(stack, "aws2ali-default-tags.tf", {
    type: "locals",
    labels: [],
    items: [{ comment: "The AWS provider's default_tags: the alicloud provider has none, so every resource that takes tags merges these in." }, { attr: "aws2ali_default_tags", expr: normalizeIndent(stack.defaultTags!) }],
  });
}
