# State bucket + lock table are created by the platform bootstrap stack
# (github.com/acme/platform-bootstrap), not here. One key per environment.
terraform {
  backend "s3" {
    bucket         = "acme-platform-tfstate-us-east-1"
    key            = "webshop/prod/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = "acme-platform-tf-locks"
    encrypt        = true
  }
}
