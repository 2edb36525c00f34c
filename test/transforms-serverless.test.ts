/**
 * The serverless, container and database-group transforms (Lambda and its
 * event sources, ECR, ECS, EKS add-ons / access entries / lookup,
 * ElastiCache, DB parameter and subnet groups, and the data sources with
 * nothing to look up), each run through the whole pipeline on a small
 * inline input: the output must say what the transform promises, validate
 * against the provider schema and be fmt-clean.
 */

import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, migrate } from "../src/pipeline/index.js";
import { parameterFamily } from "../src/transforms/db-groups.js";
import { saeSize } from "../src/transforms/ecs-service.js";
import { cacheNodeMemory, tairClass } from "../src/transforms/elasticache-replication-group.js";
import { fallbackRuntime, fcCpu } from "../src/transforms/lambda-function.js";
import { blockText, change, inlineMigration, item, main, schemaFindings } from "./support/inline-migration.js";

const { run, expectFmtClean } = inlineMigration("serverless");

const NETWORK = `
resource "aws_vpc" "main" {
  cidr_block = "10.40.0.0/16"
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 3, count.index)
  availability_zone = element(["us-east-1a", "us-east-1b"], count.index)
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.40.100.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.40.101.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id
}
`;

// ---- Lambda ----------------------------------------------------------------------------------------

const LAMBDA = `
resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/aws/lambda/\${aws_lambda_function.worker.function_name}"
  retention_in_days = 30
}

resource "aws_lambda_function" "worker" {
  function_name                  = "orders-worker"
  role                           = aws_iam_role.worker.arn
  handler                        = "worker.handler"
  runtime                        = "python3.12"
  filename                       = "build/worker.zip"
  source_code_hash               = filebase64sha256("build/worker.zip")
  memory_size                    = 1000
  timeout                        = 60
  reserved_concurrent_executions = 20

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.app.id]
  }

  ephemeral_storage {
    size = 2048
  }
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn                   = aws_sqs_queue.orders.arn
  function_name                      = aws_lambda_function.worker.arn
  batch_size                         = 25
  maximum_batching_window_in_seconds = 5

  scaling_config {
    maximum_concurrency = 10
  }
}
`;

describe("lambda-function", () => {
  test("zip code, CPU from memory, VPC id, the /aws/lambda log group and reserved concurrency", () => {
    const r = run({ "main.tf": NETWORK + LAMBDA });
    const out = main(r);
    const fn = blockText(out, 'resource "alicloud_fcv3_function" "worker"');
    expect(fn).toContain("zip_file = filebase64(\"build/worker.zip\")");
    expect(fn).toMatch(/memory_size\s+= 1024/);
    expect(fn).toMatch(/cpu\s+= 0\.6/);
    expect(fn).toMatch(/disk_size\s+= 10240/);
    expect(fn).toContain("vpc_id            = alicloud_vswitch.private[0].vpc_id");
    expect(fn).toContain("project                 = alicloud_log_store.worker.project_name");
    expect(fn).toContain("logstore                = alicloud_log_store.worker.logstore_name");
    expect(fn).not.toContain("source_code_hash");
    // The log store no longer names the function (the function names the log store: no cycle).
    expect(blockText(out, 'resource "alicloud_log_store" "worker"')).toContain('logstore_name    = "aws-lambda-orders-worker"');
    expect(blockText(out, 'resource "alicloud_fcv3_concurrency_config" "worker"')).toContain("reserved_concurrency = 20");
    expect(change(r, "aws_lambda_function.worker", "memory_size", /cpu = 0\.6 vCPU for 1024 MB/)?.severity).toBe("info");
    expect(change(r, "aws_lambda_function.worker", "handler")?.severity).toBe("warning");
    expect(change(r, "aws_lambda_function.worker", "role")).toBeUndefined();
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });

  test("container images from ECR, OSS code, AWS layer ARNs, computed memory and foreign roles", () => {
    const r = run({
      "main.tf": `
resource "aws_ecr_repository" "fn" {
  name = "tools/resizer"
}

resource "aws_s3_bucket" "code" {
  bucket = "code-bucket"
}

variable "mem" {
  type = number
}

resource "aws_lambda_function" "img" {
  function_name = "resizer"
  role          = "arn:aws:iam::123456789012:role/resizer"
  package_type  = "Image"
  image_uri     = "\${aws_ecr_repository.fn.repository_url}:latest"
  memory_size   = var.mem

  logging_config {
    log_format = "JSON"
    log_group  = "/custom/group"
  }
}

resource "aws_lambda_function" "zip" {
  count         = 2
  function_name = "from-oss-\${count.index}"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  s3_bucket     = aws_s3_bucket.code.id
  s3_key        = "builds/fn.zip"
  layers        = ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"]

  reserved_concurrent_executions = 5
}
`,
    });
    const out = main(r);
    const img = blockText(out, 'resource "alicloud_fcv3_function" "img"');
    expect(img).toMatch(/runtime\s+= "custom-container"/);
    expect(img).toMatch(/handler\s+= "index.handler"/);
    expect(img).toContain("image = \"${alicloud_cr_ee_instance.registry.instance_name}-registry.${data.alicloud_regions.aws2ali.ids[0]}.cr.aliyuncs.com/${alicloud_cr_ee_repo.fn.namespace}/${alicloud_cr_ee_repo.fn.name}:latest\"");
    expect(img).toMatch(/role\s+= var\.img_role_arn/);
    expect(img).toContain("cpu               = min(floor(var.mem / 1024 * 20) / 20");
    expect(img).not.toContain("log_config");
    expect(change(r, "aws_lambda_function.img", "logging_config.log_group")?.severity).toBe("warning");
    const zip = blockText(out, 'resource "alicloud_fcv3_function" "zip"');
    expect(zip).toContain("oss_bucket_name = alicloud_oss_bucket.code.id");
    expect(zip).toMatch(/memory_size\s+= 128/);
    expect(zip).toMatch(/timeout\s+= 3/);
    expect(zip).not.toContain("layers");
    expect(blockText(out, 'resource "alicloud_fcv3_concurrency_config" "zip"')).toContain("function_name        = alicloud_fcv3_function.zip[count.index].function_name");
    expect(change(r, "aws_lambda_function.zip", "layers")?.severity).toBe("warning");
    expect(change(r, "aws_lambda_function.zip", "logging_config")?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });

  test("runtimes FC lacks become the next newer version or a custom runtime", () => {
    const accepted = ["python3.10", "python3.9", "python3", "nodejs20", "nodejs18", "java11", "custom.debian12", "python3.12"];
    expect(fallbackRuntime("python3.11", accepted)).toBe("python3.12");
    expect(fallbackRuntime("python3.13", accepted)).toBe("custom.debian12");
    expect(fallbackRuntime("nodejs22.x", accepted)).toBe("custom.debian12");
    expect(fallbackRuntime("java21", accepted)).toBe("custom.debian12");
    const r = run({ "main.tf": `
resource "aws_lambda_function" "f" {
  function_name = "f"
  handler       = "app.handler"
  runtime       = "python3.11"
  filename      = "f.zip"
}
` });
    expect(blockText(main(r), 'resource "alicloud_fcv3_function" "f"')).toMatch(/runtime\s+= "python3\.12"/);
    expect(change(r, "aws_lambda_function.f", "runtime")?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
  });

  test("fcCpu keeps FC's 1:1–1:4 vCPU:GB range in 0.05 steps", () => {
    expect(fcCpu(128)).toBe(0.1);
    expect(fcCpu(1024)).toBe(0.6);
    expect(fcCpu(1769)).toBe(1);
    expect(fcCpu(10240)).toBe(5.8);
  });
});

describe("lambda-event-source-mapping", () => {
  test("an SQS queue becomes an EventBridge trigger with an MNS source", () => {
    const r = run({ "main.tf": NETWORK + LAMBDA });
    const t = blockText(main(r), 'resource "alicloud_fcv3_trigger" "orders"');
    expect(t).toContain("function_name = alicloud_fcv3_function.worker.function_name");
    expect(t).toContain('trigger_type  = "eventbridge"');
    expect(t).toContain("QueueName      = alicloud_message_service_queue.orders.queue_name");
    expect(t).toContain("CountBasedWindow = 25");
    expect(t).toContain("TimeBasedWindow  = 5");
    expect(t).toContain('qualifier     = "LATEST"');
    expect(change(r, "aws_lambda_event_source_mapping.orders", "scaling_config.maximum_concurrency")?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
  });

  test("DynamoDB streams, MSK and Kinesis sources", () => {
    const r = run({
      "main.tf": `
resource "aws_dynamodb_table" "t" {
  name             = "events"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "pk"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"

  attribute {
    name = "pk"
    type = "S"
  }
}

resource "aws_lambda_event_source_mapping" "ddb" {
  event_source_arn  = aws_dynamodb_table.t.stream_arn
  function_name     = "consumer"
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "msk" {
  event_source_arn  = "arn:aws:kafka:us-east-1:123456789012:cluster/c/abc"
  function_name     = "arn:aws:lambda:us-east-1:123456789012:function:consumer"
  topics            = ["orders"]
  starting_position = "TRIM_HORIZON"
}

resource "aws_lambda_event_source_mapping" "kin" {
  event_source_arn  = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"
  function_name     = "consumer"
  starting_position = "LATEST"
}
`,
    });
    const out = main(r);
    const ddb = blockText(out, 'resource "alicloud_fcv3_trigger" "ddb"');
    expect(ddb).toContain('trigger_type    = "tablestore"');
    expect(ddb).toContain("instance/${alicloud_ots_table.t.instance_name}/table/${alicloud_ots_table.t.table_name}");
    expect(ddb).toContain("invocation_role = var.ddb_invocation_role");
    const msk = blockText(out, 'resource "alicloud_fcv3_trigger" "msk"');
    expect(msk).toContain('function_name = "consumer"');
    expect(msk).toContain("InstanceId    = var.msk_kafka_instance_id");
    expect(msk).toContain('OffsetReset   = "earliest"');
    expect(item(r, "aws_lambda_event_source_mapping.kin").status).toBe("manual");
    expect(out).toContain('# resource "aws_lambda_event_source_mapping" "kin" {');
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

// ---- ECR and ECS -------------------------------------------------------------------------------------

const CONTAINERS = `
resource "aws_ecr_repository" "api" {
  name                 = "orders/api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "jobs" {
  name = "jobs"
}

resource "aws_ecs_cluster" "main" {
  name = "orders_prod"
}

resource "aws_cloudwatch_log_group" "api" {
  name = "/ecs/orders-api"
}

resource "aws_ecs_task_definition" "api" {
  family       = "orders-api"
  network_mode = "awsvpc"
  cpu          = "1024"
  memory       = "3072"
  task_role_arn = "arn:aws:iam::123456789012:role/orders-task"

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "\${aws_ecr_repository.api.repository_url}:1.0"
      essential = true
      command   = ["gunicorn", "app:wsgi"]
      portMappings = [{ containerPort = 8080 }]
      environment = [{ name = "MODE", value = "prod" }]
      secrets     = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:ssm:us-east-1:1:parameter/db" }]
      healthCheck = {
        command = ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"]
        retries = 2
      }
      logConfiguration = {
        logDriver = "awslogs"
        options   = { awslogs-group = aws_cloudwatch_log_group.api.name }
      }
    },
    {
      name      = "envoy"
      image     = "envoyproxy/envoy:v1.29"
      essential = false
    }
  ])
}

resource "aws_ecs_task_definition" "cron" {
  family                = "cron"
  container_definitions = file("cron.json")
}

resource "aws_ecs_service" "api" {
  name                               = "orders-api"
  cluster                            = aws_ecs_cluster.main.arn
  task_definition                    = aws_ecs_task_definition.api.arn
  deployment_minimum_healthy_percent = 50

  network_configuration {
    subnets         = [aws_subnet.a.id, aws_subnet.b.id]
    security_groups = [aws_security_group.app.id]
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/api/1"
    container_name   = "api"
    container_port   = 8080
  }
}

output "image" {
  value = aws_ecr_repository.api.repository_url
}

output "task" {
  value = aws_ecs_task_definition.api.arn
}
`;

describe("ecr-repository / data-ecr-repository", () => {
  test("one ACR EE instance, a namespace per path prefix, and ACR image addresses", () => {
    const r = run({ "main.tf": NETWORK + CONTAINERS });
    const out = main(r);
    const inst = blockText(out, 'resource "alicloud_cr_ee_instance" "registry"');
    expect(inst).toMatch(/payment_type\s+= "Subscription"/);
    expect(inst).toMatch(/image_scanner\s+= "ACR"/);
    expect(blockText(out, 'resource "alicloud_cr_ee_repo" "api"')).toContain("namespace        = alicloud_cr_ee_namespace.orders.name");
    expect(blockText(out, 'resource "alicloud_cr_ee_repo" "api"')).toMatch(/name\s+= "api"/);
    expect(out).toContain('resource "alicloud_cr_ee_namespace" "orders"');
    expect(blockText(out, 'resource "alicloud_cr_ee_repo" "jobs"')).toMatch(/namespace\s+= alicloud_cr_ee_namespace\.\w+\.name/);
    expect(blockText(out, 'output "image"')).toContain("-registry.${data.alicloud_regions.aws2ali.ids[0]}.cr.aliyuncs.com/${alicloud_cr_ee_repo.api.namespace}/${alicloud_cr_ee_repo.api.name}");
    expect(change(r, "aws_ecr_repository.api", "(block)")?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });

  test("a lookup uses the folder's instance, or input variables without one", () => {
    const r = run({
      "main.tf": `
resource "aws_ecr_repository" "base" {
  name = "platform/base"
}

data "aws_ecr_repository" "base" {
  name = "platform/base"
}

output "url" {
  value = data.aws_ecr_repository.base.repository_url
}
`,
      "other/main.tf": `
data "aws_ecr_repository" "ext" {
  name        = "shared/tools"
  registry_id = "123456789012"
}
`,
    });
    const own = blockText(main(r), 'data "alicloud_cr_ee_repos" "base"');
    expect(own).toContain("instance_id = alicloud_cr_ee_instance.registry.id");
    expect(own).toContain('namespace   = "platform"');
    expect(own).toContain('name_regex  = "^base$"');
    expect(blockText(main(r), 'output "url"')).toContain(".cr.aliyuncs.com/platform/${data.alicloud_cr_ee_repos.base.names[0]}");
    const ext = blockText(r.outputs.get("other/main.tf") ?? "", 'data "alicloud_cr_ee_repos" "ext"');
    expect(ext).toContain("instance_id = var.acr_instance_id");
    expect(change(r, "data.aws_ecr_repository.ext", "registry_id")?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

describe("ecs-service / ecs-task-definition", () => {
  test("the task definition's container becomes the SAE application's settings, and is folded into it", () => {
    const r = run({ "main.tf": NETWORK + CONTAINERS });
    const out = main(r);
    const app = blockText(out, 'resource "alicloud_sae_application" "api"');
    expect(app).toContain("namespace_id             = alicloud_sae_namespace.main.id");
    expect(app).toContain("vpc_id                   = alicloud_vswitch.a.vpc_id");
    expect(app).toContain("replicas                 = 1");
    expect(app).toContain("min_ready_instance_ratio = 50");
    expect(app).toContain("acr_instance_id          = alicloud_cr_ee_instance.registry.id");
    expect(app).toMatch(/image_url\s+= ".*cr\.aliyuncs\.com\/\$\{alicloud_cr_ee_repo\.api\.namespace\}\/\$\{alicloud_cr_ee_repo\.api\.name\}:1\.0"/);
    expect(app).toMatch(/command\s+= "gunicorn"/);
    expect(app).toContain('command_args_v2          = ["app:wsgi"]');
    expect(app).toContain('{ name = "DB_PASSWORD", value = var.api_db_password }');
    expect(app).toContain("projectName = alicloud_log_store.api.project_name, logstoreName = alicloud_log_store.api.logstore_name");
    expect(app).toMatch(/cpu\s+= 1000/);
    expect(app).toMatch(/memory\s+= 4096/);
    expect(app).toContain('command = ["sh", "-c", "curl -f http://localhost:8080/ || exit 1"]');
    expect(app).toContain("failure_threshold     = 2");
    expect(blockText(out, 'resource "alicloud_sae_namespace" "main"')).toContain('namespace_short_id = "ordersprod"');
    expect(blockText(out, 'output "task"')).toContain("alicloud_sae_application.api.id");
    expect(out).toContain("# aws2ali: aws_ecs_task_definition.api is not emitted as a resource");
    expect(item(r, "aws_ecs_task_definition.api").targets).toEqual(["alicloud_sae_application.api"]);
    expect(item(r, "aws_ecs_task_definition.cron").status).toBe("manual");
    expect(change(r, "aws_ecs_service.api", "task_definition", /runs 2 containers/)?.severity).toBe("warning");
    expect(change(r, "aws_ecs_service.api", "task_definition.task_role_arn")?.severity).toBe("warning");
    expect(change(r, "aws_ecs_service.api", "load_balancer", /container port 8080/)?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });

  test("JSON container definitions, entry points and an unknown task definition", () => {
    const r = run({
      "main.tf": `
variable "tag" {
  type = string
}

resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  cpu                   = "2 vCPU"
  memory                = "6 GB"
  container_definitions = <<JSON
[{"name": "worker", "image": "nginx:\${var.tag}", "entryPoint": ["/bin/sh", "-c"], "command": ["run.sh"]}]
JSON
}

resource "aws_ecs_service" "worker" {
  name            = "batch_worker"
  task_definition = "worker:7"
  desired_count   = 2
}

resource "aws_ecs_service" "other" {
  name            = "other"
  task_definition = "arn:aws:ecs:us-east-1:1:task-definition/elsewhere:1"
}
`,
    });
    const out = main(r);
    const w = blockText(out, 'resource "alicloud_sae_application" "worker"');
    expect(w).toContain('app_name        = "batch-worker"');
    expect(w).toContain('image_url       = "nginx:${var.tag}"');
    expect(w).toContain('command         = "/bin/sh"');
    expect(w).toContain('command_args_v2 = ["-c", "run.sh"]');
    expect(w).toMatch(/cpu\s+= 2000/);
    expect(w).toMatch(/memory\s+= 8192/);
    expect(blockText(out, 'resource "alicloud_sae_application" "other"')).toContain("image_url    = var.other_image_url");
    expect(change(r, "aws_ecs_service.other", "task_definition")?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });

  test("saeSize picks the smallest SAE pair that holds the task", () => {
    expect(saeSize(256, 512)).toEqual({ cpu: 500, memory: 1024 });
    expect(saeSize(512, 4096)).toEqual({ cpu: 1000, memory: 4096 });
    expect(saeSize(4096, 8192)).toEqual({ cpu: 4000, memory: 8192 });
    expect(saeSize(1024, 30720)).toEqual({ cpu: 8000, memory: 32768 });
  });
});

// ---- EKS ----------------------------------------------------------------------------------------------

const EKS = `
resource "aws_eks_cluster" "main" {
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  version  = "1.30"

  vpc_config {
    subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
  }
}

resource "aws_eks_addon" "vpc_cni" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "vpc-cni"
}

resource "aws_eks_addon" "coredns" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "coredns"
}

resource "aws_eks_addon" "kube_proxy" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "kube-proxy"
}

resource "aws_eks_addon" "ebs" {
  cluster_name             = aws_eks_cluster.main.name
  addon_name               = "aws-ebs-csi-driver"
  service_account_role_arn = "arn:aws:iam::123456789012:role/ebs"
}

resource "aws_eks_addon" "obs" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "amazon-cloudwatch-observability"
}

resource "aws_eks_addon" "guardduty" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "aws-guardduty-agent"
}

resource "aws_iam_role" "dev" {
  name               = "dev"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:root" } }] })
}

resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_eks_access_entry" "dev" {
  cluster_name  = aws_eks_cluster.main.name
  principal_arn = aws_iam_role.dev.arn
}

resource "aws_eks_access_policy_association" "dev_edit" {
  cluster_name  = aws_eks_cluster.main.name
  principal_arn = aws_eks_access_entry.dev.principal_arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"

  access_scope {
    type       = "namespace"
    namespaces = ["orders"]
  }
}

resource "aws_eks_access_entry" "ops" {
  cluster_name      = aws_eks_cluster.main.name
  principal_arn     = aws_iam_user.ops.arn
  kubernetes_groups = ["system:masters", "auditors"]
}

resource "aws_eks_access_entry" "ops_legacy" {
  cluster_name      = "legacy"
  principal_arn     = aws_iam_user.ops.arn
  kubernetes_groups = ["system:masters"]
}

resource "aws_eks_access_entry" "nodes" {
  cluster_name  = aws_eks_cluster.main.name
  principal_arn = "arn:aws:iam::123456789012:role/nodes"
  type          = "EC2_LINUX"
}
`;

describe("eks-addon", () => {
  test("create-time add-ons join the cluster, others are add-on resources or manual", () => {
    const r = run({ "main.tf": NETWORK + EKS });
    const out = main(r);
    const cluster = blockText(out, 'resource "alicloud_cs_managed_kubernetes" "main"');
    for (const name of ["terway-eniip", "csi-plugin", "managed-csiprovisioner", "managed-coredns"]) expect(cluster.split(`name = "${name}"`).length - 1).toBe(1);
    expect(cluster.indexOf("timeouts {")).toBeGreaterThan(cluster.lastIndexOf("addons {"));
    expect(item(r, "aws_eks_addon.vpc_cni").targets).toEqual(["alicloud_cs_managed_kubernetes.main"]);
    expect(item(r, "aws_eks_addon.kube_proxy").status).toBe("translated");
    expect(item(r, "aws_eks_addon.ebs").status).toBe("translated");
    expect(blockText(out, 'resource "alicloud_cs_kubernetes_addon" "obs"')).toContain('name       = "loongcollector"');
    expect(blockText(out, 'resource "alicloud_cs_kubernetes_addon" "obs_arms_prometheus"')).toContain("cluster_id = alicloud_cs_managed_kubernetes.main.id");
    expect(item(r, "aws_eks_addon.guardduty").status).toBe("manual");
    expect(out).not.toContain('name       = "aws-guardduty-agent"');
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

describe("eks-access-entry", () => {
  test("one permissions resource per RAM identity, with ACK roles for groups and access policies", () => {
    const r = run({ "main.tf": NETWORK + EKS });
    const out = main(r);
    const dev = blockText(out, 'resource "alicloud_cs_kubernetes_permissions" "dev"');
    expect(dev).toContain("uid = alicloud_ram_role.dev.role_id");
    expect(dev).toContain('role_type   = "namespace"');
    expect(dev).toContain('role_name   = "dev"');
    expect(dev).toContain('namespace   = "orders"');
    expect(dev).toContain("is_ram_role = true");
    expect(item(r, "aws_eks_access_policy_association.dev_edit").targets).toEqual(["alicloud_cs_kubernetes_permissions.dev"]);
    const ops = blockText(out, 'resource "alicloud_cs_kubernetes_permissions" "ops"');
    expect(ops).toContain("uid = alicloud_ram_user.ops.id");
    expect(ops.split("permissions {").length - 1).toBe(3);
    expect(ops).toContain('role_name   = "auditors"');
    expect(ops).toContain("is_custom   = true");
    expect(ops).toContain("cluster     = data.alicloud_cs_managed_kubernetes_clusters.ops_legacy.ids[0]");
    expect(item(r, "aws_eks_access_entry.ops_legacy").targets).toEqual(["alicloud_cs_kubernetes_permissions.ops"]);
    expect(item(r, "aws_eks_access_entry.nodes").status).toBe("translated");
    expect(out).not.toContain('resource "alicloud_cs_kubernetes_permissions" "nodes"');
    expect(change(r, "aws_eks_access_entry.ops", "kubernetes_groups", /auditors/)?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

describe("eks-access-entry with for_each", () => {
  test("per-instance principals get per-instance uids and are not merged", () => {
    const r = run({
      "main.tf": `${NETWORK}${EKS.split('resource "aws_eks_addon"')[0]}
variable "admin_role_arns" {
  type = map(string)
}

resource "aws_eks_access_entry" "admin" {
  for_each      = var.admin_role_arns
  cluster_name  = aws_eks_cluster.main.name
  principal_arn = each.value
}

resource "aws_eks_access_policy_association" "admin" {
  for_each      = var.admin_role_arns
  cluster_name  = aws_eks_cluster.main.name
  principal_arn = aws_eks_access_entry.admin[each.key].principal_arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"

  access_scope {
    type = "cluster"
  }
}
`,
    });
    const admin = blockText(main(r), 'resource "alicloud_cs_kubernetes_permissions" "admin"');
    expect(admin).toContain("uid      = var.admin_ram_uids[each.key]");
    expect(admin).toContain('role_name   = "admin"');
    expect(admin).toContain("is_ram_role = true");
    expect(item(r, "aws_eks_access_policy_association.admin").status).toBe("translated");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

describe("data-eks-cluster", () => {
  test("CA from the cluster credential, VPC fields from clusters[0], unexported fields as variables", () => {
    const r = run({
      "main.tf": `
data "aws_eks_cluster" "shared" {
  name = "shared-prod"
}

provider "kubernetes" {
  host                   = data.aws_eks_cluster.shared.endpoint
  cluster_ca_certificate = base64decode(data.aws_eks_cluster.shared.certificate_authority[0].data)
}

output "vpc" {
  value = data.aws_eks_cluster.shared.vpc_config[0].vpc_id
}

output "sg" {
  value = data.aws_eks_cluster.shared.vpc_config[0].cluster_security_group_id
}

output "issuer" {
  value = data.aws_eks_cluster.shared.identity[0].oidc[0].issuer
}
`,
    });
    const out = main(r);
    expect(blockText(out, 'data "alicloud_cs_managed_kubernetes_clusters" "shared"')).toContain('name_regex     = "^shared-prod$"');
    expect(blockText(out, 'data "alicloud_cs_cluster_credential" "shared"')).toContain("cluster_id = data.alicloud_cs_managed_kubernetes_clusters.shared.ids[0]");
    expect(out).toContain("cluster_ca_certificate = base64decode(data.alicloud_cs_cluster_credential.shared.certificate_authority.cluster_cert)");
    expect(out).toContain("host                   = data.alicloud_cs_managed_kubernetes_clusters.shared.clusters[0].connections.api_server_internet");
    expect(blockText(out, 'output "vpc"')).toContain("data.alicloud_cs_managed_kubernetes_clusters.shared.clusters[0].vpc_id");
    expect(blockText(out, 'output "sg"')).toContain("data.alicloud_cs_managed_kubernetes_clusters.shared.clusters[0].security_group_id");
    expect(blockText(out, 'output "issuer"')).toContain("var.shared_eks_oidc_issuer");
    expect(change(r, "data.aws_eks_cluster.shared", "(block)", /provider "kubernetes"/)?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

// ---- ElastiCache ----------------------------------------------------------------------------------

describe("elasticache-replication-group", () => {
  test("placement from the subnet group, class by memory, replicas, windows and access", () => {
    const r = run({
      "main.tf": `${NETWORK}
resource "aws_elasticache_subnet_group" "g" {
  name       = "g"
  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  engine_version             = "7.1"
  node_type                  = "cache.r6g.large"
  num_cache_clusters         = 2
  subnet_group_name          = aws_elasticache_subnet_group.g.name
  security_group_ids         = [aws_security_group.app.id]
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = "Sup3r-secret-token"
  snapshot_window            = "02:00-03:00"
  maintenance_window         = "sun:04:30-sun:05:30"
}

resource "aws_elasticache_replication_group" "sharded" {
  replication_group_id       = "sharded"
  description                = "sharded"
  engine                     = "valkey"
  node_type                  = "cache.m6g.xlarge"
  num_node_groups            = 3
  replicas_per_node_group    = 1
  subnet_group_name          = aws_elasticache_subnet_group.g.name
  at_rest_encryption_enabled = false
}

resource "aws_elasticache_replication_group" "reads" {
  replication_group_id = "reads"
  description          = "reads"
  node_type            = "cache.t3.small"
  num_cache_clusters   = 4
  subnet_group_name    = aws_elasticache_subnet_group.g.name
}
`,
    });
    const out = main(r);
    const s = blockText(out, 'resource "alicloud_kvstore_instance" "sessions"');
    expect(s).toContain('instance_class      = "redis.shard.4xlarge.ce"');
    expect(s).toContain("vswitch_id          = alicloud_vswitch.a.id");
    expect(s).toContain("zone_id             = alicloud_vswitch.a.zone_id");
    expect(s).toContain("secondary_zone_id   = alicloud_vswitch.b.zone_id");
    expect(s).toContain('maintain_start_time = "04:30Z"');
    expect(s).toContain('maintain_end_time   = "05:30Z"');
    expect(s).toContain('security_ips        = ["10.40.0.0/16"]');
    expect(s).toContain('engine_version      = "7.0"');
    expect(s).toContain('create = "60m"');
    const sh = blockText(out, 'resource "alicloud_kvstore_instance" "sharded"');
    expect(sh).toContain("shard_count       = 3");
    expect(sh).not.toContain("tde_status");
    expect(sh).toContain('vpc_auth_mode     = "Close"');
    expect(blockText(out, 'resource "alicloud_kvstore_instance" "reads"')).toContain("read_only_count   = 2");
    expect(item(r, "aws_elasticache_subnet_group.g").status).toBe("translated");
    expect(change(r, "aws_elasticache_replication_group.sharded", "engine", /Valkey/)?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });

  test("node types by memory", () => {
    expect(cacheNodeMemory("cache.t3.micro")).toBe(0.5);
    expect(cacheNodeMemory("cache.r7g.2xlarge")).toBe(52.28);
    expect(tairClass(0.5)?.cls).toBe("redis.shard.small.ce");
    expect(tairClass(6.38)?.cls).toBe("redis.shard.2xlarge.ce");
    expect(tairClass(105)).toBeUndefined();
  });
});

// ---- DB parameter and subnet groups --------------------------------------------------------------------

describe("db-parameter-group / db-subnet-group", () => {
  test("RDS and PolarDB templates, AWS-only parameters, engines without templates, empty groups", () => {
    const r = run({
      "main.tf": `${NETWORK}
resource "aws_db_parameter_group" "mysql" {
  name   = "mysql"
  family = "mysql8.0"

  parameter {
    name  = "max_connections"
    value = 500
  }

  parameter {
    name  = "innodb_buffer_pool_size"
    value = "{DBInstanceClassMemory*3/4}"
  }
}

resource "aws_db_parameter_group" "aurora" {
  name        = "aurora"
  family      = "aurora-postgresql13"
  description = "instance params"

  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }

  parameter {
    name  = "apg_plan_mgmt.capture_plan_baselines"
    value = "automatic"
  }
}

resource "aws_db_parameter_group" "pg16" {
  name   = "pg16"
  family = "postgres16"

  parameter {
    name  = "work_mem"
    value = "65536"
  }
}

resource "aws_db_parameter_group" "empty" {
  name   = "empty"
  family = "mysql5.7"
}

resource "aws_db_subnet_group" "db" {
  name       = "db"
  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_db_instance" "m" {
  identifier           = "m"
  engine               = "mysql"
  engine_version       = "8.0"
  instance_class       = "db.t3.medium"
  allocated_storage    = 20
  username             = "admin"
  password             = "Passw0rd!Passw0rd"
  parameter_group_name = aws_db_parameter_group.mysql.name
  db_subnet_group_name = aws_db_subnet_group.db.name
}

resource "aws_db_instance" "n" {
  identifier           = "n"
  engine               = "mysql"
  engine_version       = "5.7"
  instance_class       = "db.t3.medium"
  allocated_storage    = 20
  parameter_group_name = aws_db_parameter_group.empty.name
  db_subnet_group_name = aws_db_subnet_group.db.name
}

output "subnets" {
  value = aws_db_subnet_group.db.subnet_ids
}
`,
    });
    const out = main(r);
    const mysql = blockText(out, 'resource "alicloud_rds_parameter_group" "mysql"');
    expect(mysql).toContain('engine               = "mysql"');
    expect(mysql).toContain('engine_version       = "8.0"');
    expect(mysql).toContain('param_value = "500"');
    expect(mysql).not.toContain("DBInstanceClassMemory");
    const aurora = blockText(out, 'resource "alicloud_polardb_parameter_group" "aurora"');
    expect(aurora).toContain('db_type              = "PostgreSQL"');
    expect(aurora).toContain('db_version           = "14"');
    expect(aurora).toContain("parameters {");
    expect(aurora).not.toContain("apg_plan_mgmt");
    expect(aurora).not.toMatch(/^\s*engine/m);
    expect(item(r, "aws_db_parameter_group.pg16").status).toBe("manual");
    expect(item(r, "aws_db_parameter_group.empty").status).toBe("translated");
    expect(blockText(out, 'resource "alicloud_db_instance" "n"')).toMatch(/db_param_group_id\s+= null/);
    expect(blockText(out, 'resource "alicloud_db_instance" "m"')).toMatch(/db_param_group_id\s+= alicloud_rds_parameter_group\.mysql\.id/);
    expect(item(r, "aws_db_subnet_group.db").targets).toEqual(["alicloud_db_instance.m, alicloud_db_instance.n"]);
    expect(blockText(out, 'output "subnets"')).toContain("[alicloud_vswitch.a.id, alicloud_vswitch.b.id]");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });

  test("parameterFamily", () => {
    expect(parameterFamily("mysql5.7")).toEqual({ target: "rds", engine: "mysql", version: "5.7" });
    expect(parameterFamily("postgres15")).toEqual({ target: "rds", engine: "PostgreSQL", version: "15.0" });
    expect(parameterFamily("aurora-mysql8.0")).toEqual({ target: "polardb", engine: "MySQL", version: "8.0" });
    expect(parameterFamily("sqlserver-se-15.0")).toHaveProperty("manual");
  });
});

// ---- data sources with nothing to look up ------------------------------------------------------------------

describe("data-ec2-instance-type / data-organizations-organization / service-principal / vpc-endpoint-service", () => {
  test("units, accounts, principals and endpoint service names", () => {
    const r = run({
      "main.tf": `
resource "aws_vpc" "v" {
  cidr_block = "10.1.0.0/16"
}

data "aws_ec2_instance_type" "t" {
  instance_type = "m5.large"
}

output "mem" {
  value = "\${data.aws_ec2_instance_type.t.memory_size} MiB, \${data.aws_ec2_instance_type.t.default_threads_per_core} threads"
}

data "aws_organizations_organization" "org" {}

output "accounts" {
  value = data.aws_organizations_organization.org.accounts[*].id
}

output "members" {
  value = data.aws_organizations_organization.org.non_master_accounts[*].id
}

output "root" {
  value = data.aws_organizations_organization.org.roots[0].id
}

data "aws_service_principal" "ec2" {
  service_name = "ec2"
}

resource "aws_iam_role" "inst" {
  name = "inst"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = data.aws_service_principal.ec2.name } }]
  })
}

data "aws_vpc_endpoint_service" "s3" {
  service      = "s3"
  service_type = "Gateway"
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.v.id
  service_name = data.aws_vpc_endpoint_service.s3.service_name
}

output "s3" {
  value = data.aws_vpc_endpoint_service.s3.service_name
}

data "aws_vpc_endpoint_service" "sts" {
  service = "sts"
}

output "sts" {
  value = data.aws_vpc_endpoint_service.sts.service_name
}

data "aws_vpc_endpoint_service" "mine" {
  service_name = "com.amazonaws.vpce.us-east-1.vpce-svc-0123"
}

output "mine" {
  value = data.aws_vpc_endpoint_service.mine.service_id
}
`,
    });
    const out = main(r);
    expect(blockText(out, 'output "mem"')).toContain('"${(data.alicloud_instance_types.t.instance_types[0].memory_size * 1024)} MiB, 2 threads"');
    expect(blockText(out, 'output "accounts"')).toContain("data.alicloud_resource_manager_accounts.org.accounts[*].account_id");
    expect(blockText(out, 'output "members"')).toContain("[for a in data.alicloud_resource_manager_accounts.org.accounts : a.account_id if a.account_id != data.alicloud_resource_manager_resource_directories.org.directories[0].master_account_id]");
    expect(blockText(out, 'output "root"')).toContain("directories[0].root_folder_id");
    expect(out).toContain('data "alicloud_resource_manager_accounts" "org" {}');
    expect(blockText(out, 'resource "alicloud_ram_role" "inst"')).toContain('Service = "ecs.aliyuncs.com"');
    expect(item(r, "data.aws_service_principal.ec2").status).toBe("translated");
    expect(blockText(out, 'output "s3"')).toContain('"com.aliyun.${data.alicloud_regions.aws2ali.ids[0]}.oss"');
    expect(item(r, "data.aws_vpc_endpoint_service.s3").status).toBe("translated");
    expect(blockText(out, 'output "sts"')).toContain("var.sts_service_name");
    expect(item(r, "data.aws_vpc_endpoint_service.sts").status).toBe("manual");
    expect(blockText(out, 'data "alicloud_privatelink_vpc_endpoint_services" "mine"')).toContain("vpc_endpoint_service_name = var.mine_endpoint_service_name");
    expect(blockText(out, 'output "mine"')).toContain("data.alicloud_privatelink_vpc_endpoint_services.mine.ids[0]");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

// ---- the corpus case ----------------------------------------------------------------------------------------

describe("corpus 15-serverless-containers", () => {
  test("migrates with no schema finding", () => {
    const src = new URL("../corpus/15-serverless-containers/input", import.meta.url).pathname;
    const r = migrate({ src, out: null, maxFileBytes: 10e6, settings: DEFAULT_SETTINGS, version: "test" });
    expect(schemaFindings(r)).toEqual([]);
    expect(item(r, "aws_lambda_permission.allow_events").status).toBe("manual");
    expect(item(r, "aws_ecs_task_definition.api").status).toBe("translated");
    expectFmtClean(r);
  });
});
