# VPC and subnets come from the network stack.
data "terraform_remote_state" "network" {
  backend = "s3"

  config = {
    bucket = "acme-tfstate-123456789012-eu-central-1"
    key    = "network/${var.environment}/terraform.tfstate"
    region = "eu-central-1"
  }
}

data "aws_route53_zone" "public" {
  name         = var.domain
  private_zone = false
}

data "aws_acm_certificate" "wildcard" {
  domain      = "*.${var.domain}"
  statuses    = ["ISSUED"]
  most_recent = true
}

data "aws_ecr_repository" "catalog" {
  name = "catalog/api"
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

locals {
  name            = "catalog-${var.environment}"
  vpc_id          = data.terraform_remote_state.network.outputs.vpc_id
  public_subnets  = data.terraform_remote_state.network.outputs.public_subnet_ids
  private_subnets = data.terraform_remote_state.network.outputs.private_subnet_ids
  container_port  = 8080
}
