data "alicloud_alidns_domains" "parent" {
  domain_name_regex = format("^%s$", replace(trimsuffix(var.parent_domain, "."), ".", "\\."))
}

resource "alicloud_alidns_domain" "app" {
  domain_name       = "timesheets.${var.parent_domain}"
  remark            = "Delegated to the timesheets team"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_alidns_record" "delegation" {
  for_each    = toset(alicloud_alidns_domain.app.dns_servers)
  domain_name = data.alicloud_alidns_domains.parent.names[0]
  rr          = "timesheets"
  type        = "NS"
  ttl         = 86400
  value       = each.value
}

# aws2ali: manual — aws_acm_certificate.app has no Alibaba Cloud translation.
# Why: ACM issued this certificate for aws_route53_zone.app.name (and
#   ["www.${aws_route53_zone.app.name}"]) and renews it; Alibaba Cloud issues certificates through
#   Certificate Management Service orders (paid, or the free DV quota of single-domain certificates),
#   which Terraform does not place.
# To do: Order a certificate for the same names in Certificate Management Service (or upload one from
#   another CA with alicloud_ssl_certificates_service_certificate), add the DNS validation record it
#   asks for, and set var.aws2ali_aws_acm_certificate_app_certificate_id to its id; every reference to
#   this certificate reads that variable.
# resource "aws_acm_certificate" "app" {
#   domain_name               = aws_route53_zone.app.name
#   subject_alternative_names = ["www.${aws_route53_zone.app.name}"]
#   validation_method         = "DNS"
#
#   lifecycle {
#     create_before_destroy = true
#   }
# }

# aws2ali: aws_route53_record.cert_validation is not emitted as a resource: it is an ACM DNS
#   validation record of aws_acm_certificate.app; that certificate is ordered by hand on Alibaba
#   Cloud, and the order names the validation record to add.
# resource "aws_route53_record" "cert_validation" {
#   for_each = {
#     for dvo in aws_acm_certificate.app.domain_validation_options : dvo.domain_name => {
#       name   = dvo.resource_record_name
#       record = dvo.resource_record_value
#       type   = dvo.resource_record_type
#     }
#   }
#
#   allow_overwrite = true
#   zone_id         = aws_route53_zone.app.zone_id
#   name            = each.value.name
#   type            = each.value.type
#   ttl             = 60
#   records         = [each.value.record]
# }

# aws2ali: aws_acm_certificate_validation.app is not emitted as a resource: the certificate
#   aws_acm_certificate.app is ordered or uploaded by hand on Alibaba Cloud, and its validation is
#   part of that order (see its report item); references to the validated certificate read
#   var.aws2ali_aws_acm_certificate_app_certificate_id.
# resource "aws_acm_certificate_validation" "app" {
#   certificate_arn         = aws_acm_certificate.app.arn
#   validation_record_fqdns = [for r in aws_route53_record.cert_validation : r.fqdn]
# }

resource "alicloud_alidns_record" "app" {
  for_each = toset(["", "www."])

  domain_name = alicloud_alidns_domain.app.domain_name
  rr          = coalesce(trimsuffix("${each.key}", "."), "@")
  type        = "A"
  value       = alicloud_slb_load_balancer.app.address
  ttl         = 600
}
