# Egress for private workloads via a single NAT gateway (cost trade-off: one NAT
# for all AZs in non-prod), plus two public hosts with static Elastic IPs that
# partners have allow-listed.

variable "bastion_ami_id" {
  description = "Hardened Amazon Linux 2023 image from the golden-AMI pipeline."
  type        = string
  default     = "ami-0123456789abcdef0"
}

resource "aws_vpc" "this" {
  cidr_block           = "10.30.0.0/16"
  enable_dns_hostnames = true

  tags = { Name = "egress-vpc" }
}

resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.this.id
  cidr_block              = "10.30.0.0/24"
  availability_zone       = "us-east-1a"
  map_public_ip_on_launch = true

  tags = { Name = "egress-public-a" }
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.this.id
  cidr_block        = "10.30.${10 + count.index}.0/24"
  availability_zone = element(["us-east-1a", "us-east-1b"], count.index)

  tags = { Name = "egress-private-${count.index}" }
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

# --- NAT -------------------------------------------------------------------

resource "aws_eip" "nat" {
  domain = "vpc"

  tags = { Name = "egress-nat-eip" }
}

resource "aws_nat_gateway" "this" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id

  tags = { Name = "egress-nat" }

  # The NAT needs the IGW to be attached before it can route traffic.
  depends_on = [aws_internet_gateway.this]
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this.id
  }

  tags = { Name = "egress-private-rt" }
}

resource "aws_route_table_association" "private" {
  count          = length(aws_subnet.private)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

# --- Public hosts with fixed IPs ------------------------------------------------

resource "aws_instance" "bastion" {
  ami           = var.bastion_ami_id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.public.id

  tags = { Name = "bastion" }
}

# Old style: the EIP itself points at the instance.
resource "aws_eip" "bastion" {
  domain   = "vpc"
  instance = aws_instance.bastion.id
}

resource "aws_instance" "sftp" {
  ami           = var.bastion_ami_id
  instance_type = "t3.small"
  subnet_id     = aws_subnet.public.id

  tags = { Name = "partner-sftp" }
}

# New style: allocate once, associate separately so the IP survives instance replacement.
resource "aws_eip" "sftp" {
  domain = "vpc"

  tags = { Name = "partner-sftp-eip" }
}

resource "aws_eip_association" "sftp" {
  instance_id   = aws_instance.sftp.id
  allocation_id = aws_eip.sftp.id
}

output "nat_public_ip" {
  value = aws_eip.nat.public_ip
}

output "sftp_public_ip" {
  value = aws_eip.sftp.public_ip
}
