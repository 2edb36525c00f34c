# Egress for private workloads via a single NAT gateway (cost trade-off: one NAT
# for all AZs in non-prod), plus two public hosts with static Elastic IPs that
# partners have allow-listed.

variable "bastion_ami_id" {
  description = "Hardened Amazon Linux 2023 image from the golden-AMI pipeline."
  type        = string
  default     = "ami-0123456789abcdef0"
}

resource "alicloud_vpc" "this" {
  cidr_block          = "10.30.0.0/16"
  dns_hostname_status = "ENABLED"

  tags              = { Name = "egress-vpc" }
  vpc_name          = "egress-vpc"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_vswitch" "public" {
  vpc_id     = alicloud_vpc.this.id
  cidr_block = "10.30.0.0/24"
  zone_id    = data.alicloud_zones.aws2ali.zones[0].id

  tags         = { Name = "egress-public-a" }
  vswitch_name = "egress-public-a"
}

resource "alicloud_vswitch" "private" {
  count      = 2
  vpc_id     = alicloud_vpc.this.id
  cidr_block = "10.30.${10 + count.index}.0/24"
  zone_id    = element([data.alicloud_zones.aws2ali.zones[0].id, data.alicloud_zones.aws2ali.zones[1].id], count.index)

  tags         = { Name = "egress-private-${count.index}" }
  vswitch_name = "egress-private-${count.index}"
}

# aws2ali: manual — aws_internet_gateway.this has no Alibaba Cloud translation.
# Why: An Alibaba Cloud VPC needs no gateway object for internet access: an instance with a public IP
#   (internet_max_bandwidth_out > 0), an EIP bound to an instance / ENI / NAT gateway, or an SNAT
#   entry on a NAT gateway reaches the internet directly. The closest object,
#   alicloud_vpc_ipv4_gateway, is optional and, once enabled, changes how all public-IP traffic of the
#   VPC is routed (it must then be the next hop of 0.0.0.0/0 in the route tables) — so it is not
#   injected silently. Routes whose target is this gateway (aws_route.gateway_id, aws_route_table
#   route.gateway_id) are dropped by the route-target / route-table transforms.
# To do: Usually nothing: make sure public instances get a public IP or EIP and private subnets have a
#   NAT gateway with SNAT entries (the nat-gateway transform emits them). Only if you need centralised
#   control of public traffic, add alicloud_vpc_ipv4_gateway { vpc_id, ipv4_gateway_name, enabled =
#   true, internet_mode = "public" }, alicloud_vpc_gateway_route_table_attachment for its route table,
#   and alicloud_route_entry { destination_cidrblock = "0.0.0.0/0", nexthop_type = "Ipv4Gateway",
#   nexthop_id = <gateway id> } in each public route table — after reading the IPv4 gateway
#   documentation on its effect on existing EIPs.
# resource "aws_internet_gateway" "this" {
#   vpc_id = aws_vpc.this.id
# }

resource "alicloud_route_table" "public" {
  vpc_id         = alicloud_vpc.this.id
  associate_type = "VSwitch"
}

resource "alicloud_route_table_attachment" "public" {
  vswitch_id     = alicloud_vswitch.public.id
  route_table_id = alicloud_route_table.public.id
}

# --- NAT -------------------------------------------------------------------

resource "alicloud_eip_address" "nat" {
  tags                 = { Name = "egress-nat-eip" }
  address_name         = "egress-nat-eip"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByTraffic"
  bandwidth            = "200"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_nat_gateway" "this" {
  vswitch_id = alicloud_vswitch.public.id

  tags                 = { Name = "egress-nat" }
  nat_gateway_name     = "egress-nat"
  nat_type             = "Enhanced"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByLcu"
  vpc_id               = alicloud_vpc.this.id

  # The NAT needs the IGW to be attached before it can route traffic.
}

resource "alicloud_eip_association" "this" {
  allocation_id = alicloud_eip_address.nat.id
  instance_id   = alicloud_nat_gateway.this.id
  instance_type = "Nat"
}

resource "alicloud_snat_entry" "this" {
  count             = length(alicloud_vswitch.private)
  snat_table_id     = alicloud_nat_gateway.this.snat_table_ids
  source_vswitch_id = alicloud_vswitch.private[count.index].id
  snat_ip           = alicloud_eip_address.nat.ip_address
}

resource "alicloud_route_table" "private" {
  vpc_id = alicloud_vpc.this.id

  tags             = { Name = "egress-private-rt" }
  route_table_name = "egress-private-rt"
  associate_type   = "VSwitch"
}

resource "alicloud_route_entry" "private_default" {
  route_table_id        = alicloud_route_table.private.id
  destination_cidrblock = "0.0.0.0/0"
  nexthop_type          = "NatGateway"
  nexthop_id            = alicloud_nat_gateway.this.id
}

resource "alicloud_route_table_attachment" "private" {
  count          = length(alicloud_vswitch.private)
  vswitch_id     = alicloud_vswitch.private[count.index].id
  route_table_id = alicloud_route_table.private.id
}

# --- Public hosts with fixed IPs ------------------------------------------------

resource "alicloud_instance" "bastion" {
  image_id      = var.bastion_ami_id
  instance_type = "ecs.t6-c2m1.large"
  vswitch_id    = alicloud_vswitch.public.id

  tags                 = { Name = "bastion" }
  instance_name        = "bastion"
  instance_charge_type = "PostPaid"
  system_disk_category = "cloud_essd"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

# Old style: the EIP itself points at the instance.
resource "alicloud_eip_address" "bastion" {
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByTraffic"
  bandwidth            = "200"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_eip_association" "bastion" {
  allocation_id = alicloud_eip_address.bastion.id
  instance_id   = alicloud_instance.bastion.id
  instance_type = "EcsInstance"
}

resource "alicloud_instance" "sftp" {
  image_id      = var.bastion_ami_id
  instance_type = "ecs.t6-c1m1.large"
  vswitch_id    = alicloud_vswitch.public.id

  tags                 = { Name = "partner-sftp" }
  instance_name        = "partner-sftp"
  instance_charge_type = "PostPaid"
  system_disk_category = "cloud_essd"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

# New style: allocate once, associate separately so the IP survives instance replacement.
resource "alicloud_eip_address" "sftp" {
  tags                 = { Name = "partner-sftp-eip" }
  address_name         = "partner-sftp-eip"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByTraffic"
  bandwidth            = "200"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_eip_association" "sftp" {
  instance_id   = alicloud_instance.sftp.id
  allocation_id = alicloud_eip_address.sftp.id
  instance_type = "EcsInstance"
}

output "nat_public_ip" {
  value = alicloud_eip_address.nat.ip_address
}

output "sftp_public_ip" {
  value = alicloud_eip_address.sftp.ip_address
}
