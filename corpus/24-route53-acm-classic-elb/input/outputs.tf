output "url" {
  value = "https://${aws_route53_zone.app.name}"
}

output "name_servers" {
  value = aws_route53_zone.app.name_servers
}

output "instance_ids" {
  value = aws_instance.web[*].id
}
