variable "team" {
  type    = string
  default = "data-science"
}

variable "members" {
  description = "IAM user name => metadata. Removing someone here deletes their user."
  type = map(object({
    email = string
    lead  = optional(bool, false)
  }))
  default = {
    "a.chen"      = { email = "a.chen@example.com", lead = true }
    "b.okafor"    = { email = "b.okafor@example.com" }
    "c.lindqvist" = { email = "c.lindqvist@example.com" }
  }

  validation {
    condition     = alltrue([for name in keys(var.members) : can(regex("^[a-z]\\.[a-z]+$", name))])
    error_message = "User names follow the initial.surname convention."
  }
}

variable "service_access" {
  description = "What the team may do, per service. Each entry becomes one IAM statement."
  type = map(object({
    actions   = list(string)
    resources = list(string)
  }))
  default = {
    sagemaker = {
      actions   = ["sagemaker:CreateNotebookInstance", "sagemaker:StartNotebookInstance", "sagemaker:StopNotebookInstance", "sagemaker:Describe*", "sagemaker:List*"]
      resources = ["*"]
    }
    athena = {
      actions   = ["athena:StartQueryExecution", "athena:GetQueryResults", "athena:GetQueryExecution"]
      resources = ["arn:aws:athena:us-east-1:123456789012:workgroup/data-science"]
    }
    s3 = {
      actions   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
      resources = ["arn:aws:s3:::acme-ds-scratch-123456789012", "arn:aws:s3:::acme-ds-scratch-123456789012/*"]
    }
  }
}
