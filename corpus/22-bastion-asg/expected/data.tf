data "alicloud_zones" "available" {
  available_resource_creation = "VSwitch"
}

data "alicloud_vpcs" "shared" {
  tags = { Name = var.vpc_name }
}

data "alicloud_vswitches" "public" {
  vpc_id  = data.alicloud_vpcs.shared.ids[0]
  zone_id = data.alicloud_zones.available.zones[0].id
  tags    = { Tier = "public" }
}

# Bastion ASG: the AL2023 alias AWS publishes, so refreshes pick up patches.
# aws2ali: manual — data.aws_ssm_parameter.al2023_arm has no Alibaba Cloud translation.
# Why: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64 is an AWS public
#   parameter; OOS has no public parameters.
# To do: Look the image up with data "alicloud_images" (name_regex, owners = "system") instead.
# data "aws_ssm_parameter" "al2023_arm" {
#   name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
# }

# Batch hosts stay on x86 (a vendor agent has no arm build).
data "alicloud_images" "al2_x86" {
  most_recent = true
  owners      = "system"
  name_regex  = "^aliyun_3_x64"
}

data "alicloud_instance_types" "bastion" {
  instance_type = var.instance_type
}

locals {
  name = "bastion"
  # The AL2023 arm64 image only boots on Graviton types.
  bastion_arch_ok = contains(var.aws2ali_data_aws_ec2_instance_type_bastion_supported_architectures, "arm64")
}
