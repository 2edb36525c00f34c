output "vpc_id" {
  value = aws_vpc.this.id
}

output "vpc_cidr_block" {
  value = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  value = [for az in var.azs : aws_subnet.public[az].id]
}

output "private_subnet_ids" {
  value = [for az in var.azs : aws_subnet.private[az].id]
}

output "private_route_table_ids" {
  value = values(aws_route_table.private)[*].id
}

# Keyed by AZ so callers can for_each over it (keys are known at plan time).
output "private_route_table_ids_by_az" {
  value = { for az, rt in aws_route_table.private : az => rt.id }
}

output "nat_public_ips" {
  value = [for eip in aws_eip.nat : eip.public_ip]
}
