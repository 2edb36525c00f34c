terraform {
  required_version = "~> 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.50"
    }
  }

  backend "s3" {
    bucket  = "acme-tfstate-123456789012-us-east-2"
    key     = "delivery/checkout-pipeline.tfstate"
    region  = "us-east-2"
    encrypt = true
  }
}

provider "aws" {
  region = "us-east-2"

  default_tags {
    tags = {
      Owner     = "team-checkout"
      ManagedBy = "terraform"
    }
  }
}
