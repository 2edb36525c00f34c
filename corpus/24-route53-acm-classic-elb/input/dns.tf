data "aws_route53_zone" "parent" {
  name = var.parent_domain
}

resource "aws_route53_zone" "app" {
  name    = "timesheets.${var.parent_domain}"
  comment = "Delegated to the timesheets team"
}

resource "aws_route53_record" "delegation" {
  zone_id = data.aws_route53_zone.parent.zone_id
  name    = aws_route53_zone.app.name
  type    = "NS"
  ttl     = 172800
  records = aws_route53_zone.app.name_servers
}

resource "aws_acm_certificate" "app" {
  domain_name               = aws_route53_zone.app.name
  subject_alternative_names = ["www.${aws_route53_zone.app.name}"]
  validation_method         = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "cert_validation" {
  for_each = {
    for dvo in aws_acm_certificate.app.domain_validation_options : dvo.domain_name => {
      name   = dvo.resource_record_name
      record = dvo.resource_record_value
      type   = dvo.resource_record_type
    }
  }

  allow_overwrite = true
  zone_id         = aws_route53_zone.app.zone_id
  name            = each.value.name
  type            = each.value.type
  ttl             = 60
  records         = [each.value.record]
}

resource "aws_acm_certificate_validation" "app" {
  certificate_arn         = aws_acm_certificate.app.arn
  validation_record_fqdns = [for r in aws_route53_record.cert_validation : r.fqdn]
}

resource "aws_route53_record" "app" {
  for_each = toset(["", "www."])

  zone_id = aws_route53_zone.app.zone_id
  name    = "${each.key}${aws_route53_zone.app.name}"
  type    = "A"

  alias {
    name                   = aws_elb.app.dns_name
    zone_id                = aws_elb.app.zone_id
    evaluate_target_health = false
  }
}
