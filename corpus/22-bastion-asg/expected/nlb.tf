# Partners allowlist one address: a network load balancer with a fixed EIP in front of the
# bastion ASG, so the ASG can replace instances freely. Replaces the static bastion eventually.

resource "alicloud_eip_address" "nlb" {
  tags                 = merge(local.aws2ali_default_tags, { Name = "${local.name}-nlb" })
  address_name         = "${local.name}-nlb"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByTraffic"
  bandwidth            = "200"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id

  lifecycle {
    prevent_destroy = true # partners allowlisted this address
  }
}

resource "alicloud_nlb_load_balancer" "bastion" {
  load_balancer_name = "${local.name}-nlb"
  address_type       = "Internet"
  vpc_id             = var.aws2ali_aws_lb_bastion_vpc_id
  payment_type       = "PayAsYouGo"
  resource_group_id  = alicloud_resource_manager_resource_group.this.id
  tags               = local.aws2ali_default_tags

  zone_mappings {
    vswitch_id    = data.alicloud_vswitches.public.ids[0]
    allocation_id = alicloud_eip_address.nlb.id
    zone_id       = var.aws2ali_aws_lb_bastion_zone_1
  }
}

resource "alicloud_nlb_server_group" "ssh" {
  server_group_name        = "${local.name}-ssh"
  protocol                 = "TCP"
  vpc_id                   = data.alicloud_vpcs.shared.ids[0]
  connection_drain_enabled = true
  connection_drain_timeout = 10
  resource_group_id        = alicloud_resource_manager_resource_group.this.id
  tags                     = local.aws2ali_default_tags
  health_check {
    health_check_enabled  = true
    health_check_type     = "TCP"
    health_check_interval = 10
  }
}

resource "alicloud_nlb_listener" "ssh" {
  load_balancer_id  = alicloud_nlb_load_balancer.bastion.id
  listener_port     = 22
  listener_protocol = "TCP"
  server_group_id   = alicloud_nlb_server_group.ssh.id
  tags              = local.aws2ali_default_tags
}
