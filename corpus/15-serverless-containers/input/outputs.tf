output "api_repository_url" {
  value = aws_ecr_repository.api.repository_url
}

output "worker_function" {
  value = aws_lambda_function.worker.function_name
}

output "cache_endpoint" {
  value = aws_elasticache_replication_group.sessions.primary_endpoint_address
}

output "api_task_family" {
  value = aws_ecs_task_definition.api.family
}
