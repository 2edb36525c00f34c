output "vpc_id" {
  value = module.vpc.vpc_id
}

output "eks_endpoint" {
  value = data.aws_eks_cluster.ledger.endpoint
}

output "db_cluster_endpoint" {
  value = module.aurora.cluster_endpoint
}

output "db_master_secret_arn" {
  value = module.aurora.cluster_master_user_secret
}

output "exports_bucket" {
  value = module.exports_bucket.s3_bucket_id
}
