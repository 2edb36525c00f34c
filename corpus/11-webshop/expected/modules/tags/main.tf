# Minimal tagging module: computes the standard tag set for a service.
# Kept dependency-free on purpose (no provider resources).

variable "environment" { type = string }
variable "service" { type = string }
variable "cost_center" { type = string }

variable "owner" {
  description = "Owning team's Slack handle, without the @."
  type        = string
}

variable "extra_tags" {
  type    = map(string)
  default = {}
}

output "tags" {
  description = "Tag map to merge into resource tags."
  value = merge(
    {
      Service     = var.service
      Environment = var.environment
      Owner       = var.owner
      CostCenter  = var.cost_center
    },
    var.extra_tags,
  )
}
