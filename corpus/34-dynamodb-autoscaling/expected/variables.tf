variable "environment" {
  type    = string
  default = "prod"
}

variable "tables" {
  type = map(object({
    hash_key  = string
    range_key = optional(string)
    read_min  = number
    read_max  = number
    write_min = number
    write_max = number
    gsis = optional(map(object({
      hash_key  = string
      range_key = optional(string)
    })), {})
  }))

  default = {
    items = {
      hash_key  = "sku"
      read_min  = 50
      read_max  = 2000
      write_min = 20
      write_max = 500
      gsis = {
        by-warehouse = { hash_key = "warehouse_id", range_key = "sku" }
      }
    }
    reservations = {
      hash_key  = "order_id"
      range_key = "sku"
      read_min  = 10
      read_max  = 400
      write_min = 10
      write_max = 400
    }
  }

  validation {
    condition     = alltrue([for t in values(var.tables) : t.read_min <= t.read_max && t.write_min <= t.write_max])
    error_message = "Minimum capacity must not exceed maximum capacity."
  }
}

variable "target_utilization" {
  type    = number
  default = 70
}

variable "stream_consumer_arn" {
  description = "Lambda that projects reservations into the search index; empty disables the stream mapping."
  type        = string
  default     = "arn:aws:lambda:ap-northeast-1:123456789012:function:inventory-indexer"
}
