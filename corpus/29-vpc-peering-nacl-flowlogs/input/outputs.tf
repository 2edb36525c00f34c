output "peering_connection_id" {
  value = aws_vpc_peering_connection.analytics_shared.id
}

output "flow_logged_vpcs" {
  value = keys(aws_flow_log.cloudwatch)
}

output "athena_endpoint_dns" {
  value = aws_vpc_endpoint.athena.dns_entry[0].dns_name
}
