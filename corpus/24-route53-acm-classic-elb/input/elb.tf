data "aws_ami" "web" {
  most_recent = true
  owners      = ["123456789012"] # our Packer-built images

  filter {
    name   = "name"
    values = ["timesheets-web-*"]
  }
}

data "aws_elb_service_account" "main" {}

resource "aws_security_group" "elb" {
  name   = "timesheets-elb"
  vpc_id = aws_vpc.legacy.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"] # intranet only
  }

  egress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group" "web" {
  name   = "timesheets-web"
  vpc_id = aws_vpc.legacy.id

  ingress {
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [aws_security_group.elb.id]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_role" "web" {
  name = "timesheets-web"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "web_ssm" {
  role       = aws_iam_role.web.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "web" {
  name = "timesheets-web"
  role = aws_iam_role.web.name
}

resource "aws_instance" "web" {
  count = var.instance_count

  ami                    = data.aws_ami.web.id
  instance_type          = "t3.medium"
  subnet_id              = element(aws_subnet.public[*].id, count.index)
  iam_instance_profile   = aws_iam_instance_profile.web.name
  vpc_security_group_ids = [aws_security_group.web.id]

  root_block_device {
    volume_size = 20
    encrypted   = true
  }

  tags = { Name = format("timesheets-web-%02d", count.index + 1) }
}

resource "aws_s3_bucket" "elb_logs" {
  bucket = "acme-timesheets-elb-logs"
}

resource "aws_s3_bucket_policy" "elb_logs" {
  bucket = aws_s3_bucket.elb_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ElbAccessLogs"
      Effect    = "Allow"
      Principal = { AWS = data.aws_elb_service_account.main.arn }
      Action    = "s3:PutObject"
      Resource  = "${aws_s3_bucket.elb_logs.arn}/timesheets/AWSLogs/*"
    }]
  })
}

resource "aws_elb" "app" {
  name            = "timesheets"
  subnets         = aws_subnet.public[*].id
  security_groups = [aws_security_group.elb.id]
  internal        = true
  instances       = aws_instance.web[*].id

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = aws_acm_certificate_validation.app.certificate_arn
  }

  health_check {
    target              = "HTTP:8080/status"
    interval            = 30
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  access_logs {
    bucket        = aws_s3_bucket.elb_logs.bucket
    bucket_prefix = "timesheets"
    interval      = 60
  }

  cross_zone_load_balancing   = true
  connection_draining         = true
  connection_draining_timeout = 120

  depends_on = [aws_s3_bucket_policy.elb_logs]
}
