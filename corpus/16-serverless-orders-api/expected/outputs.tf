output "function_arns" {
  value = { for k, fn in alicloud_fcv3_function.fn : k => fn.arn }
}

output "queue_url" {
  value = var.aws2ali_aws_sqs_queue_orders_url
}

output "events_topic_arn" {
  description = "Other services subscribe their own queues to this topic."
  value       = alicloud_message_service_topic.order_events.topic_name
}

output "table_name" {
  value = alicloud_ots_table.orders.table_name
}

output "region" {
  value = data.alicloud_regions.current.ids[0]
}
