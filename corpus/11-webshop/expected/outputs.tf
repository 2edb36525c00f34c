output "private_subnet_ids" {
  value = alicloud_vswitch.private[*].id
}

output "nat_public_ips" {
  description = "Give these to partners for webhook allow-listing."
  value       = alicloud_eip_address.nat[*].ip_address
}

output "eks_cluster_endpoint" {
  value = alicloud_cs_managed_kubernetes.shop.connections.api_server_intranet
}

output "eks_cluster_ca" {
  value = alicloud_cs_managed_kubernetes.shop.certificate_authority.cluster_cert
}

output "aurora_endpoint" {
  value = alicloud_polardb_cluster.shop.connection_string
}

output "db_master_password" {
  value     = random_password.db_master.result
  sensitive = true
}

output "cdn_domain_name" {
  value = var.aws2ali_aws_cloudfront_distribution_cdn_domain_name
}
