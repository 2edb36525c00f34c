data "alicloud_vswitches" "data" {
  tags   = { Tier = "data" }
  vpc_id = data.alicloud_vpcs.analytics.ids[0]
}

# Defence in depth for the warehouse subnets; SGs still do the real work.
resource "alicloud_network_acl" "data" {
  vpc_id           = data.alicloud_vpcs.analytics.ids[0]
  tags             = merge(local.aws2ali_default_tags, { Name = "analytics-data" })
  network_acl_name = "analytics-data"
  dynamic "resources" {
    for_each = data.alicloud_vswitches.data.ids
    content {
      resource_id   = resources.value
      resource_type = "VSwitch"
    }
  }
}

# aws2ali: aws_network_acl_rule.data is not emitted as a resource: it is an entry
#   (ingress_acl_entries) of alicloud_network_acl.data; Alibaba ACL entries live in the ACL resource.
# resource "aws_network_acl_rule" "data" {
#   for_each = var.nacl_rules
#
#   network_acl_id = aws_network_acl.data.id
#   rule_number    = each.value.number
#   egress         = each.value.egress
#   protocol       = "tcp"
#   rule_action    = each.value.action
#   cidr_block     = each.value.cidr
#   from_port      = each.value.from
#   to_port        = each.value.to
# }

# Athena from inside the VPC without NAT.
# aws2ali: manual — data.aws_vpc_endpoint_service.athena has no Alibaba Cloud translation.
# Why: AWS service endpoint names (com.amazonaws.<region>.<service>) are looked up to feed
#   aws_vpc_endpoint.service_name. On Alibaba Cloud the OSS gateway endpoint service is a fixed name
#   (com.aliyun.<region>.oss) and interface endpoints of Alibaba services have their own PrivateLink
#   service names that data.alicloud_privatelink_vpc_endpoint_services (user-owned services) does not
#   list. The vpc-endpoint-service transform replaces references with the fixed name where one exists.
# To do: Nothing for S3 gateway lookups if the transform ran. For interface services, find the Alibaba
#   PrivateLink service name in the VPC console (Endpoints → create → Alibaba Cloud services) and pass
#   it as the endpoint's service_name; user-owned endpoint services (service_name
#   com.amazonaws.vpce.…) → data.alicloud_privatelink_vpc_endpoint_services {
#   vpc_endpoint_service_name }.
# data "aws_vpc_endpoint_service" "athena" {
#   service = "athena"
# }

resource "alicloud_security_group" "athena_endpoint" {
  security_group_name = "athena-endpoint"
  vpc_id              = data.alicloud_vpcs.analytics.ids[0]
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "athena_endpoint_ingress" {
  security_group_id = alicloud_security_group.athena_endpoint.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = data.alicloud_vpcs.analytics.vpcs[0].cidr_block
}

resource "alicloud_privatelink_vpc_endpoint" "athena" {
  vpc_id             = data.alicloud_vpcs.analytics.ids[0]
  service_name       = var.aws2ali_aws_vpc_endpoint_athena_service_name
  endpoint_type      = "Interface"
  security_group_ids = [alicloud_security_group.athena_endpoint.id]
  resource_group_id  = alicloud_resource_manager_resource_group.this.id
  tags               = local.aws2ali_default_tags
}

resource "alicloud_privatelink_vpc_endpoint_zone" "athena" {
  count       = length(data.alicloud_vswitches.data.ids)
  endpoint_id = alicloud_privatelink_vpc_endpoint.athena.id
  vswitch_id  = element(data.alicloud_vswitches.data.ids, count.index)
}
