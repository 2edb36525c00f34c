variable "environment" {
  type    = string
  default = "prod"
}

variable "primary_region" {
  type    = string
  default = "us-east-1"
}

variable "standby_region" {
  type    = string
  default = "eu-west-1"
}

variable "subnets" {
  description = "Private subnets of the primary VPC, by name."
  type        = map(string)
  default = {
    app-a = "10.40.0.0/20"
    app-b = "10.40.16.0/20"
  }
}
