resource "alicloud_cr_ee_repo" "api" {
  name             = "api"
  tag_immutability = true
  repo_type        = "PRIVATE"
  summary          = "Migrated from Amazon ECR"
  instance_id      = alicloud_cr_ee_instance.registry.id
  namespace        = alicloud_cr_ee_namespace.orders.name
}

resource "alicloud_cr_ee_instance" "registry" {
  instance_name  = "serverless-containers-registry"
  instance_type  = "Standard"
  payment_type   = "Subscription"
  period         = 1
  renewal_status = "AutoRenewal"
  renew_period   = 1
  image_scanner  = "ACR"
  tags = merge(local.aws2ali_default_tags, {
    Team = "orders"
  })
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_cr_ee_namespace" "orders" {
  instance_id        = alicloud_cr_ee_instance.registry.id
  name               = "orders"
  auto_create        = false
  default_visibility = "PRIVATE"
}

data "alicloud_regions" "aws2ali" {
  current = true
}

resource "alicloud_cr_ee_repo" "migrations" {
  name             = "orders-migrations"
  tag_immutability = false
  repo_type        = "PRIVATE"
  summary          = "Migrated from Amazon ECR"
  instance_id      = alicloud_cr_ee_instance.registry.id
  namespace        = alicloud_cr_ee_namespace.serverless_containers.name
}

resource "alicloud_cr_ee_namespace" "serverless_containers" {
  instance_id        = alicloud_cr_ee_instance.registry.id
  name               = "serverless-containers"
  auto_create        = false
  default_visibility = "PRIVATE"
}

resource "alicloud_sae_namespace" "main" {
  namespace_name     = "orders-${var.environment}"
  namespace_short_id = substr(replace(lower("orders-${var.environment}"), "/[^a-z0-9]/", ""), 0, 20)
}

resource "alicloud_log_store" "api" {
  logstore_name    = "ecs-orders-api"
  retention_period = 14
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store_index" "api" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.api.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

# aws2ali: aws_ecs_task_definition.api is not emitted as a resource: SAE has no task definitions: the
#   container settings (image, command, CPU/memory, environment, health check) are arguments of
#   alicloud_sae_application.api; references to the definition now name alicloud_sae_application.api.
# resource "aws_ecs_task_definition" "api" {
#   family                   = "orders-api"
#   requires_compatibilities = ["FARGATE"]
#   network_mode             = "awsvpc"
#   cpu                      = "512"
#   memory                   = "1024"
#   execution_role_arn       = aws_iam_role.ecs_execution.arn
#
#   container_definitions = jsonencode([
#     {
#       name      = "api"
#       image     = "${aws_ecr_repository.api.repository_url}:${var.image_tag}"
#       essential = true
#       command   = ["gunicorn", "-b", "0.0.0.0:8080", "orders.wsgi"]
#       portMappings = [
#         { containerPort = 8080, protocol = "tcp" }
#       ]
#       environment = [
#         { name = "DB_HOST", value = aws_db_instance.orders.address },
#         { name = "REDIS_HOST", value = aws_elasticache_replication_group.sessions.primary_endpoint_address },
#       ]
#       secrets = [
#         { name = "DB_PASSWORD", valueFrom = "arn:aws:ssm:eu-central-1:123456789012:parameter/orders/db-password" }
#       ]
#       healthCheck = {
#         command     = ["CMD-SHELL", "curl -fsS http://localhost:8080/healthz || exit 1"]
#         interval    = 15
#         timeout     = 5
#         retries     = 3
#         startPeriod = 20
#       }
#       logConfiguration = {
#         logDriver = "awslogs"
#         options = {
#           awslogs-group         = aws_cloudwatch_log_group.api.name
#           awslogs-region        = var.region
#           awslogs-stream-prefix = "api"
#         }
#       }
#     }
#   ])
# }

data "alicloud_ram_policy_document" "ecs_assume" {
  version = "1"
}

resource "alicloud_ram_role" "ecs_execution" {
  role_name                   = "orders-ecs-execution"
  assume_role_policy_document = data.alicloud_ram_policy_document.ecs_assume.document
  tags                        = local.aws2ali_default_tags
}

resource "alicloud_sae_application" "api" {
  app_name                 = "orders-api"
  namespace_id             = alicloud_sae_namespace.main.id
  replicas                 = 3
  vswitch_id               = (alicloud_vswitch.private[*].id)[0]
  security_group_id        = alicloud_security_group.app.id
  package_type             = "Image"
  vpc_id                   = alicloud_vswitch.private[0].vpc_id
  min_ready_instance_ratio = 50
  image_url                = "${alicloud_cr_ee_instance.registry.instance_name}-registry.${data.alicloud_regions.aws2ali.ids[0]}.cr.aliyuncs.com/${alicloud_cr_ee_repo.api.namespace}/${alicloud_cr_ee_repo.api.name}:${var.image_tag}"
  acr_instance_id          = alicloud_cr_ee_instance.registry.id
  command                  = "gunicorn"
  command_args_v2          = ["-b", "0.0.0.0:8080", "orders.wsgi"]
  envs = jsonencode([
    { name = "DB_HOST", value = alicloud_db_instance.orders.connection_string },
    { name = "REDIS_HOST", value = alicloud_kvstore_instance.sessions.connection_domain },
    { name = "DB_PASSWORD", value = var.api_db_password },
  ])
  sls_configs = jsonencode([{ logDir = "", logType = "stdout", projectName = alicloud_log_store.api.project_name, logstoreName = alicloud_log_store.api.logstore_name }])
  cpu         = 500
  memory      = 1024
  tags        = local.aws2ali_default_tags
  liveness_v2 {
    exec {
      command = ["sh", "-c", "curl -fsS http://localhost:8080/healthz || exit 1"]
    }
    initial_delay_seconds = 30
    period_seconds        = 15
    timeout_seconds       = 5
    failure_threshold     = 3
  }

  lifecycle {
    ignore_changes = [replicas]
  }
}
