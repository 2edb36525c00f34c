terraform {
  required_version = ">= 1.5"
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.4"
    }
  }
}

provider "alicloud" {
  region = var.region
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}

data "alicloud_caller_identity" "current" {}

resource "alicloud_vpc" "main" {
  cidr_block          = "10.40.0.0/16"
  dns_hostname_status = "ENABLED"

  tags = merge(local.aws2ali_default_tags, {
    Name = "orders-${var.environment}"
  })
  vpc_name          = "orders-${var.environment}"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_vswitch" "private" {
  count      = 2
  vpc_id     = alicloud_vpc.main.id
  cidr_block = cidrsubnet(alicloud_vpc.main.cidr_block, 3, count.index)
  zone_id    = element(var.azs, count.index)

  tags = merge(local.aws2ali_default_tags, {
    Name = "orders-private-${count.index}"
  })
  vswitch_name = "orders-private-${count.index}"
}

resource "alicloud_security_group" "app" {
  security_group_name = "orders-app"
  description         = "Application tier"
  vpc_id              = alicloud_vpc.main.id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "app_egress" {
  security_group_id = alicloud_security_group.app.id
  type              = "egress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_security_group" "data" {
  security_group_name = "orders-data"
  description         = "Databases and cache"
  vpc_id              = alicloud_vpc.main.id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "data_ingress" {
  security_group_id = alicloud_security_group.data.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "3306/3306"
  nic_type          = "intranet"
  policy            = "accept"
}

resource "alicloud_security_group_rule" "data_ingress_2" {
  security_group_id = alicloud_security_group.data.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "6379/6379"
  nic_type          = "intranet"
  policy            = "accept"
}
