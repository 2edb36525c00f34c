/**
 * The edit API, operation by operation. Each case states its expected
 * output as the input with exact string replacements, and the whole output
 * is compared, so any other byte that changes fails the test. Every output
 * must also parse with HashiCorp's parser (hcl2json) and with ours, and —
 * where terraform is on PATH — pass `terraform fmt -check`: fmt-clean in,
 * fmt-clean out.
 */

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as hcl2json } from "@cdktf/hcl2json";
import { describe, expect, test } from "vitest";
import { blocksOf, type Attribute, type Block, type File, type Node } from "../src/hcl/cst.js";
import {
  addBlock,
  appendBlocks,
  blockLabels,
  commentOutBlock,
  EditError,
  findReferences,
  getAttribute,
  insertBlocks,
  referenceNames,
  removeAttribute,
  removeBlock,
  renameAttribute,
  renameBlock,
  renameReference,
  replaceExpr,
  setAttribute,
  type Reference,
} from "../src/hcl/edit.js";
import type { BlockSpec } from "../src/hcl/format.js";
import { parse } from "../src/hcl/parser.js";
import { print } from "../src/hcl/printer.js";
import { exprSource } from "../src/hcl/value.js";

const hasTerraform = spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;
const FMT = hasTerraform ? "terraform fmt -check passes on input and output" : "terraform fmt -check (skipped: terraform not on PATH)";
if (!hasTerraform) console.warn("hcl-edit.test.ts: terraform is not on PATH; the `terraform fmt -check` tests are skipped.");

/** Whether terraform fmt leaves the text as it is. It always drops a UTF-8 BOM, so the BOM is checked by the cases instead. */
function fmtCheck(text: string): { ok: boolean; diff: string } {
  const dir = mkdtempSync(join(tmpdir(), "aws2ali-fmt-"));
  try {
    const file = join(dir, "main.tf");
    writeFileSync(file, text.replace(/^\ufeff/, ""));
    const r = spawnSync("terraform", ["fmt", "-check", "-diff", "-no-color", file], { encoding: "utf8" });
    return { ok: r.status === 0, diff: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function load(text: string): File {
  const r = parse(text, "main.tf");
  expect(r.diagnostics).toEqual([]);
  return r.file;
}

/** `text` with each `from` (which must occur exactly once) replaced by its `to`. */
function swap(text: string, ...pairs: Array<[string, string]>): string {
  let out = text;
  for (const [from, to] of pairs) {
    expect(out.split(from).length - 1, `occurrences of ${JSON.stringify(from)}`).toBe(1);
    out = out.replace(from, () => to);
  }
  return out;
}

function block(owner: File | Block, type: string, ...labels: string[]): Block {
  const body = owner.body;
  const b = blocksOf(body).find((x) => x.blockType.text === type && JSON.stringify(blockLabels(x)) === JSON.stringify(labels));
  if (!b) throw new Error(`no block ${type} ${labels.join(" ")}`);
  return b;
}

function attr(owner: File | Block, name: string): Attribute {
  const a = getAttribute(owner, name);
  if (!a) throw new Error(`no attribute ${name}`);
  return a;
}

const MAIN = `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
}

resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16" # the whole range
  enable_dns_hostnames = true          # resolve names

  tags = {
    Name = "main"
  }
}

# Two subnets, one per zone.
resource "aws_subnet" "a" {
  count             = 2
  vpc_id            = aws_vpc.main.id # parent
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone = data.aws_availability_zones.available.names[count.index]

  lifecycle { create_before_destroy = true }
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [for s in aws_subnet.a : s.cidr_block if s.map_public_ip_on_launch]
  }

  egress {}
}

resource "aws_instance" "web" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = var.large ? "m5.large" : "t3.micro"
  subnet_id     = aws_subnet.a[0].id
  user_data     = <<-EOT
    #!/bin/bash
    echo \${aws_vpc.main.id} > /etc/vpc
  EOT

  tags = {
    Name   = "web-\${aws_vpc.main.id}" # display name
    Subnet = join(",", aws_subnet.a[*].id)
    Zone   = local.zones[aws_subnet.a[0].availability_zone]
  }
}

output "subnet_ids" {
  value = aws_subnet.a[*].id
}
`;

const vpc = (f: File): Block => block(f, "resource", "aws_vpc", "main");
const subnet = (f: File): Block => block(f, "resource", "aws_subnet", "a");
const sg = (f: File): Block => block(f, "resource", "aws_security_group", "web");
const instance = (f: File): Block => block(f, "resource", "aws_instance", "web");

const VSWITCH: BlockSpec = { type: "resource", labels: ["alicloud_vswitch", "a"], items: [{ attr: "vpc_id", expr: "alicloud_vpc.main.id" }, { attr: "zone_id", expr: '"cn-hangzhou-h"' }] };
const VSWITCH_TEXT = 'resource "alicloud_vswitch" "a" {\n  vpc_id  = alicloud_vpc.main.id\n  zone_id = "cn-hangzhou-h"\n}\n';

interface EditCase {
  name: string;
  src: string;
  edit: (file: File) => void;
  expected: (src: string) => string;
}

const cases: EditCase[] = [
  // ---- renameBlock ---------------------------------------------------------------
  {
    name: "renameBlock: labels",
    src: MAIN,
    edit: (f) => renameBlock(vpc(f), undefined, ["alicloud_vpc", "main"]),
    expected: (s) => swap(s, ['resource "aws_vpc" "main" {', 'resource "alicloud_vpc" "main" {']),
  },
  {
    name: "renameBlock: type of a nested block",
    src: MAIN,
    edit: (f) => renameBlock(block(sg(f), "ingress"), "ingress_rule"),
    expected: (s) => swap(s, ["  ingress {\n", "  ingress_rule {\n"]),
  },
  {
    name: "renameBlock: a label that needs escaping",
    src: MAIN,
    edit: (f) => renameBlock(block(f, "provider", "aws"), "provider", ['ali"cloud']),
    expected: (s) => swap(s, ['provider "aws" {', 'provider "ali\\"cloud" {']),
  },
  // ---- setAttribute: replace -----------------------------------------------------
  {
    name: "setAttribute replace: a longer value re-aligns the run's comments",
    src: MAIN,
    edit: (f) => setAttribute(vpc(f), "cidr_block", '"172.16.0.0/12"'),
    expected: (s) =>
      swap(s, [
        '  cidr_block           = "10.0.0.0/16" # the whole range\n  enable_dns_hostnames = true          # resolve names\n',
        '  cidr_block           = "172.16.0.0/12" # the whole range\n  enable_dns_hostnames = true            # resolve names\n',
      ]),
  },
  {
    name: "setAttribute replace: a multi-line value splits the run, both halves re-align",
    src: MAIN,
    edit: (f) => setAttribute(subnet(f), "cidr_block", "cidrsubnet(\n  aws_vpc.main.cidr_block,\n  8,\n  count.index,\n)"),
    expected: (s) =>
      swap(s, [
        "  count             = 2\n  vpc_id            = aws_vpc.main.id # parent\n  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)\n  availability_zone = data",
        "  count  = 2\n  vpc_id = aws_vpc.main.id # parent\n  cidr_block = cidrsubnet(\n    aws_vpc.main.cidr_block,\n    8,\n    count.index,\n  )\n  availability_zone = data",
      ]),
  },
  {
    name: "setAttribute replace: a multi-line object value is indented under its attribute",
    src: MAIN,
    edit: (f) => setAttribute(vpc(f), "tags", '{\n  Name = "main"\n  Env  = "prod"\n}'),
    expected: (s) => swap(s, ['    Name = "main"\n  }\n}\n\n# Two', '    Name = "main"\n    Env  = "prod"\n  }\n}\n\n# Two']),
  },
  // ---- setAttribute: new ------------------------------------------------------------
  {
    name: "setAttribute new: joins and re-aligns the run",
    src: MAIN,
    edit: (f) => setAttribute(block(f, "provider", "aws"), "profile", '"migration"'),
    expected: (s) => swap(s, ["  region = var.region\n", '  region  = var.region\n  profile = "migration"\n']),
  },
  {
    name: "setAttribute new: with an end-of-line comment",
    src: MAIN,
    edit: (f) => setAttribute(block(f, "data", "aws_ami", "ubuntu"), "name_regex", '"^ubuntu"', "noble"),
    expected: (s) =>
      swap(s, [
        '  most_recent = true\n  owners      = ["099720109477"]\n',
        '  most_recent = true\n  owners      = ["099720109477"]\n  name_regex  = "^ubuntu" # noble\n',
      ]),
  },
  {
    name: "setAttribute new: after the last argument, before nested blocks",
    src: MAIN,
    edit: (f) => setAttribute(sg(f), "description", '"web tier"'),
    expected: (s) => swap(s, ['  name   = "web"\n  vpc_id = aws_vpc.main.id\n\n  ingress', '  name        = "web"\n  vpc_id      = aws_vpc.main.id\n  description = "web tier"\n\n  ingress']),
  },
  {
    name: "setAttribute new: into a one-line block",
    src: MAIN,
    edit: (f) => setAttribute(block(subnet(f), "lifecycle"), "prevent_destroy", "false"),
    expected: (s) => swap(s, ["  lifecycle { create_before_destroy = true }\n", "  lifecycle {\n    create_before_destroy = true\n    prevent_destroy       = false\n  }\n"]),
  },
  {
    name: "setAttribute new: into an empty block",
    src: MAIN,
    edit: (f) => setAttribute(block(sg(f), "egress"), "from_port", "0"),
    expected: (s) => swap(s, ["  egress {}\n", "  egress {\n    from_port = 0\n  }\n"]),
  },
  // ---- renameAttribute ----------------------------------------------------------------
  {
    name: "renameAttribute: the run re-aligns to the new longest name",
    src: MAIN,
    edit: (f) => renameAttribute(subnet(f), "availability_zone", "zone_id"),
    expected: (s) =>
      swap(s, [
        "  count             = 2\n  vpc_id            = aws_vpc.main.id # parent\n  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)\n  availability_zone = data",
        "  count      = 2\n  vpc_id     = aws_vpc.main.id # parent\n  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)\n  zone_id    = data",
      ]),
  },
  {
    name: "renameAttribute: a heredoc argument ends its run and re-aligns with it",
    src: MAIN,
    edit: (f) => renameAttribute(instance(f), "instance_type", "instance_type_name"),
    expected: (s) =>
      swap(s, [
        "  ami           = data.aws_ami.ubuntu.id\n  instance_type = var.large",
        "  ami                = data.aws_ami.ubuntu.id\n  instance_type_name = var.large",
      ], ["  subnet_id     = aws_subnet.a[0].id\n  user_data     = <<-EOT", "  subnet_id          = aws_subnet.a[0].id\n  user_data          = <<-EOT"]),
  },
  // ---- removeAttribute ------------------------------------------------------------------
  {
    name: "removeAttribute: the rest of the run re-aligns",
    src: MAIN,
    edit: (f) => removeAttribute(subnet(f), "availability_zone"),
    expected: (s) =>
      swap(s, [
        "  count             = 2\n  vpc_id            = aws_vpc.main.id # parent\n  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)\n  availability_zone = data.aws_availability_zones.available.names[count.index]\n",
        "  count      = 2\n  vpc_id     = aws_vpc.main.id # parent\n  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)\n",
      ]),
  },
  {
    name: "removeAttribute: with its comment; the remaining comment moves in",
    src: MAIN,
    edit: (f) => removeAttribute(vpc(f), "enable_dns_hostnames"),
    expected: (s) => swap(s, ['  cidr_block           = "10.0.0.0/16" # the whole range\n  enable_dns_hostnames = true          # resolve names\n', '  cidr_block = "10.0.0.0/16" # the whole range\n']),
  },
  {
    name: "removeAttribute: the only argument of a one-line block",
    src: MAIN,
    edit: (f) => removeAttribute(block(subnet(f), "lifecycle"), "create_before_destroy"),
    expected: (s) => swap(s, ["  lifecycle { create_before_destroy = true }\n", "  lifecycle {}\n"]),
  },
  {
    name: "removeAttribute: the last item of a body takes its blank line with it",
    src: MAIN,
    edit: (f) => removeAttribute(vpc(f), "tags"),
    expected: (s) => swap(s, ['  enable_dns_hostnames = true          # resolve names\n\n  tags = {\n    Name = "main"\n  }\n}\n', "  enable_dns_hostnames = true          # resolve names\n}\n"]),
  },
  // ---- addBlock -----------------------------------------------------------------------
  {
    name: "addBlock: into a multi-line block",
    src: MAIN,
    edit: (f) => addBlock(sg(f), { type: "timeouts", labels: [], items: [{ attr: "create", expr: '"10m"' }, { attr: "delete", expr: '"15m"' }] }),
    expected: (s) => swap(s, ["  egress {}\n}\n", '  egress {}\n  timeouts {\n    create = "10m"\n    delete = "15m"\n  }\n}\n']),
  },
  {
    name: "addBlock: into a one-line block",
    src: MAIN,
    edit: (f) => addBlock(block(subnet(f), "lifecycle"), { type: "precondition", labels: [], items: [{ attr: "condition", expr: "var.ok" }, { attr: "error_message", expr: '"not ok"' }] }),
    expected: (s) =>
      swap(s, ["  lifecycle { create_before_destroy = true }\n", '  lifecycle {\n    create_before_destroy = true\n    precondition {\n      condition     = var.ok\n      error_message = "not ok"\n    }\n  }\n']),
  },
  {
    name: "addBlock: into an empty block",
    src: MAIN,
    edit: (f) => addBlock(block(sg(f), "egress"), { type: "rule", labels: ["all"], items: [] }),
    expected: (s) => swap(s, ["  egress {}\n", '  egress {\n    rule "all" {}\n  }\n']),
  },
  {
    name: "addBlock: heredoc arguments stay in their run (fmt counts a heredoc as one line); plain heredoc text is not moved",
    src: MAIN,
    edit: (f) =>
      addBlock(block(f, "data", "aws_ami", "ubuntu"), {
        type: "filter",
        labels: [],
        items: [
          { attr: "name", expr: '"name"' },
          { attr: "values", expr: '["ubuntu-*"]' },
          { attr: "script", expr: "<<-EOT\n  echo hi\nEOT" },
          { attr: "raw", expr: "<<EOT\nkept as is\nEOT" },
        ],
      }),
    expected: (s) =>
      swap(s, [
        '  owners      = ["099720109477"]\n}\n',
        '  owners      = ["099720109477"]\n  filter {\n    name   = "name"\n    values = ["ubuntu-*"]\n    script = <<-EOT\n      echo hi\n    EOT\n    raw    = <<EOT\nkept as is\nEOT\n  }\n}\n',
      ]),
  },
  // ---- removeBlock ----------------------------------------------------------------------
  {
    name: "removeBlock: a nested block between two blank lines leaves one",
    src: MAIN,
    edit: (f) => removeBlock(sg(f), block(sg(f), "ingress")),
    expected: (s) => swap(s, ["  vpc_id = aws_vpc.main.id\n\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = \"tcp\"\n    cidr_blocks = [for s in aws_subnet.a : s.cidr_block if s.map_public_ip_on_launch]\n  }\n\n  egress {}\n", "  vpc_id = aws_vpc.main.id\n\n  egress {}\n"]),
  },
  {
    name: "removeBlock: a top-level block in the middle",
    src: MAIN,
    edit: (f) => removeBlock(f, block(f, "data", "aws_ami", "ubuntu")),
    expected: (s) => swap(s, ['data "aws_ami" "ubuntu" {\n  most_recent = true\n  owners      = ["099720109477"]\n}\n\n', ""]),
  },
  {
    name: "removeBlock: the first block of the file",
    src: MAIN,
    edit: (f) => removeBlock(f, block(f, "terraform")),
    expected: (s) => swap(s, ['terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n\n', ""]),
  },
  {
    name: "removeBlock: the last block of the file",
    src: MAIN,
    edit: (f) => removeBlock(f, block(f, "output", "subnet_ids")),
    expected: (s) => swap(s, ['}\n\noutput "subnet_ids" {\n  value = aws_subnet.a[*].id\n}\n', "}\n"]),
  },
  // ---- insertBlocks / appendBlocks ------------------------------------------------------------
  {
    name: "insertBlocks after: one blank line on each side",
    src: MAIN,
    edit: (f) => insertBlocks(f, vpc(f), "after", [VSWITCH, { type: "locals", labels: [], items: [] }]),
    expected: (s) => swap(s, ["  }\n}\n\n# Two subnets", `  }\n}\n\n${VSWITCH_TEXT}\nlocals {}\n\n# Two subnets`]),
  },
  {
    name: "insertBlocks before: above the comment lines that belong to the anchor",
    src: MAIN,
    edit: (f) => insertBlocks(f, subnet(f), "before", [VSWITCH]),
    expected: (s) => swap(s, ["\n\n# Two subnets, one per zone.\n", `\n\n${VSWITCH_TEXT}\n# Two subnets, one per zone.\n`]),
  },
  {
    name: "appendBlocks: at the end, after a blank line",
    src: MAIN,
    edit: (f) => appendBlocks(f, [VSWITCH]),
    expected: (s) => `${s}\n${VSWITCH_TEXT}`,
  },
  // ---- commentOutBlock -----------------------------------------------------------------
  {
    name: "commentOutBlock: a top-level block",
    src: MAIN,
    edit: (f) => commentOutBlock(f, block(f, "data", "aws_ami", "ubuntu"), ["aws2ali: no Alibaba Cloud equivalent", "see the report"]),
    expected: (s) =>
      swap(s, [
        'data "aws_ami" "ubuntu" {\n  most_recent = true\n  owners      = ["099720109477"]\n}\n',
        '# aws2ali: no Alibaba Cloud equivalent\n# see the report\n# data "aws_ami" "ubuntu" {\n#   most_recent = true\n#   owners      = ["099720109477"]\n# }\n',
      ]),
  },
  {
    name: "commentOutBlock: a nested block keeps every comment line at its indentation",
    src: MAIN,
    edit: (f) => commentOutBlock(sg(f), block(sg(f), "ingress"), ["aws2ali: see alicloud_security_group_rule"]),
    expected: (s) =>
      swap(s, [
        '  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = [for s in aws_subnet.a : s.cidr_block if s.map_public_ip_on_launch]\n  }\n',
        '  # aws2ali: see alicloud_security_group_rule\n  # ingress {\n  #   from_port   = 443\n  #   to_port     = 443\n  #   protocol    = "tcp"\n  #   cidr_blocks = [for s in aws_subnet.a : s.cidr_block if s.map_public_ip_on_launch]\n  # }\n',
      ]),
  },
  // ---- replaceExpr ----------------------------------------------------------------------
  {
    name: "replaceExpr: one branch of a conditional",
    src: MAIN,
    edit: (f) => {
      const cond = attr(instance(f), "instance_type").expr;
      if (cond.type !== "Conditional") throw new Error("not a conditional");
      replaceExpr(f, cond.then, '"ecs.g6.large"');
    },
    expected: (s) => swap(s, ['var.large ? "m5.large" : "t3.micro"', 'var.large ? "ecs.g6.large" : "t3.micro"']),
  },
  {
    name: "replaceExpr: a value in a run with comments re-aligns them",
    src: MAIN,
    edit: (f) => replaceExpr(f, attr(vpc(f), "cidr_block").expr, "var.cidr"),
    expected: (s) =>
      swap(s, [
        '  cidr_block           = "10.0.0.0/16" # the whole range\n  enable_dns_hostnames = true          # resolve names\n',
        "  cidr_block           = var.cidr # the whole range\n  enable_dns_hostnames = true     # resolve names\n",
      ]),
  },
  {
    name: "replaceExpr: a multi-line value inside an object; the object's runs re-align",
    src: MAIN,
    edit: (f) => {
      const tags = attr(instance(f), "tags").expr;
      if (tags.type !== "Object") throw new Error("not an object");
      replaceExpr(f, tags.items[1]!.value, "[\n  for s in aws_subnet.a : s.id\n]");
    },
    expected: (s) =>
      swap(s, [
        '    Name   = "web-${aws_vpc.main.id}" # display name\n    Subnet = join(",", aws_subnet.a[*].id)\n    Zone   = local.zones',
        '    Name = "web-${aws_vpc.main.id}" # display name\n    Subnet = [\n      for s in aws_subnet.a : s.id\n    ]\n    Zone = local.zones',
      ]),
  },
  // ---- references -------------------------------------------------------------------------
  {
    name: "renameReference: everywhere, in templates and heredocs too",
    src: MAIN,
    edit: (f) => {
      for (const ref of findReferences(f)) if (referenceNames(ref)[0] === "aws_vpc") renameReference(ref, ["alicloud_vpc"], f);
    },
    expected: (s) => s.replaceAll("aws_vpc.main.", "alicloud_vpc.main."),
  },
  {
    name: "renameReference: splats, index keys, function arguments and for expressions",
    src: MAIN,
    edit: (f) => {
      for (const ref of findReferences(f)) {
        const names = referenceNames(ref);
        if (names[0] === "aws_subnet" && names[1] === "a") renameReference(ref, ["alicloud_vswitch", "a"], f);
      }
    },
    expected: (s) => s.replaceAll("aws_subnet.a", "alicloud_vswitch.a"),
  },
  {
    name: "renameReference: a data source, and a variable in a conditional",
    src: MAIN,
    edit: (f) => {
      for (const ref of findReferences(f)) {
        const names = referenceNames(ref);
        if (names.join(".") === "data.aws_ami.ubuntu.id") renameReference(ref, ["data", "alicloud_images", "ubuntu"], f);
        if (names.join(".") === "var.large") renameReference(ref, ["var", "big"], f);
      }
    },
    expected: (s) => swap(s, ["data.aws_ami.ubuntu.id", "data.alicloud_images.ubuntu.id"], ["var.large ?", "var.big ?"]),
  },
  {
    name: "renameReference: a longer line re-aligns its trailing comment group",
    src: MAIN,
    edit: (f) => {
      for (const ref of findReferences(attr(instance(f), "tags"))) if (referenceNames(ref)[0] === "aws_vpc") renameReference(ref, ["alicloud_vpc_with_a_long_name"], f);
    },
    expected: (s) => swap(s, ['    Name   = "web-${aws_vpc.main.id}" # display name\n', '    Name   = "web-${alicloud_vpc_with_a_long_name.main.id}" # display name\n']),
  },
  {
    name: "addBlock: comments line up in groups of consecutive lines, as fmt groups them",
    src: MAIN,
    edit: (f) =>
      addBlock(f, {
        type: "locals",
        labels: [],
        items: [
          { attr: "a", expr: "1", comment: "one" },
          { attr: "bb", expr: "2" },
          { attr: "ccc", expr: "3333", comment: "three" },
          { attr: "d", expr: "4", comment: "four" },
          { attr: "script", expr: "<<-EOT\n  echo hi\nEOT", comment: "runs at boot" },
          { attr: "e", expr: "5" },
        ],
      }),
    expected: (s) =>
      `${s}locals {\n  a   = 1 # one\n  bb  = 2\n  ccc = 3333 # three\n  d   = 4    # four\n  # runs at boot\n  script = <<-EOT\n    echo hi\n  EOT\n  e      = 5\n}\n`,
  },
  {
    name: "setAttribute replace: a heredoc value stays in its run",
    src: MAIN,
    edit: (f) => setAttribute(instance(f), "subnet_id", "<<-EOT\n  sn-1\nEOT"),
    expected: (s) => swap(s, ["  subnet_id     = aws_subnet.a[0].id\n", "  subnet_id     = <<-EOT\n    sn-1\n  EOT\n"]),
  },
  {
    name: "setAttribute new: a heredoc with a comment puts the comment on its own line",
    src: MAIN,
    edit: (f) => setAttribute(block(f, "provider", "aws"), "assume_role_policy", "<<EOT\n{}\nEOT", "inline policy"),
    expected: (s) => swap(s, ["  region = var.region\n", "  region = var.region\n  # inline policy\n  assume_role_policy = <<EOT\n{}\nEOT\n"]),
  },
];

// ---- line endings, BOM, and a file without a final newline ----------------------------------------

const CRLF = MAIN.replace(/\n/g, "\r\n");
const BOM = "\ufeff" + MAIN;
const TFVARS = 'region        = "us-east-1"\ninstance_type = "t3.micro"';

cases.push(
  {
    name: "CRLF file: every edit writes CRLF",
    src: CRLF,
    edit: (f) => {
      setAttribute(block(f, "provider", "aws"), "profile", '"migration"');
      setAttribute(vpc(f), "tags", '{\n  Name = "main"\n  Env  = "prod"\n}');
      addBlock(block(sg(f), "egress"), { type: "rule", labels: ["all"], items: [{ attr: "port", expr: "0" }] });
      commentOutBlock(sg(f), block(sg(f), "ingress"), ["aws2ali: moved"]);
      appendBlocks(f, [VSWITCH]);
    },
    expected: (s) => {
      const lf = swap(
        s.replace(/\r\n/g, "\n"),
        ["  region = var.region\n", '  region  = var.region\n  profile = "migration"\n'],
        ['    Name = "main"\n  }\n}\n\n# Two', '    Name = "main"\n    Env  = "prod"\n  }\n}\n\n# Two'],
        ["  egress {}\n", "  egress {\n    rule \"all\" {\n      port = 0\n    }\n  }\n"],
        [
          '  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = [for s in aws_subnet.a : s.cidr_block if s.map_public_ip_on_launch]\n  }\n',
          '  # aws2ali: moved\n  # ingress {\n  #   from_port   = 443\n  #   to_port     = 443\n  #   protocol    = "tcp"\n  #   cidr_blocks = [for s in aws_subnet.a : s.cidr_block if s.map_public_ip_on_launch]\n  # }\n',
        ],
      );
      return `${lf}\n${VSWITCH_TEXT}`.replace(/\n/g, "\r\n");
    },
  },
  {
    name: "BOM file: the BOM stays, edits land as in any file",
    src: BOM,
    edit: (f) => {
      renameBlock(block(f, "terraform"), "terraform");
      renameBlock(vpc(f), undefined, ["alicloud_vpc", "main"]);
      setAttribute(block(f, "provider", "aws"), "profile", '"migration"');
      removeBlock(f, block(f, "terraform"));
    },
    expected: (s) =>
      swap(
        s,
        ['\ufeffterraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n\n', "\ufeff"],
        ['resource "aws_vpc" "main" {', 'resource "alicloud_vpc" "main" {'],
        ["  region = var.region\n", '  region  = var.region\n  profile = "migration"\n'],
      ),
  },
  {
    name: "a file without a final newline: a new argument does not run on from the last line",
    src: TFVARS,
    edit: (f) => setAttribute(f, "zone", '"us-east-1a"'),
    expected: (s) => `${s}\nzone          = "us-east-1a"\n`,
  },
  {
    name: "a file without a final newline: appended blocks start on their own line",
    src: 'provider "aws" {\n  region = "us-east-1"\n}',
    edit: (f) => appendBlocks(f, [VSWITCH]),
    expected: (s) => `${s}\n\n${VSWITCH_TEXT}`,
  },
);

describe("edit operations: the output is the input with exactly the expected change", () => {
  test.each(cases)("$name", (c) => {
    const file = load(c.src);
    c.edit(file);
    const out = print(file);
    expect(out).toBe(c.expected(c.src));
    // What an edit writes is valid HCL to our own parser too, and prints back as it parsed.
    const again = parse(out, "main.tf");
    expect(again.diagnostics).toEqual([]);
    expect(print(again.file)).toBe(out);
  });
});

describe("edit operations: HashiCorp's parser reads every output", () => {
  test.each(cases)("$name", async (c) => {
    const file = load(c.src);
    c.edit(file);
    await expect(hcl2json("main.tf", print(file))).resolves.toBeTypeOf("object");
  });
});

describe(`edit operations: ${FMT}`, () => {
  test.skipIf(!hasTerraform).each(cases)("$name", (c) => {
    const input = fmtCheck(c.src);
    // Inputs without a final newline are not fmt-clean to begin with (fmt adds one); their outputs end in one.
    if (c.src.endsWith("\n")) expect(input.ok, `input is not fmt-clean:\n${input.diff}`).toBe(true);
    const file = load(c.src);
    c.edit(file);
    const out = print(file);
    const result = fmtCheck(out);
    expect(result.ok, `output is not fmt-clean:\n${result.diff}`).toBe(true);
    if (c.src.startsWith("\ufeff")) expect(out.startsWith("\ufeff")).toBe(true);
    if (c.src.includes("\r\n")) expect(/[^\r]\n/.test(out)).toBe(false);
  });
});

describe("findReferences", () => {
  const names = (node: Node): string[] => findReferences(node).map((r) => exprSource(r.node));

  test("every traversal in a resource, outermost first, each once, in templates and heredocs too", () => {
    const f = load(MAIN);
    expect(names(instance(f))).toEqual([
      "data.aws_ami.ubuntu.id",
      "var.large",
      "aws_subnet.a[0].id",
      "aws_vpc.main.id",
      "aws_vpc.main.id",
      "aws_subnet.a[*].id",
      "local.zones[aws_subnet.a[0].availability_zone]",
      "aws_subnet.a[0].availability_zone",
    ]);
  });

  test("for expressions: the collection and the iteration variable's traversals", () => {
    const f = load(MAIN);
    expect(names(block(sg(f), "ingress"))).toEqual(["aws_subnet.a", "s.cidr_block", "s.map_public_ip_on_launch"]);
  });

  test("reference shapes: splat, legacy index, index key, data source", () => {
    const f = load('x = [aws_subnet.a[*].id, aws_subnet.b.*.id, var.list.0, local.m[var.k].v, data.aws_ami.x.id, count.index]\n');
    const refs = findReferences(f);
    const shape = (r: Reference): string => `${referenceNames(r).join(".")} ${r.steps.map((s) => s.kind).join(",")}`;
    expect(refs.map(shape)).toEqual([
      "aws_subnet.a attr,splat,attr",
      "aws_subnet.b attr,splat,attr",
      "var.list attr,legacy-index",
      "local.m attr,index,attr",
      "var.k attr",
      "data.aws_ami.x.id attr,attr,attr",
      "count.index attr",
    ]);
  });

  test("conditionals, function arguments, object keys and values, nested templates", () => {
    const f = load('x = merge(var.a ? local.b : local.c, { (var.key) = "${upper(var.name)}-${lower("${var.inner}")}" })\n');
    expect(names(f)).toEqual(["var.a", "local.b", "local.c", "var.key", "var.name", "var.inner"]);
  });

  test("renameReference refuses more names than the reference has", () => {
    const f = load("x = var.a\n");
    const [ref] = findReferences(f);
    expect(() => renameReference(ref!, ["var", "a", "b"])).toThrow(EditError);
  });

  test("renameReference renames only the leading names; the rest of the traversal is untouched", () => {
    const f = load("x = aws_subnet.a[0].id\ny = aws_subnet.a.id\n");
    for (const ref of findReferences(f)) renameReference(ref, ["alicloud_vswitch"]);
    expect(print(f)).toBe("x = alicloud_vswitch.a[0].id\ny = alicloud_vswitch.a.id\n");
  });
});

describe("edit operations: errors and corner cases", () => {
  test("renameBlock with the wrong number of labels throws EditError", () => {
    const f = load(MAIN);
    expect(() => renameBlock(vpc(f), undefined, ["only_one"])).toThrow(EditError);
  });

  test("insertBlocks with an anchor from another file throws EditError", () => {
    const f = load(MAIN);
    const other = load(MAIN);
    expect(() => insertBlocks(f, vpc(other), "after", [VSWITCH])).toThrow(EditError);
  });

  test("setAttribute rejects an expression that is not valid HCL", () => {
    const f = load(MAIN);
    expect(() => setAttribute(vpc(f), "cidr_block", "1 +")).toThrow(EditError);
    expect(print(f)).toBe(MAIN);
  });

  test("renameBlock, setAttribute and removeAttribute return what they touched", () => {
    const f = load(MAIN);
    const a = setAttribute(vpc(f), "instance_tenancy", '"default"');
    expect(a.type).toBe("Attribute");
    expect(removeAttribute(vpc(f), "no_such_thing")).toBeUndefined();
    expect(renameAttribute(vpc(f), "no_such_thing", "x")).toBeUndefined();
    expect(removeAttribute(vpc(f), "instance_tenancy")).toBe(a);
    expect(print(f)).toBe(MAIN);
  });

  test("the fixtures survive a round of edits on every block and stay parseable", async () => {
    const dir = new URL("./fixtures/hcl/", import.meta.url);
    for (const name of ["01-vpc-basic.tf", "25-crlf-security-groups.tf", "27-bom-ec2.tf", "36-one-line-blocks.tf", "24-no-final-newline.tf"]) {
      const text = readFileSync(new URL(name, dir), "utf8");
      const f = load(text);
      for (const b of blocksOf(f.body)) {
        setAttribute(b, "aws2ali_marker", '"x"');
        for (const inner of blocksOf(b.body)) setAttribute(inner, "aws2ali_inner", "1");
      }
      const out = print(f);
      expect(parse(out, name).diagnostics).toEqual([]);
      await expect(hcl2json(name, out)).resolves.toBeTypeOf("object");
      if (text.startsWith("\ufeff")) expect(out.startsWith("\ufeff")).toBe(true);
      if (text.includes("\r\n")) expect(/[^\r]\n/.test(out)).toBe(false);
    }
  });
});

import { removeAttribute as removeAttributeWithNote } from "../src/hcl/edit.js";
import { parse as parseForNote } from "../src/hcl/parser.js";
import { print as printForNote } from "../src/hcl/printer.js";
import { blocksOf as blocksOfForNote } from "../src/hcl/cst.js";

describe("removeAttribute with a note", () => {
  test("comments right above a removed argument get the note in its place; without comments the line just goes", () => {
    const text = 'resource "x" "y" {\n  a = 1\n\n  # about b\n  b   = 2\n  ccc = 3\n}\n';
    const file = parseForNote(text, "t.tf").file;
    const block = blocksOfForNote(file.body)[0]!;
    removeAttributeWithNote(block, "b", "aws2ali: b removed");
    removeAttributeWithNote(block, "a", "aws2ali: a removed");
    expect(printForNote(file)).toBe('resource "x" "y" {\n  # about b\n  # aws2ali: b removed\n  ccc = 3\n}\n');
  });
});
