resource "aws_launch_configuration" "app" {
  name_prefix                 = "storefront-app-"
  image_id                    = var.app_ami
  instance_type               = "m5.large"
  security_groups             = [aws_security_group.app.id]
  associate_public_ip_address = false
  user_data                   = file("${path.module}/cloud-init/app.yaml")

  root_block_device {
    volume_type = "gp3"
    volume_size = 30
    encrypted   = true
  }

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_autoscaling_group" "app" {
  name                      = "storefront-app"
  min_size                  = 2
  max_size                  = 6
  desired_capacity          = 2
  launch_configuration      = aws_launch_configuration.app.name
  vpc_zone_identifier       = aws_subnet.private[*].id
  target_group_arns         = [aws_lb_target_group.web.arn, aws_lb_target_group.events.arn]
  load_balancers            = [aws_elb.checkout.name]
  health_check_type         = "ELB"
  health_check_grace_period = 120

  tag {
    key                 = "Name"
    value               = "storefront-app"
    propagate_at_launch = true
  }
}
