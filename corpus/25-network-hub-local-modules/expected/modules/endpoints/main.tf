# VPC endpoints so private workloads reach AWS APIs without the NAT.

variable "name" { type = string }
variable "vpc_id" { type = string }
variable "vpc_cidr" { type = string }
variable "subnet_ids" { type = list(string) }
variable "route_table_ids" { type = list(string) }

variable "interface_endpoints" {
  type    = set(string)
  default = []
}

data "alicloud_regions" "current" {
  current = true
}

# Fails the plan early if a service is not offered as an interface endpoint in this region.
# aws2ali: manual — data.aws_vpc_endpoint_service.interface has no Alibaba Cloud translation.
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
# data "aws_vpc_endpoint_service" "interface" {
#   for_each     = var.interface_endpoints
#   service      = each.key
#   service_type = "Interface"
# }

resource "alicloud_security_group" "endpoints" {
  security_group_name = "${var.name}-vpce"
  description         = "HTTPS from inside the VPC to interface endpoints"
  vpc_id              = var.vpc_id
  resource_group_id   = var.resource_group_id
}

resource "alicloud_security_group_rule" "endpoints_ingress" {
  security_group_id = alicloud_security_group.endpoints.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = var.vpc_cidr
}

resource "alicloud_vpc_gateway_endpoint" "gateway" {
  for_each = toset(["s3", "dynamodb"])

  vpc_id                = var.vpc_id
  service_name          = var.aws2ali_aws_vpc_endpoint_gateway_service_name
  route_tables          = var.route_table_ids
  tags                  = { Name = "${var.name}-${each.key}" }
  gateway_endpoint_name = "${var.name}-${each.key}"
  policy_document       = jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Principal = ["*"], Action = ["*"], Resource = ["*"] }] })
  resource_group_id     = var.resource_group_id
}

resource "alicloud_privatelink_vpc_endpoint" "interface" {
  for_each = var.aws2ali_data_aws_vpc_endpoint_service_interface

  vpc_id             = var.vpc_id
  service_name       = var.aws2ali_aws_vpc_endpoint_interface_service_name
  tags               = { Name = "${var.name}-${each.key}" }
  vpc_endpoint_name  = "${var.name}-${each.key}"
  endpoint_type      = "Interface"
  security_group_ids = [alicloud_security_group.endpoints.id]
  resource_group_id  = var.resource_group_id
}

output "gateway_endpoint_ids" {
  value = { for k, e in alicloud_vpc_gateway_endpoint.gateway : k => e.id }
}

output "interface_endpoint_dns" {
  value = { for k, e in alicloud_privatelink_vpc_endpoint.interface : k => e.dns_entry[0].dns_name }
}

output "security_group_id" {
  value = alicloud_security_group.endpoints.id
}
