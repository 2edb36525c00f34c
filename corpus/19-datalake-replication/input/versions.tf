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
    tags = local.tags
  }
}

# DR copies live in us-west-2.
provider "aws" {
  alias  = "replica"
  region = "us-west-2"

  default_tags {
    tags = merge(local.tags, { Replica = "true" })
  }
}
