output "website_endpoint" {
  value = aws_s3_bucket_website_configuration.site.website_endpoint
}

output "url" {
  value = "http://${var.domain}"
}

output "log_bucket" {
  value = aws_s3_bucket.logs.bucket
}
