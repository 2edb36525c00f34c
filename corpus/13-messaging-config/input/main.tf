terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      Project = "orders"
      Env     = var.environment
    }
  }
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}
