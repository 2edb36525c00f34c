# Primary provider: region comes from var.region so the same root module can be
# applied per environment with a different tfvars file.
provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Team        = "platform"
      Environment = var.environment
      ManagedBy   = "terraform"
      CostCenter  = "cc-4711"
    }
  }
}

# DR / replication target. Resources opt in with `provider = aws.dr`.
# FIXME: static credentials were added for a one-off test and never removed.
# These are placeholders only - real keys must come from the environment or SSO.
provider "aws" {
  alias      = "dr"
  region     = "eu-west-1"
  access_key = "AKIAEXAMPLEEXAMPLE12"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

  default_tags {
    tags = {
      Team        = "platform"
      Environment = var.environment
      ManagedBy   = "terraform"
      Purpose     = "disaster-recovery"
    }
  }
}

# Small smoke-test resources so both providers are actually used.
resource "aws_s3_bucket" "artifacts" {
  bucket = "acme-${var.environment}-artifacts"
}

resource "aws_s3_bucket" "artifacts_dr" {
  provider = aws.dr
  bucket   = "acme-${var.environment}-artifacts-dr"
}
