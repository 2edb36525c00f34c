output "vpc_id" {
  value = module.vpc.this_vpc_id
}

output "eks_endpoint" {
  value = data.alicloud_cs_managed_kubernetes_clusters.ledger.clusters[0].connections.api_server_internet
}

output "db_cluster_endpoint" {
  value = module.aurora.cluster_connection_string
}

output "db_master_secret_arn" {
  value = var.aws2ali_module_aurora_cluster_master_user_secret
}

output "exports_bucket" {
  value = module.exports_bucket.this_oss_bucket_id
}
