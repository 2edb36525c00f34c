variable "vpc_id" {
  type    = string
  default = "vpc-0123456789abcdef0"
}

variable "app_subnets" {
  description = "Subnets (owned by the network team) the reporting hosts run in, keyed by color."
  type        = map(string)
  default = {
    blue  = "subnet-0123456789abcdef1"
    green = "subnet-0123456789abcdef2"
  }
}

variable "public_subnet_id" {
  description = "Public subnet the adopted NAT gateway sits in."
  type        = string
  default     = "subnet-0123456789abcdef9"
}

variable "instance_type" {
  type    = string
  default = "ecs.g7.large"
}

variable "ami_id" {
  type    = string
  default = "ami-0abcdef1234567890"
}
