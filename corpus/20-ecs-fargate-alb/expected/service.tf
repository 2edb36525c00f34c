resource "alicloud_security_group" "tasks" {
  security_group_name = "${local.name}-tasks"
  description         = "Catalog tasks: traffic from the ALB only"
  vpc_id              = local.vpc_id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "tasks_from_alb" {
  security_group_id        = alicloud_security_group.tasks.id
  priority                 = 1
  type                     = "ingress"
  ip_protocol              = "tcp"
  port_range               = "${local.container_port}/${local.container_port}"
  nic_type                 = "intranet"
  policy                   = "accept"
  source_security_group_id = alicloud_security_group.alb.id
}

resource "alicloud_security_group_rule" "tasks_all" {
  security_group_id = alicloud_security_group.tasks.id
  priority          = 1
  for_each          = toset("0.0.0.0/0")
  type              = "egress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = each.value
}

resource "alicloud_log_store" "catalog" {
  logstore_name    = "ecs-${local.name}"
  retention_period = 30
  project_name     = alicloud_log_project.this.project_name
}

data "alicloud_caller_identity" "current" {}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store_index" "catalog" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.catalog.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_ram_role" "execution" {
  role_name                   = "${local.name}-execution"
  assume_role_policy_document = data.alicloud_ram_policy_document.ecs_tasks_assume.document
  tags                        = local.aws2ali_default_tags
}

# aws2ali: manual — aws_iam_role_policy_attachment.execution has no Alibaba Cloud translation.
# Why: The AWS managed policy AmazonECSTaskExecutionRolePolicy has no known RAM system policy
#   (iam-managed-policies value map).
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "execution" {
#   role       = aws_iam_role.execution.name
#   policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
# }

resource "alicloud_ram_role" "task" {
  role_name                   = "${local.name}-task"
  assume_role_policy_document = data.alicloud_ram_policy_document.ecs_tasks_assume.document
  tags                        = local.aws2ali_default_tags
}

resource "alicloud_sae_namespace" "main" {
  namespace_name     = local.name
  namespace_short_id = substr(replace(lower(local.name), "/[^a-z0-9]/", ""), 0, 20)
}

# aws2ali: aws_ecs_task_definition.catalog is not emitted as a resource: SAE has no task definitions:
#   the container settings (image, command, CPU/memory, environment, health check) are arguments of
#   alicloud_sae_application.catalog; references to the definition now name
#   alicloud_sae_application.catalog.
# resource "aws_ecs_task_definition" "catalog" {
#   family                   = local.name
#   requires_compatibilities = ["FARGATE"]
#   network_mode             = "awsvpc"
#   cpu                      = var.cpu
#   memory                   = var.memory
#   execution_role_arn       = aws_iam_role.execution.arn
#   task_role_arn            = aws_iam_role.task.arn
#
#   runtime_platform {
#     operating_system_family = "LINUX"
#     cpu_architecture        = "ARM64"
#   }
#
#   container_definitions = jsonencode([{
#     name         = "api"
#     image        = "${data.aws_ecr_repository.catalog.repository_url}:${var.image_tag}"
#     essential    = true
#     portMappings = [{ containerPort = local.container_port, protocol = "tcp" }]
#     environment  = [{ name = "APP_ENV", value = var.environment }]
#     logConfiguration = {
#       logDriver = "awslogs"
#       options = {
#         awslogs-group         = aws_cloudwatch_log_group.catalog.name
#         awslogs-region        = "eu-central-1"
#         awslogs-stream-prefix = "api"
#       }
#     }
#   }])
# }

resource "alicloud_sae_application" "catalog" {
  app_name          = "catalog"
  namespace_id      = alicloud_sae_namespace.main.id
  replicas          = var.min_tasks
  vswitch_id        = local.private_subnets[0]
  security_group_id = alicloud_security_group.tasks.id
  package_type      = "Image"
  vpc_id            = var.catalog_vpc_id
  image_url         = "${var.acr_instance_name}-registry.${data.alicloud_regions.aws2ali.ids[0]}.cr.aliyuncs.com/catalog/${data.alicloud_cr_ee_repos.catalog.names[0]}:${var.image_tag}"
  acr_instance_id   = var.acr_instance_id
  envs = jsonencode([
    { name = "APP_ENV", value = var.environment },
  ])
  sls_configs = jsonencode([{ logDir = "", logType = "stdout", projectName = alicloud_log_store.catalog.project_name, logstoreName = alicloud_log_store.catalog.logstore_name }])
  cpu         = var.catalog_cpu
  memory      = var.catalog_memory
  tags        = local.aws2ali_default_tags

  # Application Auto Scaling owns the task count.
  lifecycle {
    ignore_changes = [replicas]
  }

  depends_on = [alicloud_alb_listener.https]
}

data "alicloud_regions" "aws2ali" {
  current = true
}

# aws2ali: manual — aws_appautoscaling_target.catalog has no Alibaba Cloud translation.
# Why: Alibaba Cloud has no service-independent scalable-target registry. Scaling of the AWS targets
#   is configured on the target service itself - ECS services → SAE application scaling rules
#   (alicloud_sae_application_scaling_rule, min/max replicas) or Kubernetes HPA on ACK; DynamoDB
#   capacity → none needed (Tablestore pay-as-you-go is elastic); Aurora replicas → PolarDB read-only
#   node autoscaling (serverless scale_ro_num_min / scale_ro_num_max); Lambda provisioned concurrency
#   → alicloud_fcv3_provision_config (scheduled/target tracking configs); Spot Fleet / EMR / SageMaker
#   → the respective product.
# To do: Identify service_namespace and resource_id, then set min_capacity / max_capacity on the
#   counterpart listed in the reason (e.g. SAE min/max replicas in
#   alicloud_sae_application_scaling_rule; PolarDB scale_ro_num_min / scale_ro_num_max). Remove the
#   target for DynamoDB tables.
# resource "aws_appautoscaling_target" "catalog" {
#   service_namespace  = "ecs"
#   resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.catalog.name}"
#   scalable_dimension = "ecs:service:DesiredCount"
#   min_capacity       = var.min_tasks
#   max_capacity       = var.max_tasks
# }

# aws2ali: manual — aws_appautoscaling_policy.cpu has no Alibaba Cloud translation.
# Why: Application Auto Scaling policies attach to scalable targets that have no Alibaba Cloud
#   registry (see aws_appautoscaling_target). Target-tracking on ECS service CPU/memory becomes an SAE
#   metric scaling rule (alicloud_sae_application_scaling_rule, scaling_rule_type "metric", metrics
#   CPU / MEMORY with target values) or a Kubernetes HPA; scheduled actions
#   (aws_appautoscaling_scheduled_action) become SAE timing rules; DynamoDB policies are dropped
#   (Tablestore on-demand); Aurora read-replica policies become PolarDB serverless read-node limits.
# To do: For ECS services, write alicloud_sae_application_scaling_rule { app_id, scaling_rule_name,
#   scaling_rule_type = "metric", scaling_rule_enable = true, scaling_rule_metric { max_replicas,
#   min_replicas, metrics { metric_type = "CPU", metric_target_average_utilization = <target_value> }
#   } } with min/max from the scalable target. Step scaling policies have no SAE counterpart - use the
#   target-tracking form.
# resource "aws_appautoscaling_policy" "cpu" {
#   name               = "${local.name}-cpu"
#   policy_type        = "TargetTrackingScaling"
#   service_namespace  = aws_appautoscaling_target.catalog.service_namespace
#   resource_id        = aws_appautoscaling_target.catalog.resource_id
#   scalable_dimension = aws_appautoscaling_target.catalog.scalable_dimension
#
#   target_tracking_scaling_policy_configuration {
#     target_value       = 60
#     scale_in_cooldown  = 300
#     scale_out_cooldown = 60
#
#     predefined_metric_specification {
#       predefined_metric_type = "ECSServiceAverageCPUUtilization"
#     }
#   }
# }
