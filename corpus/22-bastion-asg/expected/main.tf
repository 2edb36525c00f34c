resource "alicloud_security_group" "bastion" {
  security_group_name = "${local.name}-sg"
  description         = "Bastion hosts"
  vpc_id              = data.alicloud_vpcs.shared.ids[0]
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "alicloud_security_group_rule" "bastion_ingress" {
  for_each          = { for i, v in var.create_static_bastion ? var.ssh_allowed : {} : tostring(i) => v }
  security_group_id = alicloud_security_group.bastion.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = each.value
  description       = "ssh from ${each.key}"
}

resource "alicloud_security_group_rule" "bastion_egress" {
  security_group_id = alicloud_security_group.bastion.id
  type              = "egress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_ram_role" "bastion" {
  role_name = "${local.name}-role"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = "ecs.aliyuncs.com"
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

# aws2ali: manual — aws_iam_role_policy_attachment.ssm has no Alibaba Cloud translation.
# Why: The AWS managed policy AmazonSSMManagedInstanceCore has no known RAM system policy
#   (iam-managed-policies value map); **unsure**: ECS Cloud Assistant and its session manager need no
#   policy on the instance's RAM role; check what the instances' commands call.
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "ssm" {
#   role       = aws_iam_role.bastion.name
#   policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
# }

# aws2ali: aws_iam_instance_profile.bastion is not emitted as a resource: ECS takes the RAM role
#   directly (alicloud_ecs_ram_role_attachment, or ram_role_name on instances, launch templates and
#   node pools); there is no instance profile. References to it now name alicloud_ram_role.bastion.
# resource "aws_iam_instance_profile" "bastion" {
#   name = "${local.name}-profile"
#   role = aws_iam_role.bastion.name
# }

resource "alicloud_ecs_launch_template" "bastion" {
  image_id      = var.aws2ali_data_aws_ssm_parameter_al2023_arm_value
  instance_type = local.bastion_arch_ok ? var.instance_type : "t4g.small"

  security_group_ids = [alicloud_security_group.bastion.id]

  user_data = base64encode(<<-EOT
    #!/bin/bash
    dnf install -y amazon-ssm-agent postgresql15
    systemctl enable --now amazon-ssm-agent
  EOT
  )
  http_tokens                 = "required"
  http_put_response_hop_limit = 1
  instance_charge_type        = "PostPaid"
  ram_role_name               = alicloud_ram_role.bastion.role_name
  tags                        = merge(local.aws2ali_default_tags, { Name = "${local.name}-asg" })
  resource_group_id           = alicloud_resource_manager_resource_group.this.id
  system_disk {
    category          = "cloud_essd"
    size              = 20
    performance_level = "PL1"
    encrypted         = true
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "alicloud_ess_scaling_group" "bastion" {
  min_size                = 1
  max_size                = 1
  desired_capacity        = 1
  vswitch_ids             = [data.alicloud_vswitches.public.ids[0]]
  health_check_type       = "ECS"
  launch_template_id      = alicloud_ecs_launch_template.bastion.id
  launch_template_version = tostring(alicloud_ecs_launch_template.bastion.latest_version_number)
  multi_az_policy         = "BALANCE"
  tags                    = merge(local.aws2ali_default_tags, { for tag_key, tag_value in { Role = "bastion", PatchGroup = "bastion-weekly" } : tag_key => tag_value })
  resource_group_id       = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_ess_server_group_attachment" "bastion_ssh" {
  scaling_group_id = alicloud_ess_scaling_group.bastion.id
  server_group_id  = alicloud_nlb_server_group.ssh.id
  type             = "NLB"
  port             = 22
  weight           = 100
}

resource "alicloud_instance" "static" {
  count = var.create_static_bastion ? 1 : 0

  image_id        = var.aws2ali_data_aws_ssm_parameter_al2023_arm_value
  instance_type   = var.instance_type
  vswitch_id      = data.alicloud_vswitches.public.ids[0]
  security_groups = [alicloud_security_group.bastion.id]
  key_name        = "bastion-2023"

  tags                 = merge(local.aws2ali_default_tags, { Name = "${local.name}-static" })
  http_tokens          = "required"
  instance_name        = "${local.name}-static"
  instance_charge_type = "PostPaid"
  system_disk_category = "cloud_essd"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id

  # The AMI parameter moves weekly; replacing this host changes nothing but breaks partner sessions.
  lifecycle {
    ignore_changes = [image_id]
  }
}

resource "alicloud_ecs_ram_role_attachment" "static" {
  count         = var.create_static_bastion ? 1 : 0
  instance_id   = alicloud_instance.static[count.index].id
  ram_role_name = alicloud_ram_role.bastion.role_name
}

resource "alicloud_eip_address" "static" {
  count                = var.create_static_bastion ? 1 : 0
  tags                 = merge(local.aws2ali_default_tags, { Name = "${local.name}-static" })
  address_name         = "${local.name}-static"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByTraffic"
  bandwidth            = "200"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_eip_association" "static" {
  count         = var.create_static_bastion ? 1 : 0
  allocation_id = alicloud_eip_address.static[count.index].id
  instance_id   = alicloud_instance.static[count.index].id
  instance_type = "EcsInstance"
}

resource "alicloud_oos_parameter" "bastion_asg" {
  parameter_name    = "access-hosts/bastion/asg-name"
  type              = "String"
  value             = alicloud_ess_scaling_group.bastion.scaling_group_name
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}
