resource "aws_security_group" "bastion" {
  name        = "${local.name}-sg"
  description = "Bastion hosts"
  vpc_id      = data.aws_vpc.shared.id

  dynamic "ingress" {
    for_each = var.create_static_bastion ? var.ssh_allowed : {}
    iterator = rule

    content {
      description = "ssh from ${rule.key}"
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = [rule.value]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_iam_role" "bastion" {
  name = "${local.name}-role"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "ssm" {
  role       = aws_iam_role.bastion.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "bastion" {
  name = "${local.name}-profile"
  role = aws_iam_role.bastion.name
}

resource "aws_launch_template" "bastion" {
  name_prefix   = "${local.name}-"
  image_id      = data.aws_ssm_parameter.al2023_arm.value
  instance_type = local.bastion_arch_ok ? var.instance_type : "t4g.small"

  iam_instance_profile {
    arn = aws_iam_instance_profile.bastion.arn
  }

  vpc_security_group_ids = [aws_security_group.bastion.id]

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 16
      volume_type = "gp3"
      encrypted   = true
    }
  }

  user_data = base64encode(<<-EOT
    #!/bin/bash
    dnf install -y amazon-ssm-agent postgresql15
    systemctl enable --now amazon-ssm-agent
  EOT
  )

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "${local.name}-asg" }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_autoscaling_group" "bastion" {
  name_prefix         = "${local.name}-"
  min_size            = 1
  max_size            = 1
  desired_capacity    = 1
  vpc_zone_identifier = [data.aws_subnet.public.id]
  health_check_type   = "EC2"
  target_group_arns   = [aws_lb_target_group.ssh.arn]

  launch_template {
    id      = aws_launch_template.bastion.id
    version = aws_launch_template.bastion.latest_version
  }

  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 0
    }
  }

  dynamic "tag" {
    for_each = { Role = "bastion", PatchGroup = "bastion-weekly" }
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
}

resource "aws_instance" "static" {
  count = var.create_static_bastion ? 1 : 0

  ami                    = data.aws_ssm_parameter.al2023_arm.value
  instance_type          = var.instance_type
  subnet_id              = data.aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.bastion.id]
  iam_instance_profile   = aws_iam_instance_profile.bastion.name
  key_name               = "bastion-2023"

  metadata_options {
    http_tokens = "required"
  }

  tags = { Name = "${local.name}-static" }

  # The AMI parameter moves weekly; replacing this host changes nothing but breaks partner sessions.
  lifecycle {
    ignore_changes = [ami]
  }
}

resource "aws_eip" "static" {
  count    = var.create_static_bastion ? 1 : 0
  domain   = "vpc"
  instance = aws_instance.static[count.index].id
  tags     = { Name = "${local.name}-static" }
}

resource "aws_ssm_parameter" "bastion_asg" {
  name  = "/access-hosts/bastion/asg-name"
  type  = "String"
  value = aws_autoscaling_group.bastion.name
}
