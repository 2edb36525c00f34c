# Remote state lives in the shared "tfstate" account. The bucket and lock table
# are created by bootstrap.tf (applied once with local state, then migrated).
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }

  backend "oss" {
    bucket  = "acme-platform-tfstate-us-east-1"
    key     = "terraform.tfstate"
    region  = "us-east-1"
    encrypt = true
    # Keeps per-workspace state under env:/<workspace>/... (the default, spelled out for clarity).
    prefix              = "platform/core"
    tablestore_table    = "acme-platform-tf-locks"
    tablestore_endpoint = "https://tf-acme-platform.us-east-1.ots.aliyuncs.com"
  }
}

provider "alicloud" {
  region = "us-east-1"
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}
