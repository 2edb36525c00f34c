terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  # One state file per environment; CI passes -backend-config=key=...
  backend "s3" {
    bucket         = "acme-tfstate-123456789012-us-east-1"
    key            = "orders-api/dev/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = "acme-tf-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Service     = "orders-api"
      Environment = var.environment
      ManagedBy   = "terraform"
      Repository  = "github.com/acme/orders-api"
    }
  }
}
