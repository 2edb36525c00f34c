variable "region" {
  description = "Region the shop runs in."
  type        = string
}

variable "environment" {
  description = "dev | staging | prod"
  type        = string
}

variable "vpc_cidr" {
  type    = string
  default = "10.100.0.0/16"
}

variable "az_count" {
  description = "Number of AZs to spread subnets, NATs and nodes across."
  type        = number
  default     = 3
}

variable "eks_version" {
  type    = string
  default = "1.29"
}

variable "shared_services_vpc_cidr" {
  description = "CIDR of the shared-services VPC (CI runners, artifact cache) behind the core TGW."
  type        = string
}

# --- Derived values -------------------------------------------------------------

locals {
  name = "webshop-${var.environment}"
  azs  = slice(data.alicloud_zones.available.zones[*].id, 0, var.az_count)

  # Prod gets one NAT per AZ; everything else shares a single NAT to save money.
  nat_count = var.environment == "prod" ? var.az_count : 1

  common_tags = {
    Project     = "webshop"
    Environment = var.environment
    ManagedBy   = "terraform"
    Repository  = "github.com/acme/webshop-infra"
  }
}

# Team-wide tagging convention (owner, cost center, data class) lives in a module
# so it can be shared with the other product repos once we extract it.
module "tags" {
  source = "./modules/tags"

  environment = var.environment
  service     = "webshop"
  owner       = "team-checkout"
  cost_center = "cc-2042"
}
