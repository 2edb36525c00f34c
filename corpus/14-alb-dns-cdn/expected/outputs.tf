output "alb_dns_name" {
  value = alicloud_alb_load_balancer.web.dns_name
}

output "cdn_domain_name" {
  value = alicloud_cdn_domain_new.static.cname
}

output "name_servers" {
  value = alicloud_alidns_domain.shop.dns_servers
}

output "www_fqdn" {
  value = "www.${alicloud_alidns_domain.shop.domain_name}"
}
