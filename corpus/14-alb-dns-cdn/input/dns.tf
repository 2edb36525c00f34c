data "aws_route53_zone" "parent" {
  name = "example.com."
}

resource "aws_route53_zone" "shop" {
  name    = var.domain
  comment = "Storefront public zone"
}

# Delegate shop.example.com from the parent zone (managed by the DNS team, same account).
resource "aws_route53_record" "shop_delegation" {
  zone_id = data.aws_route53_zone.parent.zone_id
  name    = var.domain
  type    = "NS"
  ttl     = 172800
  records = aws_route53_zone.shop.name_servers
}

resource "aws_route53_record" "apex" {
  zone_id = aws_route53_zone.shop.zone_id
  name    = var.domain
  type    = "A"

  alias {
    name                   = aws_lb.web.dns_name
    zone_id                = aws_lb.web.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "www" {
  zone_id = aws_route53_zone.shop.zone_id
  name    = "www.${var.domain}"
  type    = "CNAME"
  ttl     = 300
  records = [var.domain]
}

resource "aws_route53_record" "static" {
  zone_id = aws_route53_zone.shop.zone_id
  name    = "static.${var.domain}"
  type    = "A"

  alias {
    name                   = aws_cloudfront_distribution.static.domain_name
    zone_id                = aws_cloudfront_distribution.static.hosted_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "static_ipv6" {
  zone_id = aws_route53_zone.shop.zone_id
  name    = "static.${var.domain}"
  type    = "AAAA"

  alias {
    name                   = aws_cloudfront_distribution.static.domain_name
    zone_id                = aws_cloudfront_distribution.static.hosted_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.shop.zone_id
  name    = var.domain
  type    = "MX"
  ttl     = 3600
  records = ["10 mx1.mail.example.net", "20 mx2.mail.example.net"]
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.shop.zone_id
  name    = var.domain
  type    = "TXT"
  ttl     = 3600
  records = ["v=spf1 include:mail.example.net -all"]
}

resource "aws_route53_zone" "internal" {
  name    = "internal.storefront"
  comment = "Service discovery inside the VPC"

  vpc {
    vpc_id = aws_vpc.main.id
  }
}

resource "aws_route53_record" "checkout" {
  zone_id = aws_route53_zone.internal.zone_id
  name    = "checkout.internal.storefront"
  type    = "A"

  alias {
    name                   = aws_elb.checkout.dns_name
    zone_id                = aws_elb.checkout.zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "events" {
  zone_id = aws_route53_zone.internal.zone_id
  name    = "events"
  type    = "CNAME"
  ttl     = 60
  records = [aws_lb.events.dns_name]
}
