terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = var.primary_region

  default_tags {
    tags = {
      Service     = "ledger"
      Environment = var.environment
    }
  }
}

# Warm standby. Everything in dr.tf opts in with provider = aws.standby.
provider "aws" {
  alias  = "standby"
  region = var.standby_region
}
