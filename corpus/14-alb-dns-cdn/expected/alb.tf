resource "alicloud_alb_load_balancer" "web" {
  load_balancer_name = "storefront-web"
  address_type       = "Internet"

  deletion_protection_enabled = true
  load_balancer_edition       = "Standard"
  vpc_id                      = alicloud_vpc.main.id
  resource_group_id           = alicloud_resource_manager_resource_group.this.id
  tags                        = local.aws2ali_default_tags
  dynamic "zone_mappings" {
    for_each = alicloud_vswitch.public
    content {
      vswitch_id = zone_mappings.value.id
      zone_id    = zone_mappings.value.zone_id
    }
  }
  load_balancer_billing_config {
    pay_type = "PayAsYouGo"
  }
}

resource "alicloud_alb_load_balancer_security_group_attachment" "web" {
  load_balancer_id  = alicloud_alb_load_balancer.web.id
  security_group_id = alicloud_security_group.alb.id
}

resource "alicloud_alb_server_group" "web" {
  server_group_name = "storefront-web"
  protocol          = "HTTP"
  vpc_id            = alicloud_vpc.main.id
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags

  health_check_config {
    health_check_path     = "/healthz"
    health_check_codes    = ["http_2xx"]
    health_check_interval = 15
    health_check_timeout  = 5
    healthy_threshold     = 3
    unhealthy_threshold   = 3
    health_check_enabled  = true
  }

  sticky_session_config {
    sticky_session_type    = "Insert"
    cookie_timeout         = 3600
    sticky_session_enabled = true
  }
  connection_drain_config {
    connection_drain_enabled = true
    connection_drain_timeout = 30
  }
}

# The search service runs on Fargate-style IP targets managed outside this stack.
resource "alicloud_alb_server_group" "search" {
  server_group_name = "storefront-search"
  protocol          = "HTTP"
  server_group_type = "Ip"
  vpc_id            = alicloud_vpc.main.id
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags

  health_check_config {
    health_check_path    = "/_cluster/health"
    health_check_codes   = ["http_2xx"]
    health_check_enabled = true
  }
  slow_start_config {
    slow_start_enabled  = true
    slow_start_duration = 60
  }
  dynamic "servers" {
    for_each = range(2)
    content {
      server_id   = cidrhost(alicloud_vswitch.private[servers.value].cidr_block, 50)
      server_ip   = cidrhost(alicloud_vswitch.private[servers.value].cidr_block, 50)
      server_type = "Ip"
      port        = 9200
      weight      = 100
    }
  }
}

# aws2ali: aws_lb_target_group_attachment.search is not emitted as a resource: ALB keeps its backends
#   inside the server group: the attachment became a dynamic servers block of
#   alicloud_alb_server_group.search.
# resource "aws_lb_target_group_attachment" "search" {
#   count            = 2
#   target_group_arn = aws_lb_target_group.search.arn
#   target_id        = cidrhost(aws_subnet.private[count.index].cidr_block, 50)
#   port             = 9200
# }

resource "alicloud_alb_listener" "http" {
  load_balancer_id  = alicloud_alb_load_balancer.web.id
  listener_port     = 80
  listener_protocol = "HTTP"
  idle_timeout      = 60
  tags              = local.aws2ali_default_tags
  default_actions {
    type = "ForwardGroup"
    forward_group_config {
      server_group_tuples {
        server_group_id = alicloud_alb_server_group.web.id
      }
    }
  }
}

resource "alicloud_alb_rule" "http_default" {
  listener_id = alicloud_alb_listener.http.id
  rule_name   = "http-default"
  priority    = 10000
  rule_conditions {
    type = "Path"
    path_config {
      values = ["/*"]
    }
  }
  rule_actions {
    order = 1
    type  = "Redirect"
    redirect_config {
      port      = "443"
      protocol  = "HTTPS"
      http_code = "301"
    }
  }
}

resource "alicloud_alb_listener" "https" {
  load_balancer_id   = alicloud_alb_load_balancer.web.id
  listener_port      = 443
  listener_protocol  = "HTTPS"
  security_policy_id = "tls_cipher_policy_1_2_strict_with_1_3"
  idle_timeout       = 60
  tags               = local.aws2ali_default_tags
  certificates {
    certificate_id = "${alicloud_ssl_certificates_service_certificate.shop.id}-${var.aws2ali_cas_region}"
  }
  default_actions {
    type = "ForwardGroup"
    forward_group_config {
      server_group_tuples {
        server_group_id = alicloud_alb_server_group.web.id
      }
    }
  }
}

# Internal NLB for the order-events TCP feed consumed by the warehouse.
resource "alicloud_nlb_load_balancer" "events" {
  load_balancer_name = "storefront-events"
  address_type       = "Intranet"
  vpc_id             = alicloud_vswitch.private[0].vpc_id
  cross_zone_enabled = true
  payment_type       = "PayAsYouGo"
  resource_group_id  = alicloud_resource_manager_resource_group.this.id
  tags               = local.aws2ali_default_tags

  zone_mappings {
    vswitch_id           = alicloud_vswitch.private[0].id
    private_ipv4_address = "10.40.10.10"
    zone_id              = alicloud_vswitch.private[0].zone_id
  }

  zone_mappings {
    vswitch_id           = alicloud_vswitch.private[1].id
    private_ipv4_address = "10.40.11.10"
    zone_id              = alicloud_vswitch.private[1].zone_id
  }
}

resource "alicloud_nlb_server_group" "events" {
  server_group_name        = "storefront-events"
  protocol                 = "TCP"
  vpc_id                   = alicloud_vpc.main.id
  connection_drain_enabled = true
  connection_drain_timeout = 60
  resource_group_id        = alicloud_resource_manager_resource_group.this.id
  tags                     = local.aws2ali_default_tags
  health_check {
    health_check_enabled  = true
    health_check_type     = "TCP"
    health_check_interval = 10
  }
}

resource "alicloud_nlb_listener" "events" {
  load_balancer_id       = alicloud_nlb_load_balancer.events.id
  listener_port          = 7000
  listener_protocol      = "TCP"
  server_group_id        = alicloud_nlb_server_group.events.id
  proxy_protocol_enabled = true
  tags                   = local.aws2ali_default_tags
}
