provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project   = "orders"
      ManagedBy = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}
