data "aws_route53_zone" "main" {
  name = var.zone_name
}

locals {
  # Placeholder pages; the real site is synced by the docs CI (aws s3 sync) and ignored here.
  pages = {
    "index.html" = { type = "text/html", body = "<!doctype html><title>Docs</title><p>Deploying...</p>" }
    "404.html"   = { type = "text/html", body = "<!doctype html><title>Not found</title><p>Page not found.</p>" }
    "robots.txt" = { type = "text/plain", body = "User-agent: *\nAllow: /\n" }
  }
}

resource "aws_s3_bucket" "site" {
  bucket = var.domain
}

resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  index_document {
    suffix = "index.html"
  }

  error_document {
    key = "404.html"
  }
}

resource "aws_s3_bucket_versioning" "site" {
  bucket = aws_s3_bucket.site.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket = aws_s3_bucket.site.id

  # Public website: allow a bucket policy, still forbid ACLs.
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

data "aws_iam_policy_document" "public_read" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.site.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.public_read.json

  depends_on = [aws_s3_bucket_public_access_block.site]
}

resource "aws_s3_object" "page" {
  for_each = local.pages

  bucket        = aws_s3_bucket.site.id
  key           = each.key
  content       = each.value.body
  content_type  = each.value.type
  cache_control = "max-age=300"

  lifecycle {
    ignore_changes = [content, etag]
  }
}

resource "aws_s3_bucket" "www" {
  count  = var.create_www_redirect ? 1 : 0
  bucket = "www.${var.domain}"
}

resource "aws_s3_bucket_website_configuration" "www" {
  count  = var.create_www_redirect ? 1 : 0
  bucket = aws_s3_bucket.www[0].id

  redirect_all_requests_to {
    host_name = var.domain
    protocol  = "http"
  }
}
