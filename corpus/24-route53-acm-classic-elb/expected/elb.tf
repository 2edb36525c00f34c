data "alicloud_images" "web" {
  most_recent = true
  owners      = "others" # our Packer-built images
  name_regex  = "^timesheets-web-.*$"
}

# aws2ali: manual — data.aws_elb_service_account.main has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_elb_service_account yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/data.aws_elb_service_account.yaml.
# data "aws_elb_service_account" "main" {}

resource "alicloud_security_group" "elb" {
  security_group_name = "timesheets-elb"
  vpc_id              = alicloud_vpc.legacy.id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "elb_ingress" {
  security_group_id = alicloud_security_group.elb.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "10.0.0.0/8"
}

resource "alicloud_security_group_rule" "elb_egress" {
  security_group_id = alicloud_security_group.elb.id
  type              = "egress"
  ip_protocol       = "tcp"
  port_range        = "8080/8080"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "10.0.0.0/8"
}

resource "alicloud_security_group" "web" {
  security_group_name = "timesheets-web"
  vpc_id              = alicloud_vpc.legacy.id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "web_ingress" {
  security_group_id = alicloud_security_group.web.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "8080/8080"
  nic_type          = "intranet"
  policy            = "accept"
}

resource "alicloud_security_group_rule" "web_egress" {
  security_group_id = alicloud_security_group.web.id
  type              = "egress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_ram_role" "web" {
  role_name = "timesheets-web"
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

# aws2ali: manual — aws_iam_role_policy_attachment.web_ssm has no Alibaba Cloud translation.
# Why: The AWS managed policy AmazonSSMManagedInstanceCore has no known RAM system policy
#   (iam-managed-policies value map); **unsure**: ECS Cloud Assistant and its session manager need no
#   policy on the instance's RAM role; check what the instances' commands call.
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "web_ssm" {
#   role       = aws_iam_role.web.name
#   policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
# }

# aws2ali: aws_iam_instance_profile.web is not emitted as a resource: ECS takes the RAM role directly
#   (alicloud_ecs_ram_role_attachment, or ram_role_name on instances, launch templates and node
#   pools); there is no instance profile. References to it now name alicloud_ram_role.web.
# resource "aws_iam_instance_profile" "web" {
#   name = "timesheets-web"
#   role = aws_iam_role.web.name
# }

resource "alicloud_instance" "web" {
  count = var.instance_count

  image_id        = data.alicloud_images.web.images[0].id
  instance_type   = "ecs.t6-c1m2.large"
  vswitch_id      = element(alicloud_vswitch.public[*].id, count.index)
  security_groups = [alicloud_security_group.web.id]

  tags                  = merge(local.aws2ali_default_tags, { Name = format("timesheets-web-%02d", count.index + 1) })
  system_disk_size      = 20
  system_disk_encrypted = true
  instance_name         = format("timesheets-web-%02d", count.index + 1)
  instance_charge_type  = "PostPaid"
  system_disk_category  = "cloud_essd"
  resource_group_id     = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_ecs_ram_role_attachment" "web" {
  count         = var.instance_count
  instance_id   = alicloud_instance.web[count.index].id
  ram_role_name = alicloud_ram_role.web.role_name
}

resource "alicloud_oss_bucket" "elb_logs" {
  bucket            = "acme-timesheets-elb-logs"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket_policy" "elb_logs" {
  bucket = alicloud_oss_bucket.elb_logs.id
  policy = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "oss:PutObject"
        Principal = [var.aws2ali_data_aws_elb_service_account_main_arn]
        Resource  = "acs:oss:*:*:${alicloud_oss_bucket.elb_logs.bucket}/timesheets/AWSLogs/*"
      },
    ]
  })
}

resource "alicloud_slb_load_balancer" "app" {
  load_balancer_name   = "timesheets"
  vswitch_id           = alicloud_vswitch.public[0].id
  address_type         = "intranet"
  instance_charge_type = "PayByCLCU"
  payment_type         = "PayAsYouGo"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
  tags                 = local.aws2ali_default_tags

  depends_on = [alicloud_oss_bucket_policy.elb_logs]
}

resource "alicloud_slb_listener" "app_443" {
  load_balancer_id          = alicloud_slb_load_balancer.app.id
  frontend_port             = 443
  backend_port              = 8080
  protocol                  = "https"
  bandwidth                 = -1
  health_check              = "on"
  health_check_uri          = "/status"
  health_check_connect_port = 8080
  health_check_interval     = 30
  health_check_timeout      = 5
  healthy_threshold         = 2
  unhealthy_threshold       = 3
  server_certificate_id     = var.aws2ali_aws_elb_app_server_certificate_id
}

resource "alicloud_slb_backend_server" "app" {
  load_balancer_id = alicloud_slb_load_balancer.app.id
  dynamic "backend_servers" {
    for_each = alicloud_instance.web[*].id
    content {
      server_id = backend_servers.value
      weight    = 100
    }
  }
}
