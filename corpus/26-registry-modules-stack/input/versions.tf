terraform {
  required_version = ">= 1.5.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.61, < 6.0"
    }
  }

  backend "s3" {
    bucket         = "acme-tfstate-123456789012-us-east-1"
    key            = "products/ledger/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = "acme-tf-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = local.region

  default_tags {
    tags = local.tags
  }
}
