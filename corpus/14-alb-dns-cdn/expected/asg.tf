resource "alicloud_ess_scaling_configuration" "app" {
  scaling_configuration_name = "storefront-app-"
  image_id                   = var.app_ami
  instance_type              = "ecs.g6.large"
  security_group_ids         = [alicloud_security_group.app.id]
  user_data                  = file("${path.module}/cloud-init/app.yaml")
  system_disk_category       = "cloud_essd"
  system_disk_size           = 30
  system_disk_encrypted      = true
  http_endpoint              = "enabled"
  active                     = true
  enable                     = true
  scaling_group_id           = alicloud_ess_scaling_group.app.id
  resource_group_id          = alicloud_resource_manager_resource_group.this.id
  tags                       = local.aws2ali_default_tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "alicloud_ess_scaling_group" "app" {
  scaling_group_name = "storefront-app"
  min_size           = 2
  max_size           = 6
  desired_capacity   = 2
  vswitch_ids        = alicloud_vswitch.private[*].id
  loadbalancer_ids   = [alicloud_slb_load_balancer.checkout.id]
  health_check_type  = "LOAD_BALANCER"
  multi_az_policy    = "BALANCE"
  tags               = merge(local.aws2ali_default_tags, { Name = "storefront-app" })
  resource_group_id  = alicloud_resource_manager_resource_group.this.id
  alb_server_group {
    alb_server_group_id = alicloud_alb_server_group.web.id
    port                = 8080
    weight              = 100
  }
}

resource "alicloud_ess_server_group_attachment" "app_events" {
  scaling_group_id = alicloud_ess_scaling_group.app.id
  server_group_id  = alicloud_nlb_server_group.events.id
  type             = "NLB"
  port             = 7000
  weight           = 100
}
