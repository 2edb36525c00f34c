terraform {
  required_version = ">= 1.5"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }
}

provider "alicloud" {
  region = "eu-central-1"
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}

data "alicloud_regions" "current" {
  current = true
}

data "alicloud_caller_identity" "current" {}
