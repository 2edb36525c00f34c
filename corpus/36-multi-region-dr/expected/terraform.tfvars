environment    = "prod"
primary_region = "us-east-1"
standby_region = "eu-west-1"
