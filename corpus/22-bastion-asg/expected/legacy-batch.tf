# Legacy nightly batch fleet. Launch configurations are deprecated;
# TODO(ops#1203): move to a launch template together with the vendor agent upgrade.
resource "alicloud_ess_scaling_configuration" "batch" {
  scaling_configuration_name = "batch-"
  image_id                   = data.alicloud_images.al2_x86.images[0].id
  instance_type              = "ecs.g6.large"
  role_name                  = alicloud_ram_role.bastion.role_name
  security_group_ids         = [alicloud_security_group.bastion.id]
  system_disk_size           = 50
  system_disk_encrypted      = true
  active                     = true
  enable                     = true
  scaling_group_id           = alicloud_ess_scaling_group.batch.id
  resource_group_id          = alicloud_resource_manager_resource_group.this.id
  tags                       = local.aws2ali_default_tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "alicloud_ess_scaling_group" "batch" {
  scaling_group_name = "batch-batch-"
  min_size           = 0
  max_size           = 4
  desired_capacity   = var.batch_capacity
  vswitch_ids        = [data.alicloud_vswitches.public.ids[0]]
  multi_az_policy    = "BALANCE"
  tags               = merge(local.aws2ali_default_tags, { Name = "batch" })
  resource_group_id  = alicloud_resource_manager_resource_group.this.id

  lifecycle {
    create_before_destroy = true
  }
}
