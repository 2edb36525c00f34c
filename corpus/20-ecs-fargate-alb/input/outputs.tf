output "url" {
  value = "https://${aws_route53_record.catalog.fqdn}"
}

output "alb_dns_name" {
  value = aws_lb.catalog.dns_name
}

output "service_name" {
  value = aws_ecs_service.catalog.name
}
