terraform {
  required_version = ">= 1.5.0"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }
}

provider "alicloud" {
  region = "eu-west-1"
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}
