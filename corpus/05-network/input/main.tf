# Core network for the "apps" environment: one VPC, /24 public subnets for load
# balancers, larger private subnets for workloads, spread across three AZs.

variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "az_count" {
  type    = number
  default = 3
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "apps-vpc" }
}

# 10.20.0.0/24, 10.20.1.0/24, 10.20.2.0/24
resource "aws_subnet" "public" {
  count                   = var.az_count
  vpc_id                  = aws_vpc.main.id
  cidr_block              = cidrsubnet(var.vpc_cidr, 8, count.index)
  availability_zone       = data.aws_availability_zones.available.names[count.index]
  map_public_ip_on_launch = true

  tags = { Name = "apps-public-${count.index}", Tier = "public" }
}

# 10.20.16.0/20, 10.20.32.0/20, 10.20.48.0/20
resource "aws_subnet" "private" {
  count             = var.az_count
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index + 1)
  availability_zone = data.aws_availability_zones.available.names[count.index]

  tags = { Name = "apps-private-${count.index}", Tier = "private" }
}

# Legacy bastion subnet - pinned to us-east-1a because the old EBS snapshots live there.
# TODO(platform): drop once the bastion is replaced by SSM Session Manager.
resource "aws_subnet" "bastion" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.250.0/24"
  availability_zone = "us-east-1a"

  tags = { Name = "apps-bastion" }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id

  tags = { Name = "apps-igw" }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }

  tags = { Name = "apps-public-rt" }
}

resource "aws_route_table_association" "public" {
  count          = var.az_count
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_security_group" "web" {
  name        = "apps-web"
  description = "HTTPS from the internet to the public load balancers"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Kept separate so the app team can add rules without touching the SG itself.
resource "aws_security_group_rule" "web_http_redirect" {
  type              = "ingress"
  description       = "HTTP, redirected to HTTPS by the LB"
  from_port         = 80
  to_port           = 80
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.web.id
}

output "vpc_id" {
  value = aws_vpc.main.id
}

output "public_subnet_ids" {
  value = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "private_subnet_cidrs" {
  value = aws_subnet.private[*].cidr_block
}
