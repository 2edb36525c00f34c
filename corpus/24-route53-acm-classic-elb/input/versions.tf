terraform {
  required_version = ">= 1.3.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      App       = "timesheets"
      ManagedBy = "terraform"
      # Scheduled for the ALB migration in Q3, see ADR-0042.
      Lifecycle = "legacy"
    }
  }
}
