terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket = "acme-org-tfstate-111111111111"
    key    = "org/baseline.tfstate"
    region = "us-east-1"
  }
}

# Management account (where Organizations lives).
provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = { ManagedBy = "terraform", Stack = "org-baseline" }
  }
}

# Shared-services account, one alias per operating region.
provider "aws" {
  alias  = "us"
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${var.shared_services_account_id}:role/OrganizationAccountAccessRole"
    session_name = "terraform-org-baseline"
  }

  default_tags {
    tags = { ManagedBy = "terraform", Stack = "org-baseline" }
  }
}

provider "aws" {
  alias  = "eu"
  region = "eu-west-1"

  assume_role {
    role_arn     = "arn:aws:iam::${var.shared_services_account_id}:role/OrganizationAccountAccessRole"
    session_name = "terraform-org-baseline"
  }

  default_tags {
    tags = { ManagedBy = "terraform", Stack = "org-baseline" }
  }
}
