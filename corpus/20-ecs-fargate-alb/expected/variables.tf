variable "environment" {
  type    = string
  default = "prod"
}

variable "domain" {
  type    = string
  default = "example.com"
}

variable "image_tag" {
  type    = string
  default = "1.14.2"
}

variable "cpu" {
  type    = number
  default = 512

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096], var.cpu)
    error_message = "Fargate CPU must be one of 256, 512, 1024, 2048, 4096."
  }
}

variable "memory" {
  type    = number
  default = 1024
}

variable "ingress_cidrs" {
  description = "Who may reach the ALB. Public service, but keep it a map so office-only envs can narrow it."
  type        = map(string)
  default = {
    ipv4-any = "0.0.0.0/0"
  }
}

variable "min_tasks" {
  type    = number
  default = 2
}

variable "max_tasks" {
  type    = number
  default = 12
}
