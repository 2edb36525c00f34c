terraform {
  required_version = ">= 1.5.0"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }

  backend "oss" {
    bucket = "acme-tfstate-123456789012-us-east-1"
    key    = "terraform.tfstate"
    region = "us-east-1"
    prefix = "data/billing-db"
  }
}

provider "alicloud" {
  region = "us-east-1"
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}
