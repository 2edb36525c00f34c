output "peering_connection_id" {
  value = alicloud_vpc_peer_connection.analytics_shared.id
}

output "flow_logged_vpcs" {
  value = keys(alicloud_vpc_flow_log.cloudwatch)
}

output "athena_endpoint_dns" {
  value = alicloud_privatelink_vpc_endpoint.athena.endpoint_domain
}
