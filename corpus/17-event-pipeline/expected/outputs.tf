output "state_machine_arn" {
  value = var.aws2ali_aws_sfn_state_machine_ingest_arn
}

output "step_function_names" {
  value = [for fn in alicloud_fcv3_function.step : fn.function_name]
}

output "dead_letter_queue_url" {
  value = var.aws2ali_aws_sqs_queue_events_dlq_url
}
