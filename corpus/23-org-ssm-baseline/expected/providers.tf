terraform {
  required_version = ">= 1.5.0"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }

  backend "oss" {
    bucket = "acme-org-tfstate-111111111111"
    key    = "baseline.tfstate"
    region = "us-east-1"
    prefix = "org"
  }
}

# Management account (where Organizations lives).
provider "alicloud" {
  region = "us-east-1"
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}

# Shared-services account, one alias per operating region.
provider "alicloud" {
  alias  = "us"
  region = "us-east-1"

  assume_role {
    role_arn     = var.alicloud_assume_role_arn
    session_name = "terraform-org-baseline"
  }
}

provider "alicloud" {
  alias  = "eu"
  region = "eu-west-1"

  assume_role {
    role_arn     = var.alicloud_assume_role_arn
    session_name = "terraform-org-baseline"
  }
}
