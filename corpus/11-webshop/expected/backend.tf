# State bucket + lock table are created by the platform bootstrap stack
# (github.com/acme/platform-bootstrap), not here. One key per environment.
terraform {
  backend "oss" {
    bucket              = "acme-platform-tfstate-us-east-1"
    key                 = "terraform.tfstate"
    region              = "us-east-1"
    encrypt             = true
    prefix              = "webshop/prod"
    tablestore_table    = "acme-platform-tf-locks"
    tablestore_endpoint = "https://tf-acme-platform.us-east-1.ots.aliyuncs.com"
  }
}
