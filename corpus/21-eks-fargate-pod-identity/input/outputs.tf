output "cluster_name" {
  value = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  value = aws_eks_cluster.this.endpoint
}

output "oidc_provider_arn" {
  value = aws_iam_openid_connect_provider.irsa.arn
}

output "node_groups" {
  value = { for k, ng in aws_eks_node_group.pool : k => ng.status }
}
