# Production values. Secrets do NOT go here - the DB password is generated
# (random_password) and stored in state; see database.tf.
region      = "us-east-1"
environment = "prod"
vpc_cidr    = "10.100.0.0/16"
az_count    = 3
eks_version = "1.29"

shared_services_vpc_cidr = "10.50.0.0/16"
