output "url" {
  value = "https://${alicloud_alidns_domain.app.domain_name}"
}

output "name_servers" {
  value = alicloud_alidns_domain.app.dns_servers
}

output "instance_ids" {
  value = alicloud_instance.web[*].id
}
