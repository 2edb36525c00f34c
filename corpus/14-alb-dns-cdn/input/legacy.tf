# The old checkout still runs on one instance behind a classic ELB; scheduled for retirement in Q3.
resource "aws_instance" "checkout_legacy" {
  ami                    = var.app_ami
  instance_type          = "m5.large"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.app.id]

  tags = { Name = "checkout-legacy" }
}

resource "aws_ec2_tag" "checkout_owner" {
  resource_id = aws_instance.checkout_legacy.id
  key         = "Owner"
  value       = "payments-team"
}

resource "aws_elb" "checkout" {
  name            = "checkout-legacy"
  internal        = true
  subnets         = aws_subnet.private[*].id
  security_groups = [aws_security_group.alb.id]
  instances       = [aws_instance.checkout_legacy.id]

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = aws_acm_certificate.shop.arn
  }

  health_check {
    target              = "HTTP:8080/health"
    interval            = 30
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  idle_timeout                = 60
  connection_draining         = true
  connection_draining_timeout = 300
  cross_zone_load_balancing   = true
}
