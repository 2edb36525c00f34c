output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "nat_public_ips" {
  description = "Give these to partners for webhook allow-listing."
  value       = aws_eip.nat[*].public_ip
}

output "eks_cluster_endpoint" {
  value = aws_eks_cluster.shop.endpoint
}

output "eks_cluster_ca" {
  value = aws_eks_cluster.shop.certificate_authority[0].data
}

output "aurora_endpoint" {
  value = aws_rds_cluster.shop.endpoint
}

output "db_master_password" {
  value     = random_password.db_master.result
  sensitive = true
}

output "cdn_domain_name" {
  value = aws_cloudfront_distribution.cdn.domain_name
}
