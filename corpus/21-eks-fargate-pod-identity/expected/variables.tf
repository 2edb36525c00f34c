variable "cluster_name" {
  type    = string
  default = "platform-sg1"
}

variable "kubernetes_version" {
  type    = string
  default = "1.30"

  validation {
    condition     = can(regex("^1\\.(2[89]|3[0-9])$", var.kubernetes_version))
    error_message = "Only EKS 1.28 and newer are supported by this stack."
  }
}

variable "admin_role_arns" {
  description = "SSO permission-set roles that get cluster-admin."
  type        = map(string)
  default = {
    platform   = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PlatformAdmin_0a1b2c3d4e5f6a7b"
    breakglass = "arn:aws:iam::123456789012:role/BreakGlass"
  }
}

variable "node_pools" {
  type = map(object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    min            = number
    max            = number
    taints = optional(list(object({
      key    = string
      value  = optional(string)
      effect = string
    })), [])
  }))
  default = {
    system = { instance_types = ["m7g.large"], min = 2, max = 4 }
    gpu = {
      instance_types = ["g5.xlarge"]
      min            = 0
      max            = 6
      taints         = [{ key = "nvidia.com/gpu", value = "true", effect = "NO_SCHEDULE" }]
    }
    spot = {
      instance_types = ["m7g.xlarge", "m6g.xlarge"]
      capacity_type  = "SPOT"
      min            = 0
      max            = 20
      taints         = [{ key = "lifecycle", value = "spot", effect = "PREFER_NO_SCHEDULE" }]
    }
  }
}
