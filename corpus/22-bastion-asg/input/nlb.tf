# Partners allowlist one address: a network load balancer with a fixed EIP in front of the
# bastion ASG, so the ASG can replace instances freely. Replaces the static bastion eventually.

resource "aws_eip" "nlb" {
  domain = "vpc"
  tags   = { Name = "${local.name}-nlb" }

  lifecycle {
    prevent_destroy = true # partners allowlisted this address
  }
}

resource "aws_lb" "bastion" {
  name               = "${local.name}-nlb"
  load_balancer_type = "network"
  internal           = false

  subnet_mapping {
    subnet_id     = data.aws_subnet.public.id
    allocation_id = aws_eip.nlb.id
  }
}

resource "aws_lb_target_group" "ssh" {
  name                 = "${local.name}-ssh"
  port                 = 22
  protocol             = "TCP"
  vpc_id               = data.aws_vpc.shared.id
  deregistration_delay = 10

  health_check {
    protocol = "TCP"
    interval = 10
  }
}

resource "aws_lb_listener" "ssh" {
  load_balancer_arn = aws_lb.bastion.arn
  port              = 22
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ssh.arn
  }
}
