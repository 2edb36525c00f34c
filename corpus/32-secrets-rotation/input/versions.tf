terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.50"
    }
  }
}

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = { Stack = "db-credentials", ManagedBy = "terraform" }
  }
}
