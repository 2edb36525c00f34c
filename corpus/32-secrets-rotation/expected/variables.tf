variable "databases" {
  description = "Application databases that get their own rotated user."
  type = map(object({
    host     = string
    username = string
  }))
  default = {
    orders  = { host = "orders-prod.cluster-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com", username = "orders_app" }
    billing = { host = "billing-prod.c1a2b3c4d5e6.us-east-1.rds.amazonaws.com", username = "billing_app" }
  }
}

variable "rotation_days" {
  type    = number
  default = 30

  validation {
    condition     = var.rotation_days >= 1 && var.rotation_days <= 365
    error_message = "Rotation must happen between daily and yearly."
  }
}

variable "vpc_id" {
  type    = string
  default = "vpc-0fedcba9876543210"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"]
}

variable "rotation_code_s3_key" {
  description = "Built from aws-samples/aws-secrets-manager-rotation-lambdas (postgres multi-user)."
  type        = string
  default     = "rotation/postgresql-multiuser-2024.05.zip"
}
