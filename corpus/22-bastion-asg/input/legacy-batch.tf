# Legacy nightly batch fleet. Launch configurations are deprecated;
# TODO(ops#1203): move to a launch template together with the vendor agent upgrade.
resource "aws_launch_configuration" "batch" {
  name_prefix          = "batch-"
  image_id             = data.aws_ami.al2_x86.id
  instance_type        = "m5.large"
  iam_instance_profile = aws_iam_instance_profile.bastion.name
  security_groups      = [aws_security_group.bastion.id]

  root_block_device {
    volume_size = 50
    encrypted   = true
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_autoscaling_group" "batch" {
  name                 = "batch-${aws_launch_configuration.batch.name}"
  launch_configuration = aws_launch_configuration.batch.name
  min_size             = 0
  max_size             = 4
  desired_capacity     = var.batch_capacity
  vpc_zone_identifier  = [data.aws_subnet.public.id]

  tag {
    key                 = "Name"
    value               = "batch"
    propagate_at_launch = true
  }

  lifecycle {
    create_before_destroy = true
  }
}
