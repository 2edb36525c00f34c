output "repository_urls" {
  value = { for name, repo in alicloud_cr_ee_repo.svc : name => repo.repository_url }
}

output "pipeline_name" {
  value = var.aws2ali_aws_codepipeline_main_name
}

output "artifact_bucket" {
  value = alicloud_oss_bucket.artifacts.bucket
}
