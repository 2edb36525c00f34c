output "state_machine_arn" {
  value = aws_sfn_state_machine.ingest.arn
}

output "step_function_names" {
  value = [for fn in aws_lambda_function.step : fn.function_name]
}

output "dead_letter_queue_url" {
  value = aws_sqs_queue.events_dlq.url
}
