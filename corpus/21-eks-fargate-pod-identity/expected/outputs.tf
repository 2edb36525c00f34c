output "cluster_name" {
  value = alicloud_cs_managed_kubernetes.this.name
}

output "cluster_endpoint" {
  value = alicloud_cs_managed_kubernetes.this.connections.api_server_internet
}

output "oidc_provider_arn" {
  value = alicloud_cs_managed_kubernetes.this.rrsa_metadata[0].ram_oidc_provider_arn
}

output "node_groups" {
  value = { for k, ng in alicloud_cs_kubernetes_node_pool.pool : k => ng.status }
}
