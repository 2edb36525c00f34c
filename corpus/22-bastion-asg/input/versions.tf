terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.30"
    }
  }
}

provider "aws" {
  region = "us-west-2"

  default_tags {
    tags = {
      Stack     = "access-hosts"
      ManagedBy = "terraform"
    }
  }
}
