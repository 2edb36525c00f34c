output "vpc_id" {
  value = alicloud_vpc.this.id
}

output "vpc_cidr_block" {
  value = alicloud_vpc.this.cidr_block
}

output "public_subnet_ids" {
  value = [for az in var.azs : alicloud_vswitch.public[az].id]
}

output "private_subnet_ids" {
  value = [for az in var.azs : alicloud_vswitch.private[az].id]
}

output "private_route_table_ids" {
  value = values(alicloud_route_table.private)[*].id
}

# Keyed by AZ so callers can for_each over it (keys are known at plan time).
output "private_route_table_ids_by_az" {
  value = { for az, rt in alicloud_route_table.private : az => rt.id }
}

output "nat_public_ips" {
  value = [for eip in alicloud_eip_address.nat : eip.public_ip]
}
