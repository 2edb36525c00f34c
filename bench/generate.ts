/**
 * Deterministic generator of realistic AWS Terraform for benchmarks and
 * property tests: the same seed gives the same files. Files look like a
 * platform team's stacks: networks, IAM with jsonencode and heredoc
 * policies, buckets, clusters, databases, modules, comments everywhere.
 */

export interface GeneratedFile {
  path: string;
  text: string;
}

export interface GenerateOptions {
  seed: number;
  files: number;
}

/** mulberry32: tiny, fast and good enough to vary test data reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const ENVS = ["dev", "staging", "prod"] as const;
const TEAMS = ["payments", "checkout", "search", "identity", "catalog", "ledger"] as const;
const INSTANCE_TYPES = ["t3.micro", "t3.medium", "m5.large", "m5.xlarge", "c5.2xlarge", "r5.large", "m6i.large"] as const;

function network(r: Rand, n: string): string {
  const az = r() < 0.3 ? '"us-east-1a"' : "data.aws_availability_zones.available.names[count.index]";
  return `# Network for the ${n} stack. Owned by the platform team; ask in #platform before changing CIDRs.
data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "${n}" {
  cidr_block           = "10.${Math.floor(r() * 200)}.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = merge(local.common_tags, {
    Name = "${n}-vpc"
  })
}

resource "aws_subnet" "${n}_private" {
  count             = ${1 + Math.floor(r() * 3)}
  vpc_id            = aws_vpc.${n}.id
  cidr_block        = cidrsubnet(aws_vpc.${n}.cidr_block, 4, count.index)
  availability_zone = ${az}

  tags = {
    Name = "${n}-private-\${count.index}" # one per AZ
    Tier = "private"
  }
}

resource "aws_security_group" "${n}" {
  name        = "${n}-sg"
  description = "Allow HTTPS from the load balancer"
  vpc_id      = aws_vpc.${n}.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.${n}.cidr_block]
  }

  dynamic "ingress" {
    for_each = var.extra_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
}

function iam(r: Rand, n: string): string {
  const heredoc = r() < 0.5;
  const policy = heredoc
    ? `<<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject", "s3:PutObject"],
          "Resource": "arn:aws:s3:::${n}-data/*"
        }
      ]
    }
  POLICY`
    : `jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
        Resource = [aws_dynamodb_table.${n}.arn, "\${aws_dynamodb_table.${n}.arn}/index/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "*"
      },
    ]
  })`;
  return `
/* IAM for ${n}: least privilege, reviewed by security (${pick(r, TEAMS)}). */
resource "aws_iam_role" "${n}" {
  name = "${n}-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_policy" "${n}" {
  name   = "${n}-policy"
  policy = ${policy}
}

resource "aws_iam_role_policy_attachment" "${n}" {
  role       = aws_iam_role.${n}.name
  policy_arn = aws_iam_policy.${n}.arn
}

resource "aws_dynamodb_table" "${n}" {
  name         = "${n}-items"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "N"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }
}
`;
}

function compute(r: Rand, n: string): string {
  return `
resource "aws_s3_bucket" "${n}" {
  bucket = "\${var.prefix}-${n}-\${var.environment}"
}

resource "aws_s3_bucket_versioning" "${n}" {
  bucket = aws_s3_bucket.${n}.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_instance" "${n}" {
  count         = var.environment == "prod" ? ${2 + Math.floor(r() * 3)} : 1
  ami           = data.aws_ami.ubuntu.id
  instance_type = "${pick(r, INSTANCE_TYPES)}"
  subnet_id     = element(aws_subnet.${n}_private[*].id, count.index)

  vpc_security_group_ids = [aws_security_group.${n}.id]
  iam_instance_profile   = aws_iam_role.${n}.name

  user_data = <<-EOT
    #!/bin/bash
    echo "stack=${n} env=\${var.environment}" > /etc/stack
    %{ for port in var.extra_ports ~}
    ufw allow \${port}
    %{ endfor ~}
  EOT

  root_block_device {
    volume_type = "gp3"
    volume_size = ${20 + Math.floor(r() * 200)}
  }

  lifecycle {
    ignore_changes = [ami, tags["LastPatched"]]
  }
}

resource "aws_cloudwatch_log_group" "${n}" {
  name              = "/app/${n}"
  retention_in_days = ${pick(r, [7, 14, 30, 90, 365])}
}
`;
}

function wiring(r: Rand, n: string): string {
  return `
locals {
  common_tags = {
    Team        = "${pick(r, TEAMS)}"
    Environment = var.environment
    ManagedBy   = "terraform"
  }
  subnet_map = { for i, s in aws_subnet.${n}_private : s.availability_zone => s.id if s.cidr_block != "" }
  names      = [for s in aws_subnet.${n}_private : upper(s.id)]
}

variable "extra_ports" {
  type        = list(number)
  default     = [8080, 9090]
  description = "Ports opened inside the VPC"
}

module "${n}_alarms" {
  source    = "./modules/alarms"
  name      = "${n}"
  log_group = aws_cloudwatch_log_group.${n}.name
  threshold = ${Math.floor(r() * 100)} * 2 + 1
}

output "${n}_vpc_id" {
  value = aws_vpc.${n}.id
}

output "${n}_subnets" {
  value = aws_subnet.${n}_private[*].id
}
`;
}

const SECTIONS = [network, iam, compute, wiring];

/** `files` files of roughly 60–230 lines each, spread over folders of 10. */
export function generateTerraform(options: GenerateOptions): GeneratedFile[] {
  const r = prng(options.seed);
  const out: GeneratedFile[] = [];
  for (let i = 0; i < options.files; i++) {
    const n = `${pick(r, TEAMS)}_${pick(r, ENVS)}_${i}`;
    const parts = SECTIONS.filter((_, k) => k === i % SECTIONS.length || r() < 0.3);
    const text = `# Generated stack ${i} (seed ${options.seed})\n` + parts.map((s) => s(r, n)).join("\n");
    out.push({ path: `stack-${Math.floor(i / 10)}/file-${i}.tf`, text });
  }
  return out;
}
