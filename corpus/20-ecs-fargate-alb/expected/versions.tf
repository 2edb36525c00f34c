terraform {
  required_version = ">= 1.5.0"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }

  backend "oss" {
    bucket              = "acme-tfstate-123456789012-eu-central-1"
    key                 = "terraform.tfstate"
    region              = "eu-central-1"
    prefix              = "apps/catalog"
    tablestore_table    = "acme-tf-locks"
    tablestore_endpoint = "https://tf-acme-tfstate.eu-central-1.ots.aliyuncs.com"
  }
}

provider "alicloud" {
  region = "eu-central-1"
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}
