/**
 * aws_s3_bucket_policy → alicloud_oss_bucket_policy: the policy is
 * rewritten in OSS bucket policy syntax in the form it was written in
 * (jsonencode object, heredoc or quoted JSON). A policy none of whose
 * statements can be expressed for OSS (CloudFront origin access, service
 * principals) is not emitted: the block is kept, commented out, with why.
 */

import { getAttribute, replaceAttributeValue } from "../hcl/edit.js";
import type { TransformContext } from "./context.js";
import { foldInto } from "./fold.js";
import { policyEnv, reportFindings } from "./iam-policy-forms.js";
import { translateOssPolicyExpr } from "./oss-policy.js";

export function ossBucketPolicy(ctx: TransformContext): void {
  const attr = getAttribute(ctx.block, "policy");
  if (!attr) return;
  const t = translateOssPolicyExpr(attr.expr, policyEnv(ctx));
  reportFindings(ctx.change, "policy", t.findings);
  if (t.policy?.statements === 0) {
    const why = t.policy.services.includes("cloudfront.amazonaws.com")
      ? "its only statements grant access to CloudFront (a service principal); Alibaba Cloud CDN reads a private OSS bucket through back-to-origin authorization (service role AliyunCDNAccessingPrivateOSSRole), with no bucket policy"
      : "none of its statements can be expressed in an OSS bucket policy (see the findings above)";
    ctx.change({ argument: "(block)", kind: "dropped", severity: "warning", reason: `The bucket policy was not emitted: ${why}.`, action: "Grant the access the policy gave in the Alibaba Cloud way (CDN back-to-origin authorization, RAM policies, or an alicloud_oss_bucket_policy naming account ids)." });
    foldInto(ctx, "(none)", `no statement of the bucket policy can be expressed for OSS: ${why}.`);
    return;
  }
  if (t.text !== undefined) {
    replaceAttributeValue(attr, t.text);
    ctx.change({ argument: "policy", kind: "value-mapped", severity: "info", reason: 'The bucket policy was rewritten in OSS syntax: Version "1", oss: actions, acs:oss:*:*:<bucket>/<key> resources, Principal as a list of account ids or "*".' });
  }
}
