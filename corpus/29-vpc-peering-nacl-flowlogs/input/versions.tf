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
  region = "us-east-1"

  default_tags {
    tags = { Stack = "analytics-network", ManagedBy = "terraform" }
  }
}

# Shared-services account, us-east-2.
provider "aws" {
  alias  = "peer"
  region = "us-east-2"

  assume_role {
    role_arn = "arn:aws:iam::210987654321:role/network-automation"
  }

  default_tags {
    tags = { Stack = "analytics-network", ManagedBy = "terraform" }
  }
}
