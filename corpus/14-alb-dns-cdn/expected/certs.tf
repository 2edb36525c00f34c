# Bought from the company's CA (wildcard), imported into ACM; renewed yearly by the security team.
resource "alicloud_ssl_certificates_service_certificate" "shop" {
  key  = file("${path.module}/certs/shop.key")
  cert = join("\n", [trimspace(file("${path.module}/certs/shop.crt")), trimspace(file("${path.module}/certs/chain.crt"))])

  tags              = merge(local.aws2ali_default_tags, { Name = "shop-wildcard-2025" })
  certificate_name  = "shop-wildcard-2025"
  resource_group_id = alicloud_resource_manager_resource_group.this.id

  lifecycle {
    create_before_destroy = true
  }
}
