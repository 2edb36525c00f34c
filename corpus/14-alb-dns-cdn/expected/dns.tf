data "alicloud_alidns_domains" "parent" {
  domain_name_regex = "^example\\.com$"
}

resource "alicloud_alidns_domain" "shop" {
  domain_name       = var.domain
  remark            = "Storefront public zone"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

# Delegate shop.example.com from the parent zone (managed by the DNS team, same account).
resource "alicloud_alidns_record" "shop_delegation" {
  for_each    = toset(alicloud_alidns_domain.shop.dns_servers)
  domain_name = data.alicloud_alidns_domains.parent.names[0]
  rr          = var.domain == "example.com" ? "@" : trimsuffix(var.domain, ".example.com")
  type        = "NS"
  ttl         = 86400
  value       = each.value
}

resource "alicloud_alidns_record" "apex" {
  domain_name = alicloud_alidns_domain.shop.domain_name
  rr          = "@"
  type        = "CNAME"
  value       = alicloud_alb_load_balancer.web.dns_name
  ttl         = 600
}

resource "alicloud_alidns_record" "www" {
  domain_name = alicloud_alidns_domain.shop.domain_name
  rr          = "www"
  type        = "CNAME"
  ttl         = 600
  value       = var.domain
}

resource "alicloud_alidns_record" "static" {
  domain_name = alicloud_alidns_domain.shop.domain_name
  rr          = "static"
  type        = "CNAME"
  value       = alicloud_cdn_domain_new.static.cname
  ttl         = 600
}

# aws2ali: aws_route53_record.static_ipv6 is not emitted as a resource: the CNAME that replaces the A
#   alias aws_route53_record.static also answers IPv6 queries (a CNAME covers every record type of the
#   name).
# resource "aws_route53_record" "static_ipv6" {
#   zone_id = aws_route53_zone.shop.zone_id
#   name    = "static.${var.domain}"
#   type    = "AAAA"
#
#   alias {
#     name                   = aws_cloudfront_distribution.static.domain_name
#     zone_id                = aws_cloudfront_distribution.static.hosted_zone_id
#     evaluate_target_health = false
#   }
# }

resource "alicloud_alidns_record" "mx" {
  for_each = {
    "mx1.mail.example.net" = 10
    "mx2.mail.example.net" = 20
  }
  domain_name = alicloud_alidns_domain.shop.domain_name
  rr          = "@"
  type        = "MX"
  ttl         = 3600
  value       = each.key
  priority    = each.value
}

resource "alicloud_alidns_record" "spf" {
  domain_name = alicloud_alidns_domain.shop.domain_name
  rr          = "@"
  type        = "TXT"
  ttl         = 3600
  value       = "v=spf1 include:mail.example.net -all"
}

resource "alicloud_pvtz_zone" "internal" {
  zone_name         = "internal.storefront"
  remark            = "Service discovery inside the VPC"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_pvtz_zone_attachment" "internal" {
  zone_id = alicloud_pvtz_zone.internal.id
  vpcs {
    vpc_id = alicloud_vpc.main.id
  }
}

resource "alicloud_pvtz_zone_record" "checkout" {
  zone_id = alicloud_pvtz_zone.internal.id
  rr      = "checkout"
  type    = "A"
  value   = alicloud_slb_load_balancer.checkout.address
  ttl     = 60
}

resource "alicloud_pvtz_zone_record" "events" {
  zone_id = alicloud_pvtz_zone.internal.id
  rr      = "events"
  type    = "CNAME"
  ttl     = 60
  value   = alicloud_nlb_load_balancer.events.dns_name
}
