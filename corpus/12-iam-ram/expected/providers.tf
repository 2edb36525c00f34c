provider "alicloud" {
  region = var.region
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}

data "alicloud_caller_identity" "current" {}

data "alicloud_regions" "current" {
  current = true
}
