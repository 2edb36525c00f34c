resource "aws_lb" "web" {
  name               = "storefront-web"
  load_balancer_type = "application"
  internal           = false
  subnets            = aws_subnet.public[*].id
  security_groups    = [aws_security_group.alb.id]
  idle_timeout       = 120

  enable_deletion_protection = true
  drop_invalid_header_fields = true

  access_logs {
    bucket  = "storefront-lb-logs"
    prefix  = "web"
    enabled = true
  }
}

resource "aws_lb_target_group" "web" {
  name                 = "storefront-web"
  port                 = 8080
  protocol             = "HTTP"
  vpc_id               = aws_vpc.main.id
  deregistration_delay = 30

  health_check {
    path                = "/healthz"
    matcher             = "200-299"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 3
    unhealthy_threshold = 3
  }

  stickiness {
    type            = "lb_cookie"
    cookie_duration = 3600
    enabled         = true
  }
}

# The search service runs on Fargate-style IP targets managed outside this stack.
resource "aws_lb_target_group" "search" {
  name        = "storefront-search"
  port        = 9200
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = aws_vpc.main.id
  slow_start  = 60

  health_check {
    path    = "/_cluster/health"
    matcher = "200"
  }
}

resource "aws_lb_target_group_attachment" "search" {
  count            = 2
  target_group_arn = aws_lb_target_group.search.arn
  target_id        = cidrhost(aws_subnet.private[count.index].cidr_block, 50)
  port             = 9200
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.shop.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# Internal NLB for the order-events TCP feed consumed by the warehouse.
resource "aws_lb" "events" {
  name               = "storefront-events"
  load_balancer_type = "network"
  internal           = true

  subnet_mapping {
    subnet_id            = aws_subnet.private[0].id
    private_ipv4_address = "10.40.10.10"
  }

  subnet_mapping {
    subnet_id            = aws_subnet.private[1].id
    private_ipv4_address = "10.40.11.10"
  }

  enable_cross_zone_load_balancing = true
}

resource "aws_lb_target_group" "events" {
  name                 = "storefront-events"
  port                 = 7000
  protocol             = "TCP"
  vpc_id               = aws_vpc.main.id
  deregistration_delay = 60
  proxy_protocol_v2    = true

  health_check {
    protocol = "TCP"
    interval = 10
  }
}

resource "aws_lb_listener" "events" {
  load_balancer_arn = aws_lb.events.arn
  port              = 7000
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.events.arn
  }
}
