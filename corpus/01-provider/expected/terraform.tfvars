region      = "us-east-1"
environment = "prod"
