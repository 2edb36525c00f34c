# Remote state lives in the shared "tfstate" account. The bucket and lock table
# are created by bootstrap.tf (applied once with local state, then migrated).
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket         = "acme-platform-tfstate-us-east-1"
    key            = "platform/core/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = "acme-platform-tf-locks"
    encrypt        = true
    kms_key_id     = "alias/terraform-state"
    # Keeps per-workspace state under env:/<workspace>/... (the default, spelled out for clarity).
    workspace_key_prefix = "env:"
  }
}

provider "aws" {
  region = "us-east-1"
}
