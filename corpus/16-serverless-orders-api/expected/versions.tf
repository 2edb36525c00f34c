terraform {
  required_version = ">= 1.5.0"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }

  # One state file per environment; CI passes -backend-config=key=...
  backend "oss" {
    bucket              = "acme-tfstate-123456789012-us-east-1"
    key                 = "terraform.tfstate"
    region              = "us-east-1"
    encrypt             = true
    prefix              = "orders-api/dev"
    tablestore_table    = "acme-tf-locks"
    tablestore_endpoint = "https://tf-acme-tfstate.us-east-1.ots.aliyuncs.com"
  }
}

provider "alicloud" {
  region = var.region
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}
