terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = "ap-northeast-1"

  default_tags {
    tags = { Service = "inventory", ManagedBy = "terraform" }
  }
}
