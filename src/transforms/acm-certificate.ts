/**
 * aws_acm_certificate → alicloud_ssl_certificates_service_certificate for
 * imported certificates (the PEM body with its chain appended, and the
 * key). Certificates ACM issued and validated itself have no Terraform
 * counterpart on Alibaba Cloud (ordering one is a paid or free-quota
 * purchase): they stay manual, every reference to them reads one input
 * variable for the certificate id, and their aws_acm_certificate_validation
 * blocks go with them.
 */

import { getAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, plansOfType } from "./aws-graph.js";
import type { TransformContext } from "./context.js";
import { keepAsManual } from "./fold.js";
import { issuedCertificateVariable } from "./lb-shared.js";
import { rewriteReferencePaths } from "./reference-paths.js";
import { retractChanges } from "./report-changes.js";

export function acmCertificate(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const body = getAttribute(o, "certificate_body");
  const validations = validationsOf(ctx);
  // `aws_acm_certificate_validation.v.certificate_arn` is the certificate's ARN.
  for (const v of validations) rewriteReferencePaths(ctx, v.top.address, [{ from: ["certificate_arn"], to: () => `${ctx.top.address}.arn` }, { from: ["id"], to: () => `${ctx.top.address}.arn` }]);
  if (!body) {
    issued(ctx, validations.map((v) => v.top.address));
    return;
  }
  const chain = getAttribute(o, "certificate_chain");
  if (chain) {
    retractChanges(ctx, "certificate_chain");
    setAttribute(ctx.block, "cert", `join("\\n", [trimspace(${exprSource(body.expr)}), trimspace(${exprSource(chain.expr)})])`);
    ctx.change({ argument: "certificate_chain", kind: "moved", to: "cert", severity: "info", reason: "Certificate Management Service takes the certificate and its chain as one PEM: the chain is appended to the body." });
  }
  if (!getAttribute(ctx.block, "certificate_name")) {
    setAttribute(ctx.block, "certificate_name", JSON.stringify(ctx.top.name.replace(/_/g, "-")));
    ctx.change({ argument: "certificate_name", kind: "note", severity: "info", reason: `Uploaded certificates have a name, unique in the account; aws2ali used the resource name "${ctx.top.name.replace(/_/g, "-")}" (AWS had no Name tag).`, action: "Rename it if another certificate of the account has that name." });
  }
  ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: 'The imported certificate is uploaded to Certificate Management Service; ALB and NLB listeners name it "<id>-<region>" (var.aws2ali_cas_region), CDN by id.', action: "Renew it by uploading the new PEM before it expires, as with ACM imports." });
  for (const v of validations) {
    v.absorbedInto = { target: `${ctx.rule.to}.${ctx.top.name}`, reason: "an uploaded certificate needs no validation; references to the validated certificate now read the certificate." };
  }
}

/** aws_acm_certificate_validation blocks of this certificate. */
function validationsOf(ctx: TransformContext) {
  return plansOfType(ctx, "aws_acm_certificate_validation").filter((v) => firstAddress(getAttribute(v.original, "certificate_arn")?.expr) === ctx.top.address && !v.absorbedInto);
}

/** A certificate ACM issued: manual, with one input variable for the certificate id. */
function issued(ctx: TransformContext, validations: string[]): void {
  const o = ctx.plan.original;
  const domain = getAttribute(o, "domain_name");
  const sans = getAttribute(o, "subject_alternative_names");
  const variable = issuedCertificateVariable(ctx, ctx.plan);
  rewriteReferencePaths(ctx, ctx.top.address, [{ from: ["arn"], to: () => variable }, { from: ["id"], to: () => variable }]);
  for (const address of validations) {
    const v = ctx.planOf(address)!;
    v.absorbedInto = { target: "(none)", reason: `the certificate ${ctx.top.address} is ordered or uploaded by hand on Alibaba Cloud, and its validation is part of that order (see its report item); references to the validated certificate read ${variable}.` };
    v.item.changes.push({ argument: "(block)", kind: "note", severity: "info", reason: `Validation belongs to ordering ${ctx.top.address} on Alibaba Cloud (manual).` });
  }
  keepAsManual(ctx, {
    reason: `ACM issued this certificate${domain ? ` for ${exprSource(domain.expr)}` : ""}${sans ? ` (and ${exprSource(sans.expr)})` : ""} and renews it; Alibaba Cloud issues certificates through Certificate Management Service orders (paid, or the free DV quota of single-domain certificates), which Terraform does not place.`,
    action: `Order a certificate for the same names in Certificate Management Service (or upload one from another CA with alicloud_ssl_certificates_service_certificate), add the DNS validation record it asks for, and set ${variable} to its id; every reference to this certificate reads that variable.`,
    alternative: "Certificate Management Service (alicloud_ssl_certificates_service_certificate for an upload)",
    effort_hours: 1,
  });
}
