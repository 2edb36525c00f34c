# VPC and subnets come from the network stack.
data "terraform_remote_state" "network" {
  backend = "s3"

  config = {
    bucket = "acme-tfstate-123456789012-eu-central-1"
    key    = "network/${var.environment}/terraform.tfstate"
    region = "eu-central-1"
  }
}

data "alicloud_alidns_domains" "public" {
  domain_name_regex = format("^%s$", replace(trimsuffix(var.domain, "."), ".", "\\."))
}

data "alicloud_ssl_certificates_service_certificates" "wildcard" {
  keyword        = "*.${var.domain}"
  enable_details = true
}

data "alicloud_cr_ee_repos" "catalog" {
  name_regex  = "^api$"
  instance_id = var.acr_instance_id
  namespace   = "catalog"
}

data "alicloud_ram_policy_document" "ecs_tasks_assume" {
  version = "1"
}

locals {
  name            = "catalog-${var.environment}"
  vpc_id          = data.terraform_remote_state.network.outputs.vpc_id
  public_subnets  = data.terraform_remote_state.network.outputs.public_subnet_ids
  private_subnets = data.terraform_remote_state.network.outputs.private_subnet_ids
  container_port  = 8080
}
