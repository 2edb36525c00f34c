provider "alicloud" {
  region = var.region

  # Every resource gets the baseline tags; resources add Name/Component themselves.
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}
