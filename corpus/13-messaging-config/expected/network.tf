# Existing network, looked up rather than created.
data "alicloud_vpcs" "shared" {
  vpc_name = var.shared_vpc_name
}

data "alicloud_vpcs" "tagged" {
  tags = { Team = "platform" }
}

data "alicloud_vswitches" "shared_private" {
  vpc_id = data.alicloud_vpcs.shared.ids[0]
  tags   = { Tier = "private" }
}

data "alicloud_vswitches" "shared_a" {
  vpc_id  = data.alicloud_vpcs.shared.ids[0]
  zone_id = data.alicloud_zones.aws2ali.zones[0].id
  tags    = { Tier = "private" }
}

data "alicloud_security_groups" "shared_default" {
  vpc_id     = data.alicloud_vpcs.shared.ids[0]
  name_regex = "^shared-ingress$"
}

data "alicloud_kms_keys" "ssm" {
  enable_details = true
  ids            = [alicloud_kms_key.config.id]
}

resource "alicloud_vpc" "main" {
  cidr_block          = "10.20.0.0/16"
  dns_hostname_status = "ENABLED"

  tags = merge(local.aws2ali_default_tags, {
    Name = "orders-${var.environment}"
  })
  vpc_name          = "orders-${var.environment}"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_vswitch" "app" {
  count      = 2
  vpc_id     = alicloud_vpc.main.id
  cidr_block = cidrsubnet(alicloud_vpc.main.cidr_block, 8, count.index)
  zone_id    = [data.alicloud_zones.aws2ali.zones[0].id, data.alicloud_zones.aws2ali.zones[1].id][count.index]

  tags = merge(local.aws2ali_default_tags, {
    Name = "orders-app-${count.index}"
  })
  vswitch_name = "orders-app-${count.index}"
}

resource "alicloud_route_table" "app" {
  vpc_id         = alicloud_vpc.main.id
  associate_type = "VSwitch"
  tags           = local.aws2ali_default_tags
}

resource "alicloud_route_table_attachment" "app" {
  count          = 2
  vswitch_id     = alicloud_vswitch.app[count.index].id
  route_table_id = alicloud_route_table.app.id
}

resource "alicloud_network_acl" "app" {
  vpc_id = alicloud_vpc.main.id

  tags = merge(local.aws2ali_default_tags, {
    Name = "orders-app"
  })
  network_acl_name = "orders-app"
  ingress_acl_entries {
    network_acl_entry_name = "deny-rdp"
    protocol               = "tcp"
    port                   = "3389/3389"
    source_cidr_ip         = "0.0.0.0/0"
    policy                 = "drop"
  }
  ingress_acl_entries {
    protocol       = "tcp"
    port           = "443/443"
    source_cidr_ip = "0.0.0.0/0"
    policy         = "accept"
  }
  ingress_acl_entries {
    network_acl_entry_name = "icmp"
    protocol               = "icmp"
    port                   = "-1/-1"
    source_cidr_ip         = alicloud_vpc.main.cidr_block
    policy                 = "accept"
  }
  ingress_acl_entries {
    protocol       = "tcp"
    port           = "1024/65535"
    source_cidr_ip = "10.20.0.0/16"
    policy         = "accept"
  }
  egress_acl_entries {
    protocol            = "all"
    port                = "-1/-1"
    destination_cidr_ip = "0.0.0.0/0"
    policy              = "accept"
  }
  dynamic "resources" {
    for_each = alicloud_vswitch.app[*].id
    content {
      resource_id   = resources.value
      resource_type = "VSwitch"
    }
  }
}

# aws2ali: aws_network_acl_rule.deny_rdp is not emitted as a resource: it is an entry
#   (ingress_acl_entries) of alicloud_network_acl.app; Alibaba ACL entries live in the ACL resource.
# resource "aws_network_acl_rule" "deny_rdp" {
#   network_acl_id = aws_network_acl.app.id
#   rule_number    = 50
#   egress         = false
#   protocol       = "tcp"
#   rule_action    = "deny"
#   cidr_block     = "0.0.0.0/0"
#   from_port      = 3389
#   to_port        = 3389
# }

# aws2ali: aws_network_acl_rule.icmp is not emitted as a resource: it is an entry
#   (ingress_acl_entries) of alicloud_network_acl.app; Alibaba ACL entries live in the ACL resource.
# resource "aws_network_acl_rule" "icmp" {
#   network_acl_id = aws_network_acl.app.id
#   rule_number    = 150
#   protocol       = "icmp"
#   rule_action    = "allow"
#   cidr_block     = aws_vpc.main.cidr_block
#   icmp_type      = -1
#   icmp_code      = -1
# }

resource "alicloud_vpc_gateway_endpoint" "s3" {
  vpc_id       = alicloud_vpc.main.id
  service_name = "com.aliyun.${data.alicloud_regions.current.ids[0]}.oss"
  route_tables = [alicloud_route_table.app.id]

  tags = merge(local.aws2ali_default_tags, {
    Name = "orders-s3"
  })
  gateway_endpoint_name = "orders-s3"
  policy_document       = jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Principal = ["*"], Action = ["*"], Resource = ["*"] }] })
  resource_group_id     = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_log_store" "flow" {
  logstore_name    = "vpc-orders-flow"
  retention_period = 30
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store_index" "flow" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.flow.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_vpc_flow_log" "main" {
  resource_id  = alicloud_vpc.main.id
  traffic_type = "Drop"

  aggregation_interval = "1"
  resource_type        = "VPC"
  project_name         = alicloud_log_store.flow.project_name
  log_store_name       = alicloud_log_store.flow.logstore_name
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
  tags                 = local.aws2ali_default_tags
}

resource "alicloud_vpc_peer_connection" "shared" {
  vpc_id           = alicloud_vpc.main.id
  accepting_vpc_id = data.alicloud_vpcs.shared.ids[0]

  tags = merge(local.aws2ali_default_tags, {
    Name = "orders-to-shared"
  })
  peer_connection_name = "orders-to-shared"
  accepting_region_id  = data.alicloud_regions.current.ids[0]
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}
