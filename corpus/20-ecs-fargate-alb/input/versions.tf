terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }

  backend "s3" {
    bucket         = "acme-tfstate-123456789012-eu-central-1"
    key            = "apps/catalog/terraform.tfstate"
    region         = "eu-central-1"
    dynamodb_table = "acme-tf-locks"
  }
}

provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      Application = "catalog"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
