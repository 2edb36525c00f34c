# Bought from the company's CA (wildcard), imported into ACM; renewed yearly by the security team.
resource "aws_acm_certificate" "shop" {
  private_key       = file("${path.module}/certs/shop.key")
  certificate_body  = file("${path.module}/certs/shop.crt")
  certificate_chain = file("${path.module}/certs/chain.crt")

  tags = { Name = "shop-wildcard-2025" }

  lifecycle {
    create_before_destroy = true
  }
}
