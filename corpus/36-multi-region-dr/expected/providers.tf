terraform {
  required_version = ">= 1.6"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }
}

provider "alicloud" {
  region = var.primary_region
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}

# Warm standby. Everything in dr.tf opts in with provider = aws.standby.
provider "alicloud" {
  alias  = "standby"
  region = var.standby_region
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}
