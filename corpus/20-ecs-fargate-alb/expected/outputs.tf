output "url" {
  value = "https://catalog.${data.alicloud_alidns_domains.public.names[0]}"
}

output "alb_dns_name" {
  value = alicloud_alb_load_balancer.catalog.dns_name
}

output "service_name" {
  value = alicloud_sae_application.catalog.app_name
}
