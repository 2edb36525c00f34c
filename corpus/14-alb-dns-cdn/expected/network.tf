data "alicloud_zones" "available" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_vpc" "main" {
  cidr_block          = "10.40.0.0/16"
  dns_hostname_status = "ENABLED"

  tags              = merge(local.aws2ali_default_tags, { Name = "storefront" })
  vpc_name          = "storefront"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_vswitch" "public" {
  count      = 2
  vpc_id     = alicloud_vpc.main.id
  cidr_block = cidrsubnet("10.40.0.0/16", 8, count.index)
  zone_id    = data.alicloud_zones.available.zones[count.index].id

  tags         = merge(local.aws2ali_default_tags, { Name = "storefront-public-${count.index}" })
  vswitch_name = "storefront-public-${count.index}"
}

resource "alicloud_vswitch" "private" {
  count      = 2
  vpc_id     = alicloud_vpc.main.id
  cidr_block = cidrsubnet("10.40.0.0/16", 8, count.index + 10)
  zone_id    = data.alicloud_zones.available.zones[count.index].id

  tags         = merge(local.aws2ali_default_tags, { Name = "storefront-private-${count.index}" })
  vswitch_name = "storefront-private-${count.index}"
}

resource "alicloud_security_group" "alb" {
  security_group_name = "storefront-alb"
  description         = "Public HTTP/HTTPS"
  vpc_id              = alicloud_vpc.main.id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "alb_ingress" {
  security_group_id = alicloud_security_group.alb.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "80/80"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_security_group_rule" "alb_ingress_2" {
  security_group_id = alicloud_security_group.alb.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_security_group_rule" "alb_egress" {
  security_group_id = alicloud_security_group.alb.id
  type              = "egress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_security_group" "app" {
  security_group_name = "storefront-app"
  description         = "App tier, reachable from the load balancers only"
  vpc_id              = alicloud_vpc.main.id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "app_ingress" {
  security_group_id = alicloud_security_group.app.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "8080/8080"
  nic_type          = "intranet"
  policy            = "accept"
}
