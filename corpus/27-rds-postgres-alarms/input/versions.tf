terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.45"
    }
  }

  backend "s3" {
    bucket = "acme-tfstate-123456789012-us-east-1"
    key    = "data/billing-db/terraform.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      Service   = "billing"
      Component = "database"
      ManagedBy = "terraform"
    }
  }
}
