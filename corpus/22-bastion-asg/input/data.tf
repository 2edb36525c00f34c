data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_vpc" "shared" {
  tags = { Name = var.vpc_name }
}

data "aws_subnet" "public" {
  vpc_id            = data.aws_vpc.shared.id
  availability_zone = data.aws_availability_zones.available.names[0]
  tags              = { Tier = "public" }
}

# Bastion ASG: the AL2023 alias AWS publishes, so refreshes pick up patches.
data "aws_ssm_parameter" "al2023_arm" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
}

# Batch hosts stay on x86 (a vendor agent has no arm build).
data "aws_ami" "al2_x86" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["amzn2-ami-hvm-*-x86_64-gp2"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

data "aws_ec2_instance_type" "bastion" {
  instance_type = var.instance_type
}

locals {
  name = "bastion"
  # The AL2023 arm64 image only boots on Graviton types.
  bastion_arch_ok = contains(data.aws_ec2_instance_type.bastion.supported_architectures, "arm64")
}
