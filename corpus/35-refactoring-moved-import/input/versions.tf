terraform {
  # removed blocks need 1.7+.
  required_version = ">= 1.7.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = { App = "reporting", ManagedBy = "terraform" }
  }
}
