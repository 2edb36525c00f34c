/**
 * data "aws_ami" → data "alicloud_images". Alibaba Cloud image names share
 * nothing with AMI names, so an image is found by what it is: the owner
 * (one string: system, self, others, marketplace), the architecture, and a
 * name_regex rewritten to the Alibaba public image family where aws2ali
 * knows it (Amazon Linux → Alibaba Cloud Linux 3, Ubuntu, Debian, RHEL,
 * Windows Server). Other filters map where alicloud_images has the field.
 */

import { blocksOf } from "../hcl/cst.js";
import { blockLabels, findReferences, getAttribute, quote, removeAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { literal } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { retractChanges } from "./report-changes.js";

/** Publisher accounts whose AMIs correspond to Alibaba Cloud public (system) images. */
const PUBLISHERS: Record<string, string> = {
  "099720109477": "Canonical (Ubuntu)",
  "136693071363": "Debian",
  "309956199498": "Red Hat",
  "137112412989": "Amazon",
  "591542846629": "Amazon",
  "801119661308": "Microsoft",
};

const STATES: Record<string, string> = { available: "Available", pending: "Creating", failed: "CreateFailed", deregistered: "UnAvailable", disabled: "UnAvailable" };
const IGNORED_FILTERS = new Set(["virtualization-type", "root-device-type", "ena-support", "hypervisor", "image-type", "is-public", "boot-mode", "root-device-name", "block-device-mapping.volume-type", "block-device-mapping.delete-on-termination"]);

interface Family {
  regex: string;
  name: string;
}

export function amiFilters(ctx: TransformContext): void {
  const o = ctx.plan.original;
  retractChanges(ctx, "filter");
  owners(ctx);
  const arch = architecture(ctx);
  const names: string[] = [];
  const tags: Array<[string, string]> = [];
  for (const f of blocksOf(o.body)) {
    if (f.blockType.text === "dynamic" && blockLabels(f)[0] === "filter") {
      ctx.change({ argument: "filter", kind: "dropped", severity: "warning", reason: 'A dynamic "filter" block was not translated.', action: "Set the matching alicloud_images arguments (name_regex, architecture, owners, tags) by hand." });
      continue;
    }
    if (f.blockType.text !== "filter") continue;
    const name = literal(getAttribute(f, "name")?.expr);
    const values = stringList(getAttribute(f, "values")?.expr);
    const where = `filter[${typeof name === "string" ? JSON.stringify(name) : "?"}]`;
    if (typeof name !== "string" || !values) {
      ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: "The filter's name or values are computed, so it was not translated.", action: "Set the matching alicloud_images argument by hand." });
      continue;
    }
    if (name === "name") names.push(...values);
    else if (name === "architecture") continue; // read by architecture()
    else if (name === "state") state(ctx, values, where);
    else if (name.startsWith("tag:")) for (const v of values.slice(0, 1)) tags.push([name.slice(4), v]);
    else if (name === "platform") platform(ctx, values, where);
    else if (name === "owner-alias" || name === "owner-id") ownersFilter(ctx, values, where);
    else if (name === "image-id") ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: `AMI ids (${values.join(", ")}) do not exist on Alibaba Cloud.`, action: "Set image_id to the Alibaba Cloud image id, or select the image by name_regex." });
    else if (IGNORED_FILTERS.has(name)) ctx.change({ argument: where, kind: "dropped", severity: "info", reason: `ECS images have no ${name} to filter on (every ECS image boots from a cloud disk with KVM and the ENA-equivalent drivers).` });
    else ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: `alicloud_images has no filter for ${name}.`, action: "Narrow the image by name_regex, owners or tags instead." });
  }
  const direct = getAttribute(o, "name_regex");
  const directValue = direct ? literal(direct.expr) : undefined;
  if (names.length > 0 || typeof directValue === "string") {
    nameRegex(ctx, names, typeof directValue === "string" ? directValue : undefined, arch);
  } else if (direct) {
    ctx.change({ argument: "name_regex", kind: "note", severity: "warning", reason: `The name regex ${exprSource(direct.expr)} is computed; AMI names never match Alibaba Cloud image names.`, action: "Make sure it matches Alibaba Cloud image names (e.g. ^aliyun_3_x64, ^ubuntu_22_04_x64)." });
  }
  if (tags.length > 0) {
    setAttribute(ctx.block, "tags", `{ ${tags.map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : quote(k)} = ${quote(v)}`).join(", ")} }`);
    ctx.change({ argument: "filter[tag]", kind: "moved", to: "tags", severity: "info", reason: "Tag filters became alicloud_images tags." });
  }
  const most = literal(getAttribute(o, "most_recent")?.expr);
  if (most !== true && names.length > 0) {
    setAttribute(ctx.block, "most_recent", "true");
    ctx.change({ argument: "most_recent", kind: "note", severity: "info", reason: "most_recent = true: the name pattern matches every dated build of the image family, and the newest is wanted." });
  }
}

function stringList(e: Parameters<typeof staticValue>[0] | undefined): string[] | undefined {
  const v = e ? staticValue(e) : undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  if (typeof v === "string") return [v];
  return undefined;
}

/** owners is a list in AWS and one string on Alibaba Cloud. */
function owners(ctx: TransformContext): void {
  const attr = getAttribute(ctx.plan.original, "owners");
  if (!attr) return;
  retractChanges(ctx, "owners");
  const elements = attr.expr.type === "Tuple" ? attr.expr.elements : undefined;
  if (!elements) {
    removeAttribute(ctx.block, "owners");
    ctx.change({ argument: "owners", kind: "dropped", severity: "warning", reason: `The owners list ${exprSource(attr.expr)} is computed; alicloud_images takes one owner ("system", "self", "others" or "marketplace").`, action: "Set owners by hand." });
    return;
  }
  const mapped: string[] = [];
  for (const e of elements) {
    const m = ownerOf(ctx, e);
    if (m && !mapped.includes(m)) mapped.push(m);
  }
  if (mapped.length === 0) {
    removeAttribute(ctx.block, "owners");
    return;
  }
  setAttribute(ctx.block, "owners", quote(mapped[0]!));
  if (mapped.length > 1) ctx.change({ argument: "owners", kind: "note", severity: "warning", reason: `alicloud_images takes one owner; aws2ali kept "${mapped[0]}" of ${mapped.map((m) => `"${m}"`).join(", ")}.`, action: "Use one data source per owner if images of several owners are wanted." });
  if (mapped[0] === "self") ctx.change({ argument: "owners", kind: "note", severity: "warning", reason: "The AMI is one of the account's own images: it does not exist on Alibaba Cloud.", action: "Re-create the image in Alibaba Cloud (import the VM image with alicloud_image_import, or rebuild it with Packer's alicloud-ecs builder) before applying." });
}

function ownerOf(ctx: TransformContext, e: Parameters<typeof staticValue>[0]): string | undefined {
  const v = literal(e);
  if (typeof v !== "string") {
    const caller = findReferences(e).some((r) => r.root === "data" && r.steps[0]?.kind === "attr" && r.steps[0].name === "aws_caller_identity");
    if (caller) {
      ctx.change({ argument: "owners", kind: "value-mapped", to: '"self"', severity: "info", reason: "The caller's own account id means the account's own images: owners = \"self\"." });
      return "self";
    }
    ctx.change({ argument: "owners", kind: "dropped", severity: "warning", reason: `The owner ${exprSource(e)} is computed.`, action: 'Set owners to "system", "self", "others" or "marketplace".' });
    return undefined;
  }
  const entries = (ctx.run.table.values.get("ami-owners")?.entries ?? {}) as Record<string, string>;
  if (v in entries) {
    const to = entries[v]!;
    if (to !== v) ctx.change({ argument: "owners", kind: "value-mapped", to: JSON.stringify(to), severity: to === "marketplace" ? "warning" : "info", reason: `${JSON.stringify(v)} → ${JSON.stringify(to)}.`, ...(to === "marketplace" ? { action: "Marketplace products differ between the clouds: find the equivalent Alibaba Cloud Marketplace image." } : {}) });
    return to;
  }
  if (v === "microsoft" || PUBLISHERS[v]) {
    ctx.change({ argument: "owners", kind: "value-mapped", to: '"system"', severity: "info", reason: `${JSON.stringify(v)} publishes ${PUBLISHERS[v] ?? "Microsoft"} images, which Alibaba Cloud offers as public (system) images.` });
    return "system";
  }
  if (/^\d{12}$/.test(v)) {
    ctx.change({ argument: "owners", kind: "value-mapped", to: '"others"', severity: "warning", reason: `The AWS account ${v} shares these images; on Alibaba Cloud, images shared with the account are owners = "others".`, action: 'Share the re-created image with the Alibaba Cloud account (or use owners = "self" if it is this account\'s own).' });
    return "others";
  }
  ctx.change({ argument: "owners", kind: "dropped", severity: "warning", reason: `The owner ${JSON.stringify(v)} has no Alibaba Cloud equivalent.`, action: 'Set owners to "system", "self", "others" or "marketplace".' });
  return undefined;
}

function ownersFilter(ctx: TransformContext, values: string[], where: string): void {
  if (getAttribute(ctx.block, "owners")) {
    ctx.change({ argument: where, kind: "dropped", severity: "info", reason: "The owner is already given by owners." });
    return;
  }
  const entries = (ctx.run.table.values.get("ami-owners")?.entries ?? {}) as Record<string, string>;
  const v = values[0]!;
  const to = entries[v] ?? (PUBLISHERS[v] || v === "microsoft" ? "system" : /^\d{12}$/.test(v) ? "others" : undefined);
  if (!to) {
    ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: `The owner ${JSON.stringify(v)} has no Alibaba Cloud equivalent.`, action: 'Set owners to "system", "self", "others" or "marketplace".' });
    return;
  }
  setAttribute(ctx.block, "owners", quote(to));
  ctx.change({ argument: where, kind: "value-mapped", to: `owners = "${to}"`, severity: to === "others" || to === "marketplace" ? "warning" : "info", reason: `The owner filter ${JSON.stringify(v)} became owners = "${to}".`, ...(to === "others" || to === "marketplace" ? { action: "Check that the equivalent image is shared with the account or offered in the Marketplace." } : {}) });
}

/** The architecture filter (first value), through the ami-owners map's architectures. */
function architecture(ctx: TransformContext): string | undefined {
  const f = blocksOf(ctx.plan.original.body).find((b) => b.blockType.text === "filter" && literal(getAttribute(b, "name")?.expr) === "architecture");
  if (!f) return undefined;
  const values = stringList(getAttribute(f, "values")?.expr);
  const where = 'filter["architecture"]';
  if (!values || values.length === 0) return undefined;
  const archs = ((ctx.run.table.values.get("ami-owners")?.extra.architectures ?? {}) as Record<string, string>);
  const v = values[0]!;
  const to = archs[v];
  if (!to) {
    ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: `The architecture ${JSON.stringify(v)} has no ECS image equivalent (x86_64, arm64, i386).`, action: "Choose the architecture by hand." });
    return undefined;
  }
  setAttribute(ctx.block, "architecture", quote(to));
  ctx.change({ argument: where, kind: "moved", to: "architecture", severity: values.length > 1 ? "warning" : "info", reason: `The architecture filter became architecture = "${to}"${values.length > 1 ? `; alicloud_images takes one value, the others (${values.slice(1).join(", ")}) were dropped` : ""}.`, ...(values.length > 1 ? { action: "Use one data source per architecture if several are wanted." } : {}) });
  return to;
}

function state(ctx: TransformContext, values: string[], where: string): void {
  const to = STATES[values[0]!];
  if (!to) {
    ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: `The image state ${JSON.stringify(values[0])} has no ECS image status.`, action: "Set status by hand." });
    return;
  }
  setAttribute(ctx.block, "status", quote(to));
  ctx.change({ argument: where, kind: "moved", to: `status = "${to}"`, severity: "info", reason: `The state filter became status = "${to}".` });
}

function platform(ctx: TransformContext, values: string[], where: string): void {
  if (values[0]?.toLowerCase() === "windows") {
    setAttribute(ctx.block, "os_type", '"windows"');
    ctx.change({ argument: where, kind: "moved", to: 'os_type = "windows"', severity: "info", reason: 'The platform filter became os_type = "windows".' });
  } else ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: `The platform ${JSON.stringify(values[0])} has no alicloud_images filter.`, action: "Narrow the image by name_regex or os_type." });
}

/** AWS image name patterns → Alibaba Cloud public image names, by family. */
function familyOf(pattern: string, arch: string | undefined): Family | undefined {
  const p = pattern.toLowerCase();
  const arm = arch === "arm64" || /arm64|aarch64/.test(p);
  const cpu = arm ? "arm64" : "x64";
  if (/^(amzn2-ami|al2023-ami|amzn-ami)|amazon.?linux/.test(p)) return { regex: `^aliyun_3_${cpu}`, name: "Alibaba Cloud Linux 3 (the Amazon Linux counterpart)" };
  const ubuntu = [
    [/jammy|22\.04/, "22_04", "22.04"],
    [/focal|20\.04/, "20_04", "20.04"],
    [/noble|24\.04/, "24_04", "24.04"],
    [/bionic|18\.04/, "18_04", "18.04"],
  ] as const;
  if (p.includes("ubuntu")) for (const [re, id, v] of ubuntu) if (re.test(p)) return { regex: `^ubuntu_${id}_${cpu}`, name: `Ubuntu ${v}` };
  const debian = /debian-(\d+)/.exec(p);
  if (debian) return { regex: `^debian_${debian[1]}_.*${cpu}`, name: `Debian ${debian[1]}` };
  const rhel = /^rhel-(\d+)/.exec(p);
  if (rhel) return { regex: `^rhel_${rhel[1]}`, name: `Red Hat Enterprise Linux ${rhel[1]}` };
  const win = /windows_server-(\d{4})-english/.exec(p);
  if (win) return { regex: `^win${win[1]}_.*_en-us`, name: `Windows Server ${win[1]} (English)` };
  return undefined;
}

/** `ubuntu/images/*ubuntu-jammy-*` → `^ubuntu/images/.*ubuntu-jammy-.*$`. */
function globToRegex(glob: string): string {
  return `^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`;
}

function nameRegex(ctx: TransformContext, globs: string[], direct: string | undefined, arch: string | undefined): void {
  const patterns = [...globs, ...(direct !== undefined ? [direct] : [])];
  const families = patterns.map((p) => familyOf(p, arch));
  const known = families.filter((f): f is Family => f !== undefined);
  let regex: string;
  if (known.length === patterns.length) {
    const unique = [...new Set(known.map((f) => f.regex))];
    regex = unique.length === 1 ? unique[0]! : `(${unique.join("|")})`;
    ctx.change({ argument: globs.length > 0 ? 'filter["name"]' : "name_regex", kind: "value-mapped", to: `name_regex = ${JSON.stringify(regex)}`, severity: "warning", reason: `The image name pattern ${patterns.map((p) => JSON.stringify(p)).join(", ")} names ${[...new Set(known.map((f) => f.name))].join(", ")}; the Alibaba Cloud public image family is matched by ${JSON.stringify(regex)}.`, action: "Check the image the data source finds (terraform console: data.alicloud_images.<name>.images[0].name) and that the software baked into the AMI is installed by user data or a custom image." });
  } else {
    const parts = patterns.map((p, k) => families[k]?.regex ?? (k < globs.length ? globToRegex(p) : p));
    regex = parts.length === 1 ? parts[0]! : `(${parts.join("|")})`;
    ctx.change({ argument: globs.length > 0 ? 'filter["name"]' : "name_regex", kind: "value-mapped", to: `name_regex = ${JSON.stringify(regex)}`, severity: "warning", reason: `The image name pattern ${patterns.map((p) => JSON.stringify(p)).join(", ")} was converted to a regular expression, but AMI names never match Alibaba Cloud image names.`, action: "Rewrite name_regex for the Alibaba Cloud image family (e.g. ^aliyun_3_x64, ^ubuntu_22_04_x64), or re-create the image and select it with owners = \"self\"." });
  }
  setAttribute(ctx.block, "name_regex", quote(regex));
}

