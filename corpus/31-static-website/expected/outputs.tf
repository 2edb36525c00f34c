output "website_endpoint" {
  value = var.aws2ali_aws_s3_bucket_website_configuration_site_website_endpoint
}

output "url" {
  value = "http://${var.domain}"
}

output "log_bucket" {
  value = alicloud_oss_bucket.logs.bucket
}
