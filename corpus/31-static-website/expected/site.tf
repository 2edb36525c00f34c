data "alicloud_alidns_domains" "main" {
  domain_name_regex = format("^%s$", replace(trimsuffix(var.zone_name, "."), ".", "\\."))
}

locals {
  # Placeholder pages; the real site is synced by the docs CI (aws s3 sync) and ignored here.
  pages = {
    "index.html" = { type = "text/html", body = "<!doctype html><title>Docs</title><p>Deploying...</p>" }
    "404.html"   = { type = "text/html", body = "<!doctype html><title>Not found</title><p>Page not found.</p>" }
    "robots.txt" = { type = "text/plain", body = "User-agent: *\nAllow: /\n" }
  }
}

resource "alicloud_oss_bucket" "site" {
  bucket            = var.domain
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket_website" "site" {
  bucket = alicloud_oss_bucket.site.id

  index_document {
    suffix = "index.html"
  }

  error_document {
    key = "404.html"
  }
}

resource "alicloud_oss_bucket_versioning" "site" {
  bucket = alicloud_oss_bucket.site.id
  status = "Enabled"
}

resource "alicloud_oss_bucket_public_access_block" "site" {
  bucket              = alicloud_oss_bucket.site.id
  block_public_access = true

  # Public website: allow a bucket policy, still forbid ACLs.
  # aws2ali: block_public_acls removed (see aws2ali-report.md)
}

data "alicloud_ram_policy_document" "public_read" {
  version = "1"
}

resource "alicloud_oss_bucket_policy" "site" {
  bucket = alicloud_oss_bucket.site.id
  policy = data.alicloud_ram_policy_document.public_read.document

  depends_on = [alicloud_oss_bucket_public_access_block.site]
}

resource "alicloud_oss_bucket_object" "page" {
  for_each = local.pages

  bucket        = alicloud_oss_bucket.site.id
  key           = each.key
  content       = each.value.body
  content_type  = each.value.type
  cache_control = "max-age=300"

  lifecycle {
    ignore_changes = [content, etag]
  }
}

resource "alicloud_oss_bucket" "www" {
  count             = var.create_www_redirect ? 1 : 0
  bucket            = "www.${var.domain}"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket_website" "www" {
  count  = var.create_www_redirect ? 1 : 0
  bucket = alicloud_oss_bucket.www[0].id
  index_document {
    suffix = "index.html"
  }
  routing_rules {
    routing_rule {
      rule_number = 1
      redirect {
        redirect_type      = "External"
        host_name          = var.domain
        protocol           = "http"
        http_redirect_code = "301"
        pass_query_string  = false
      }
    }
  }
}
