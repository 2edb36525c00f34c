# Pin Terraform and the AWS provider so every engineer and the CI runner
# resolve the same plugin versions. Bump deliberately, never via ~> 5.x drift.
terraform {
  required_version = ">= 1.5.0, < 2.0.0"

  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
    }
  }
}
