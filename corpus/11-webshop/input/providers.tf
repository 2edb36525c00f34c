provider "aws" {
  region = var.region

  # Every resource gets the baseline tags; resources add Name/Component themselves.
  default_tags {
    tags = local.common_tags
  }
}
