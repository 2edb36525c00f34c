output "repository_urls" {
  value = { for name, repo in aws_ecr_repository.svc : name => repo.repository_url }
}

output "pipeline_name" {
  value = aws_codepipeline.main.name
}

output "artifact_bucket" {
  value = aws_s3_bucket.artifacts.bucket
}
