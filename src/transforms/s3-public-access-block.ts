/**
 * aws_s3_bucket_public_access_block → alicloud_oss_bucket_public_access_block.
 * OSS has one switch where S3 has four: blocking is on when any of the AWS
 * flags asks for it, and a mix of true and false cannot be kept.
 */

import { getAttribute, removeAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { TransformContext } from "./context.js";

const FLAGS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

export function s3PublicAccessBlock(ctx: TransformContext): void {
  const present = FLAGS.map((f) => getAttribute(ctx.plan.original, f)).filter((a) => a !== undefined);
  for (const f of FLAGS) removeAttribute(ctx.block, f);
  const values = present.map((a) => staticValue(a.expr));
  let expr: string;
  if (values.every((v) => typeof v === "boolean")) {
    expr = String(values.some((v) => v === true));
    if (values.includes(true) && values.includes(false)) {
      ctx.change({ argument: FLAGS.join(", "), kind: "note", severity: "warning", reason: "The S3 flags were mixed (some true, some false); OSS blocks public ACLs and public policies together, so all public access is now blocked.", action: "Check that no client relied on the flags that were false." });
    }
  } else expr = `anytrue([${present.map((a) => exprSource(a.expr)).join(", ")}])`;
  setAttribute(ctx.block, "block_public_access", expr);
}
