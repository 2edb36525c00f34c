data "alicloud_instance_types" "app" {
  instance_type = var.instance_type
}

locals {
  https_sources = {
    office = "198.51.100.0/24"
    vpn    = "10.255.0.0/20"
  }
}

resource "alicloud_security_group" "app" {
  security_group_name = "reporting-app"
  description         = "Reporting app hosts"
  vpc_id              = var.vpc_id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags

  # Rules are managed as separate resources; the console-created SG still has a description drift.
  lifecycle {
    ignore_changes = [description]
  }
}

resource "alicloud_security_group_rule" "https" {
  for_each = toset(each.value)

  security_group_id = alicloud_security_group.app.id
  description       = "https from ${each.key}"
  priority          = 1
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = each.value
}

resource "alicloud_security_group_rule" "all" {
  security_group_id = alicloud_security_group.app.id
  priority          = 1
  for_each          = toset("0.0.0.0/0")
  type              = "egress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = each.value
}

resource "alicloud_instance" "app" {
  for_each = var.app_subnets

  image_id        = var.ami_id
  instance_type   = var.instance_type
  vswitch_id      = each.value
  security_groups = [alicloud_security_group.app.id]

  tags                  = merge(local.aws2ali_default_tags, { Name = "reporting-${each.key}", Color = each.key })
  system_disk_size      = 40
  system_disk_encrypted = true
  instance_name         = "reporting-${each.key}"
  instance_charge_type  = "PostPaid"
  system_disk_category  = "cloud_essd"
  resource_group_id     = alicloud_resource_manager_resource_group.this.id

  lifecycle {
    precondition {
      condition     = (data.alicloud_instance_types.app.instance_types[0].memory_size * 1024) >= 8192
      error_message = "The reporting app needs at least 8 GiB of memory."
    }
    ignore_changes = [image_id]
  }
}

resource "alicloud_ecs_ram_role_attachment" "app" {
  for_each      = var.app_subnets
  instance_id   = alicloud_instance.app[each.key].id
  ram_role_name = alicloud_ram_role.app.role_name
}

# The subnets belong to the network team's stack; we only add our tag.
# aws2ali: manual — aws_ec2_tag.reporting_subnet has no Alibaba Cloud translation.
# Why: The alicloud provider has no resource that adds one tag to an arbitrary resource
#   (alicloud_tag_* resources are tag policies and meta tags). Tags live in each resource's tags map.
#   The ec2-tag transform merges key = value into the tags of the translated resource named by
#   resource_id and removes this block.
# To do: Nothing if the transform ran. For a literal resource id (a resource managed elsewhere) tag
#   the Alibaba resource in its own configuration or with the Tag API (aliyun tag TagResources).
# resource "aws_ec2_tag" "reporting_subnet" {
#   for_each = var.app_subnets
#
#   resource_id = each.value
#   key         = "reporting:color"
#   value       = each.key
# }

resource "alicloud_oss_bucket" "legacy_exports" {
  bucket            = "acme-reporting-legacy-exports"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags

  lifecycle {
    prevent_destroy = true
  }
}

module "reports_bucket" {
  source = "./modules/reports-bucket"

  name              = "acme-reporting-reports"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}
