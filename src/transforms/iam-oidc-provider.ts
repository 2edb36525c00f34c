/**
 * OIDC identity providers → RAM OIDC providers (alicloud_ims_oidc_provider).
 * RAM needs a provider name (AWS names providers by their URL) and the
 * certificate fingerprints (AWS no longer needs thumbprints for well-known
 * issuers). Tokens for Alibaba Cloud carry the audience sts.aliyuncs.com
 * where AWS uses sts.amazonaws.com. An EKS cluster's provider (IRSA) is not
 * emitted: an ACK cluster with enable_rrsa = true registers its own RAM OIDC
 * provider, exported as rrsa_metadata.
 */

import { findReferences, getAttribute, quote, replaceExpr, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { TransformContext } from "./context.js";
import { foldInto } from "./fold.js";
import { rewriteReferencePaths } from "./reference-paths.js";

export function oidcProvider(ctx: TransformContext): void {
  const url = getAttribute(ctx.plan.original, "url");
  const cluster = url ? findReferences(url.expr).find((r) => r.root === "aws_eks_cluster" && r.steps[0]?.kind === "attr") : undefined;
  if (cluster && cluster.steps[0]?.kind === "attr") {
    foldIntoCluster(ctx, `aws_eks_cluster.${cluster.steps[0].name}`);
    return;
  }
  const name = providerName(ctx);
  setAttribute(ctx.block, "oidc_provider_name", quote(name));
  ctx.change({ argument: "(block)", kind: "note", severity: "info", to: "oidc_provider_name", reason: `RAM names OIDC providers: oidc_provider_name = "${name}" (from the resource name). Trust policies name it as acs:ram::<uid>:oidc-provider/${name}.` });
  const ids = getAttribute(ctx.block, "client_ids");
  if (ids?.expr.type === "Tuple") {
    for (const el of [...ids.expr.elements]) {
      if (staticValue(el) !== "sts.amazonaws.com") continue;
      replaceExpr(ids, el, '"sts.aliyuncs.com"');
      ctx.change({ argument: "client_id_list", kind: "value-mapped", severity: "info", to: '"sts.aliyuncs.com"', reason: "The audience for Alibaba Cloud STS is sts.aliyuncs.com: the identity provider's tokens must carry it (e.g. the `audience` of the GitHub Actions OIDC token request)." });
    }
  }
  const fingerprints = getAttribute(ctx.block, "fingerprints");
  const list = fingerprints ? staticValue(fingerprints.expr) : undefined;
  if (!fingerprints || (Array.isArray(list) && list.length === 0)) {
    ctx.change({ argument: "thumbprint_list", kind: "note", severity: "warning", reason: "RAM needs the issuer's certificate fingerprints; AWS no longer does for well-known issuers, so none were given.", action: "Set fingerprints to the SHA-1 fingerprint of the issuer's HTTPS certificate (the RAM console shows it when you enter the issuer URL)." });
  } else {
    ctx.change({ argument: "thumbprint_list", kind: "renamed", to: "fingerprints", severity: "info", reason: "AWS thumbprints and RAM fingerprints are both SHA-1 fingerprints of the issuer's certificate; check them when the issuer rotates its certificate." });
  }
}

/** RAM OIDC provider names allow letters, digits, '.' and '-' (at most 128): the resource name. */
function providerName(ctx: TransformContext): string {
  return ctx.top.name.replace(/[^A-Za-z0-9.-]/g, "-").slice(0, 128);
}

/** IRSA: the EKS cluster's provider becomes the ACK cluster's RRSA provider. */
function foldIntoCluster(ctx: TransformContext, clusterAddress: string): void {
  const cluster = ctx.planOf(clusterAddress);
  const target = cluster?.target ? cluster.target.names.join(".") : clusterAddress;
  const n = rewriteReferencePaths(ctx, ctx.top.address, [
    { from: ["arn"], to: () => `${clusterAddress}.rrsa_metadata[0].ram_oidc_provider_arn` },
    { from: ["id"], to: () => `${clusterAddress}.rrsa_metadata[0].ram_oidc_provider_name` },
    { from: ["url"], to: () => `${clusterAddress}.rrsa_metadata[0].rrsa_oidc_issuer_url` },
  ]);
  foldInto(ctx, target, `the EKS cluster's OIDC provider (IRSA) becomes the ACK cluster's RRSA OIDC provider: with enable_rrsa = true ACK registers it in RAM (rrsa_metadata). References to it now use ${target}.rrsa_metadata.`);
  ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: `IRSA → RRSA: ${n} reference${n === 1 ? "" : "s"} to this provider now read ${target}.rrsa_metadata[0] (ram_oidc_provider_arn, rrsa_oidc_issuer_url). Service accounts assume RAM roles through the ack-pod-identity-webhook add-on or the RRSA token file.` });
  if (exprSource(ctx.plan.original).includes("sts.amazonaws.com")) ctx.change({ argument: "client_id_list", kind: "note", severity: "info", reason: "RRSA tokens carry the audience sts.aliyuncs.com; trust policies test it as oidc:aud." });
}
