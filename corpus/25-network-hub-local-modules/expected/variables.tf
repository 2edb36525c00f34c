variable "region" {
  type    = string
  default = "us-east-1"
}

variable "environment" {
  type    = string
  default = "staging"
}

variable "cidr" {
  type    = string
  default = "10.20.0.0/16"

  validation {
    condition     = tonumber(split("/", var.cidr)[1]) <= 20
    error_message = "Spoke VPCs need at least a /20."
  }
}

variable "transit_gateway_id" {
  description = "Hub TGW shared via RAM from the network account."
  type        = string
  default     = "tgw-0abc123def4567890"
}

variable "interface_endpoints" {
  type    = set(string)
  default = ["ssm", "ssmmessages", "ec2messages", "logs", "sts", "ecr.api", "ecr.dkr"]
}
