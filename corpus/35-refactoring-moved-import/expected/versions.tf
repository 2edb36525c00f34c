terraform {
  # removed blocks need 1.7+.
  required_version = ">= 1.7.0"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }
}

provider "alicloud" {
  region = "us-east-1"
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}
