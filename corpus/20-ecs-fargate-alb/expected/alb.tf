resource "alicloud_security_group" "alb" {
  security_group_name = "${local.name}-alb"
  description         = "Public HTTP(S) to the catalog ALB"
  vpc_id              = local.vpc_id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "alb" {
  for_each = toset(each.value.cidr)

  security_group_id = alicloud_security_group.alb.id
  description       = each.key
  priority          = 1
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "${each.value.port}/${each.value.port}"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = each.value
}

resource "alicloud_security_group_rule" "alb_to_tasks" {
  security_group_id        = alicloud_security_group.alb.id
  priority                 = 1
  type                     = "egress"
  ip_protocol              = "tcp"
  port_range               = "${local.container_port}/${local.container_port}"
  nic_type                 = "intranet"
  policy                   = "accept"
  source_security_group_id = alicloud_security_group.tasks.id
}

resource "alicloud_alb_load_balancer" "catalog" {
  load_balancer_name = local.name
  address_type       = "Internet"

  deletion_protection_enabled = var.environment == "prod"
  load_balancer_edition       = "Standard"
  vpc_id                      = data.alicloud_vswitches.catalog_vswitches.vswitches[0].vpc_id
  resource_group_id           = alicloud_resource_manager_resource_group.this.id
  tags                        = local.aws2ali_default_tags
  dynamic "zone_mappings" {
    for_each = data.alicloud_vswitches.catalog_vswitches.vswitches
    content {
      vswitch_id = zone_mappings.value.id
      zone_id    = zone_mappings.value.zone_id
    }
  }
  load_balancer_billing_config {
    pay_type = "PayAsYouGo"
  }
}

data "alicloud_vswitches" "catalog_vswitches" {
  ids = local.public_subnets
}

resource "alicloud_alb_load_balancer_security_group_attachment" "catalog" {
  load_balancer_id  = alicloud_alb_load_balancer.catalog.id
  security_group_id = alicloud_security_group.alb.id
}

resource "alicloud_alb_server_group" "catalog" {
  server_group_name = "cat-"
  protocol          = "HTTP"
  server_group_type = "Ip"
  vpc_id            = local.vpc_id
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags

  health_check_config {
    health_check_path     = "/healthz"
    health_check_codes    = ["http_2xx"]
    health_check_interval = 15
    healthy_threshold     = 2
    unhealthy_threshold   = 3
    health_check_enabled  = true
  }
  connection_drain_config {
    connection_drain_enabled = true
    connection_drain_timeout = 30
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "alicloud_alb_listener" "http" {
  load_balancer_id  = alicloud_alb_load_balancer.catalog.id
  listener_port     = 80
  listener_protocol = "HTTP"
  idle_timeout      = 60
  tags              = local.aws2ali_default_tags
  default_actions {
    type = "ForwardGroup"
    forward_group_config {
      server_group_tuples {
        server_group_id = alicloud_alb_server_group.catalog.id
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
  load_balancer_id   = alicloud_alb_load_balancer.catalog.id
  listener_port      = 443
  listener_protocol  = "HTTPS"
  security_policy_id = "tls_cipher_policy_1_2_strict_with_1_3"
  idle_timeout       = 60
  tags               = local.aws2ali_default_tags
  certificates {
    certificate_id = "${data.alicloud_ssl_certificates_service_certificates.wildcard.ids[0]}-${var.aws2ali_cas_region}"
  }
  default_actions {
    type = "ForwardGroup"
    forward_group_config {
      server_group_tuples {
        server_group_id = alicloud_alb_server_group.catalog.id
      }
    }
  }
}

resource "alicloud_alidns_record" "catalog" {
  domain_name = data.alicloud_alidns_domains.public.names[0]
  rr          = "catalog"
  type        = "CNAME"
  value       = alicloud_alb_load_balancer.catalog.dns_name
  ttl         = 600
}
