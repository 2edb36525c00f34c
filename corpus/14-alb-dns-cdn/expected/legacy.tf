# The old checkout still runs on one instance behind a classic ELB; scheduled for retirement in Q3.
resource "alicloud_instance" "checkout_legacy" {
  image_id        = var.app_ami
  instance_type   = "ecs.g6.large"
  vswitch_id      = alicloud_vswitch.private[0].id
  security_groups = [alicloud_security_group.app.id]

  tags                 = merge(local.aws2ali_default_tags, { Name = "checkout-legacy", Owner = "payments-team" })
  instance_name        = "checkout-legacy"
  instance_charge_type = "PostPaid"
  system_disk_category = "cloud_essd"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

# aws2ali: aws_ec2_tag.checkout_owner is not emitted as a resource: the tag Owner = "payments-team" is
#   part of alicloud_instance.checkout_legacy's tags (Alibaba Cloud has no single-tag resource).
# resource "aws_ec2_tag" "checkout_owner" {
#   resource_id = aws_instance.checkout_legacy.id
#   key         = "Owner"
#   value       = "payments-team"
# }

resource "alicloud_slb_load_balancer" "checkout" {
  load_balancer_name   = "checkout-legacy"
  address_type         = "intranet"
  vswitch_id           = alicloud_vswitch.private[0].id
  instance_charge_type = "PayByCLCU"
  payment_type         = "PayAsYouGo"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
  tags                 = local.aws2ali_default_tags
}

resource "alicloud_slb_listener" "checkout_80" {
  load_balancer_id          = alicloud_slb_load_balancer.checkout.id
  frontend_port             = 80
  backend_port              = 8080
  protocol                  = "http"
  bandwidth                 = -1
  health_check              = "on"
  health_check_uri          = "/health"
  health_check_connect_port = 8080
  health_check_interval     = 30
  health_check_timeout      = 5
  healthy_threshold         = 2
  unhealthy_threshold       = 3
  idle_timeout              = 60
}

resource "alicloud_slb_server_certificate" "checkout_shop" {
  name               = "checkout-shop"
  server_certificate = alicloud_ssl_certificates_service_certificate.shop.cert
  private_key        = alicloud_ssl_certificates_service_certificate.shop.key
  resource_group_id  = alicloud_resource_manager_resource_group.this.id
  tags               = local.aws2ali_default_tags
}

resource "alicloud_slb_listener" "checkout_443" {
  load_balancer_id          = alicloud_slb_load_balancer.checkout.id
  frontend_port             = 443
  backend_port              = 8080
  protocol                  = "https"
  bandwidth                 = -1
  health_check              = "on"
  health_check_uri          = "/health"
  health_check_connect_port = 8080
  health_check_interval     = 30
  health_check_timeout      = 5
  healthy_threshold         = 2
  unhealthy_threshold       = 3
  idle_timeout              = 60
  server_certificate_id     = alicloud_slb_server_certificate.checkout_shop.id
}

resource "alicloud_slb_backend_server" "checkout" {
  load_balancer_id = alicloud_slb_load_balancer.checkout.id
  backend_servers {
    server_id = alicloud_instance.checkout_legacy.id
    weight    = 100
  }
}
