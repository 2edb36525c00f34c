output "function_arns" {
  value = { for k, fn in aws_lambda_function.fn : k => fn.arn }
}

output "queue_url" {
  value = aws_sqs_queue.orders.url
}

output "events_topic_arn" {
  description = "Other services subscribe their own queues to this topic."
  value       = aws_sns_topic.order_events.arn
}

output "table_name" {
  value = aws_dynamodb_table.orders.name
}

output "region" {
  value = data.aws_region.current.name
}
