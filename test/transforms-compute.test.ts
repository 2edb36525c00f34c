/**
 * The compute and storage transforms (EC2 instance, AMI lookup, launch
 * template, Auto Scaling group, EBS volume, KMS rotation, S3 bucket policy,
 * website routing rules, replication rules), each run through the whole
 * pipeline on a small inline input: the output must say what the transform
 * promises, validate against the provider schema and be fmt-clean.
 */

import { describe, expect, test } from "vitest";
import { ossPolicyDocument } from "../src/transforms/oss-policy.js";
import { blockText, change, inlineMigration, item, main, schemaErrors as schemaFindings } from "./support/inline-migration.js";

const { run, expectFmtClean } = inlineMigration("compute");

const INSTANCE = `
resource "aws_kms_key" "k" {
  description = "disks"
}

resource "aws_subnet" "a" {
  vpc_id            = "vpc-0123"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_iam_role" "web" {
  name               = "web"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = aws_iam_role.web.name
}

resource "aws_launch_template" "base" {
  name          = "base"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_instance" "web" {
  count                = 2
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "m5.large"
  subnet_id            = aws_subnet.a.id
  iam_instance_profile = aws_iam_instance_profile.web.name

  launch_template {
    id      = aws_launch_template.base.id
    version = "$Latest"
  }

  instance_market_options {
    market_type = "spot"
    spot_options {
      max_price                      = "0.05"
      instance_interruption_behavior = "stop"
    }
  }

  root_block_device {
    volume_size = 8
    volume_type = "gp3"
    iops        = 6000
    encrypted   = true
    kms_key_id  = aws_kms_key.k.arn
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    volume_type = "io1"
    iops        = 5000
    kms_key_id  = aws_kms_key.k.arn
  }

  tags = { Name = "web" }
}

resource "aws_instance" "odd" {
  ami           = var.ami
  instance_type = "z1d.large"
  iam_instance_profile = "legacy-profile"
}

variable "ami" {
  default = "ami-0fedcba9876543210"
}
`;

describe("instance", () => {
  const r = run({ "main.tf": INSTANCE });
  const text = main(r);
  const web = blockText(text, 'resource "alicloud_instance" "web"');
  test("disks get categories, levels and AutoPL IOPS", () => {
    expect(web).toMatch(/system_disk_category\s+= "cloud_auto"/);
    expect(web).toMatch(/system_disk_size\s+= 20/);
    expect(web).toMatch(/system_disk_bursting_enabled\s+= true/);
    // 6000 AWS IOPS - (1800 + 50 × 20) baseline
    expect(web).toMatch(/system_disk_provisioned_iops\s+= 3200/);
    expect(web).toMatch(/system_disk_kms_key_id\s+= alicloud_kms_key\.k\.id/);
    expect(web).toMatch(/data_disks \{[^}]*category\s+= "cloud_essd"[^}]*performance_level = "PL1"/s);
    expect(web).toMatch(/kms_key_id\s+= alicloud_kms_key\.k\.id/);
    expect(web).not.toMatch(/provisioned_iops\s+= 5000/);
    expect(change(r, "aws_instance.web", "ebs_block_device.iops")?.severity).toBe("warning");
    expect(change(r, "aws_instance.web", "ebs_block_device.volume_type", /needs at least 461 GiB/)).toBeDefined();
  });
  test("spot with a price limit and the spot_options block survive flattening", () => {
    expect(web).toMatch(/spot_strategy\s+= "SpotWithPriceLimit"/);
    expect(web).toMatch(/spot_price_limit\s+= 0\.05/);
    expect(web).toMatch(/spot_interruption_behavior\s+= "Stop"/);
  });
  test("$Latest reads the template's latest version number", () => {
    expect(web).toMatch(/launch_template_version\s+= tostring\(alicloud_ecs_launch_template\.base\.latest_version_number\)/);
  });
  test("the instance profile's role is attached by alicloud_ecs_ram_role_attachment", () => {
    const att = blockText(text, 'resource "alicloud_ecs_ram_role_attachment" "web"');
    expect(att).toContain("count         = 2");
    expect(att).toContain("instance_id   = alicloud_instance.web[count.index].id");
    expect(att).toContain("ram_role_name = alicloud_ram_role.web.role_name");
    expect(item(r, "aws_instance.web").targets).toContain("alicloud_ecs_ram_role_attachment.web");
  });
  test("AMI ids, unmapped types and unknown profiles become input variables", () => {
    expect(web).toMatch(/image_id\s+= var\.aws2ali_aws_instance_web_image_id/);
    const odd = blockText(text, 'resource "alicloud_instance" "odd"');
    expect(odd).toMatch(/instance_type\s+= var\.aws2ali_aws_instance_odd_instance_type/);
    expect(change(r, "aws_instance.odd", "ami", /defaults to the AWS AMI/)?.severity).toBe("warning");
    expect(blockText(text, 'resource "alicloud_ecs_ram_role_attachment" "odd"')).toContain("ram_role_name = var.aws2ali_aws_instance_odd_ram_role_name");
    const inputs = r.outputs.get("aws2ali-inputs.tf") ?? "";
    expect(inputs).toContain('variable "aws2ali_aws_instance_odd_instance_type"');
    expect(inputs).toContain('variable "aws2ali_aws_instance_odd_ram_role_name"');
  });
  test("validates and is fmt-clean", () => {
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

const AMI = `
data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-arm64-server-*"]
  }
  filter {
    name   = "architecture"
    values = ["arm64"]
  }
  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

data "aws_ami" "al2023" {
  owners = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
  filter {
    name   = "state"
    values = ["available"]
  }
  filter {
    name   = "tag:Team"
    values = ["web"]
  }
}

data "aws_ami" "golden" {
  owners     = ["self"]
  name_regex = "^golden-web-\\\\d+"
}

resource "aws_instance" "a" {
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"
}
`;

describe("ami-filters", () => {
  const r = run({ "main.tf": AMI });
  const text = main(r);
  test("owners become one string and the name pattern an Alibaba image family", () => {
    const ubuntu = blockText(text, 'data "alicloud_images" "ubuntu"');
    expect(ubuntu).toMatch(/owners\s+= "system"/);
    expect(ubuntu).toMatch(/name_regex\s+= "\^ubuntu_22_04_arm64"/);
    expect(ubuntu).toMatch(/architecture\s+= "arm64"/);
    expect(ubuntu).not.toContain("filter");
    const al = blockText(text, 'data "alicloud_images" "al2023"');
    expect(al).toMatch(/name_regex\s+= "\^aliyun_3_x64"/);
    expect(al).toMatch(/status\s+= "Available"/);
    expect(al).toMatch(/tags\s+= \{ Team = "web" \}/);
    expect(al).toMatch(/most_recent\s+= true/);
    expect(text).toMatch(/image_id\s+= data\.alicloud_images\.ubuntu\.images\[0\]\.id/);
  });
  test("own images are reported: they must be re-created", () => {
    expect(change(r, "data.aws_ami.golden", "owners", /does not exist on Alibaba Cloud/)?.severity).toBe("warning");
    expect(change(r, "data.aws_ami.golden", "name_regex", /never match/)?.severity).toBe("warning");
    expect(change(r, "data.aws_ami.ubuntu", 'filter["virtualization-type"]')?.severity).toBe("info");
  });
  test("validates and is fmt-clean", () => {
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

const LT_ASG = `
resource "aws_subnet" "a" {
  vpc_id            = "vpc-0123"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-0123"
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_iam_role" "web" {
  name               = "web"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = aws_iam_role.web.name
}

resource "aws_launch_template" "web" {
  name          = "web"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "c5.xlarge"
  key_name      = "ops"

  iam_instance_profile {
    name = aws_iam_instance_profile.web.name
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 8
      volume_type = "gp3"
    }
  }

  block_device_mappings {
    device_name = "/dev/xvdb"
    ebs {
      volume_size = 600
      volume_type = "io2"
      iops        = 8000
    }
  }

  network_interfaces {
    device_index                = 0
    subnet_id                   = aws_subnet.a.id
    security_groups             = ["sg-1"]
    associate_public_ip_address = true
  }

  network_interfaces {
    device_index    = 1
    subnet_id       = aws_subnet.b.id
    security_groups = ["sg-2", "sg-3"]
  }

  instance_market_options {
    market_type = "spot"
    spot_options {
      max_price              = "0.10"
      block_duration_minutes = 120
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "web", Team = "shop" }
  }

  tag_specifications {
    resource_type = "volume"
    tags          = { Team = "storage", Backup = "daily" }
  }
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0123"
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 1
  max_size            = 4
  desired_capacity    = 2
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  target_group_arns   = [aws_lb_target_group.web.arn]
  health_check_type   = "ELB"

  mixed_instances_policy {
    instances_distribution {
      on_demand_base_capacity                  = 1
      on_demand_percentage_above_base_capacity = 25
      spot_allocation_strategy                 = "capacity-optimized"
      spot_max_price                           = "0.2"
    }
    launch_template {
      launch_template_specification {
        launch_template_name = "web"
        version              = "$Latest"
      }
      override {
        instance_type = "c5.xlarge"
      }
      override {
        instance_type = "m5.xlarge"
      }
    }
  }

  tag {
    key                 = "Name"
    value               = "web"
    propagate_at_launch = true
  }

  dynamic "tag" {
    for_each = var.extra_tags
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
}

resource "aws_autoscaling_group" "plain" {
  name               = "plain"
  min_size           = 0
  max_size           = 1
  availability_zones = ["us-east-1a"]

  launch_template {
    id      = aws_launch_template.web.id
    version = aws_launch_template.web.latest_version
  }
}

variable "extra_tags" {
  type    = map(string)
  default = {}
}
`;

describe("launch-template", () => {
  const r = run({ "main.tf": LT_ASG });
  const text = main(r);
  const lt = blockText(text, 'resource "alicloud_ecs_launch_template" "web"');
  test("the root mapping is the system disk; gp3 uses the ESSD fallback; io2 keeps PL2 at 600 GiB", () => {
    expect(lt).toMatch(/system_disk \{[^}]*category\s+= "cloud_essd"[^}]*size\s+= 20[^}]*performance_level = "PL1"/s);
    expect(lt).toMatch(/data_disks \{[^}]*size\s+= 600[^}]*category\s+= "cloud_essd"[^}]*performance_level = "PL2"/s);
    expect(lt).not.toContain("cloud_auto");
    expect(change(r, "aws_launch_template.web", "block_device_mappings[0]", /root volume/)).toBeDefined();
  });
  test("the primary interface is the template's vSwitch, the second its network_interfaces block", () => {
    expect(lt).toMatch(/vswitch_id\s+= alicloud_vswitch\.a\.id/);
    expect(lt).toMatch(/security_group_ids\s+= \["sg-1"\]/);
    expect(lt).toMatch(/vpc_id\s+= alicloud_vswitch\.a\.vpc_id/);
    expect(lt).toMatch(/zone_id\s+= alicloud_vswitch\.a\.zone_id/);
    expect(lt).toMatch(/internet_charge_type\s+= "PayByTraffic"/);
    expect(lt).toMatch(/network_interfaces \{[^}]*vswitch_id\s+= alicloud_vswitch\.b\.id[^}]*security_group_id = "sg-2"/s);
    expect(change(r, "aws_launch_template.web", "network_interfaces[1].security_groups")?.severity).toBe("warning");
  });
  test("role, tags and spot settings", () => {
    expect(lt).toMatch(/ram_role_name\s+= alicloud_ram_role\.web\.role_name/);
    expect(lt).toMatch(/tags\s+= \{ Team = "shop", Backup = "daily", Name = "web" \}/);
    expect(change(r, "aws_launch_template.web", "tag_specifications", /disagree on Team/)?.severity).toBe("warning");
    expect(lt).toMatch(/spot_strategy\s+= "SpotWithPriceLimit"/);
    expect(lt).toMatch(/spot_price_limit\s+= 0\.1/);
    expect(lt).toMatch(/spot_duration\s+= "2"/);
    expect(lt).toMatch(/image_id\s+= var\.aws2ali_aws_launch_template_web_image_id/);
  });
  test("validates and is fmt-clean", () => {
    // The target group itself is the lb-target-group transform's (health_check_config).
    expect(schemaFindings(r).filter((f) => !/alicloud_alb_server_group/.test(f))).toEqual([]);
    expectFmtClean(r);
  });
});

describe("autoscaling-group", () => {
  const r = run({ "main.tf": LT_ASG });
  const text = main(r);
  const asg = blockText(text, 'resource "alicloud_ess_scaling_group" "web"');
  test("mixed instances: distribution, template by id, overrides with the spot price, zone policy", () => {
    expect(asg).toMatch(/on_demand_percentage_above_base_capacity = 25/);
    expect(asg).toMatch(/spot_allocation_strategy\s+= "priority"/);
    expect(asg).toMatch(/launch_template_id\s+= alicloud_ecs_launch_template\.web\.id/);
    expect(asg).toMatch(/launch_template_version\s+= "Latest"/);
    expect(asg).toMatch(/launch_template_override \{\s*instance_type\s+= "ecs\.c6\.xlarge"\s*spot_price_limit = 0\.2\s*\}/);
    expect(asg).toMatch(/launch_template_override \{\s*instance_type\s+= "ecs\.g6\.xlarge"/);
    expect(asg).toMatch(/multi_az_policy\s+= "COST_OPTIMIZED"/);
    expect(asg).toMatch(/health_check_type\s+= "LOAD_BALANCER"/);
  });
  test("tags and target groups", () => {
    expect(asg).toMatch(/tags\s+= merge\(\{ Name = "web" \}, \{ for tag_key, tag_value in var\.extra_tags : tag_key => tag_value \}\)/);
    expect(asg).toMatch(/alb_server_group \{\s*alb_server_group_id = alicloud_alb_server_group\.web\.id\s*port\s+= 8080\s*weight\s+= 100\s*\}/);
  });
  test("a latest_version reference is wrapped in tostring()", () => {
    const plain = blockText(text, 'resource "alicloud_ess_scaling_group" "plain"');
    expect(plain).toMatch(/launch_template_version = tostring\(alicloud_ecs_launch_template\.web\.latest_version_number\)/);
  });
});

const NLB = `
resource "aws_lb_target_group" "db" {
  name     = "db"
  port     = 5432
  protocol = "TCP"
  vpc_id   = "vpc-0123"
}

resource "aws_autoscaling_group" "db" {
  name                = "db"
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = ["vsw-1"]
  target_group_arns   = [aws_lb_target_group.db.arn]
  launch_template {
    name = "external-template"
  }
}

resource "aws_autoscaling_group" "legacy" {
  min_size             = 0
  max_size             = 1
  vpc_zone_identifier  = ["vsw-1"]
  launch_configuration = "lc-from-elsewhere"
}
`;

describe("autoscaling-group with an NLB target group", () => {
  const r = run({ "main.tf": NLB });
  const text = main(r);
  test("NLB server groups are attached by alicloud_ess_server_group_attachment", () => {
    const att = blockText(text, 'resource "alicloud_ess_server_group_attachment" "db_db"');
    expect(att).toContain("scaling_group_id = alicloud_ess_scaling_group.db.id");
    expect(att).toContain('type             = "NLB"');
    expect(att).toContain("port             = 5432");
    expect(item(r, "aws_autoscaling_group.db").targets).toContain("alicloud_ess_server_group_attachment.db_db");
  });
  test("a launch configuration outside the configuration is reported", () => {
    expect(change(r, "aws_autoscaling_group.legacy", "launch_configuration")?.severity).toBe("warning");
    // The target group itself is the lb-target-group transform's (ALB vs NLB server group).
    expect(schemaFindings(r).filter((f) => !/alicloud_alb_server_group/.test(f))).toEqual([]);
  });
  test("a template outside the configuration becomes an input variable", () => {
    expect(blockText(text, 'resource "alicloud_ess_scaling_group" "db"')).toMatch(/launch_template_id\s+= var\.aws2ali_aws_autoscaling_group_db_launch_template_id/);
  });
});

const EBS = `
resource "aws_subnet" "a" {
  vpc_id            = "vpc-0123"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_instance" "db" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "r5.large"
  subnet_id     = aws_subnet.a.id
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1b"
  size              = 500
  type              = "io2"
  iops              = 10000
  encrypted         = true
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_volume_attachment" "data" {
  device_name = "/dev/sdh"
  volume_id   = aws_ebs_volume.data.id
  instance_id = aws_instance.db.id
}

resource "aws_ebs_volume" "small" {
  availability_zone = "us-east-1a"
  size              = 10
}

resource "aws_ebs_volume" "fast" {
  availability_zone = "us-east-1a"
  size              = 100
  type              = "gp3"
  iops              = 12000
  throughput        = 500
}
`;

describe("ebs-volume", () => {
  const r = run({ "main.tf": EBS });
  const text = main(r);
  test("an attached volume takes the zone of its instance's vSwitch; io2 keeps PL2 at 500 GiB", () => {
    const data = blockText(text, 'resource "alicloud_ecs_disk" "data"');
    expect(data).toMatch(/zone_id\s+= alicloud_vswitch\.a\.zone_id/);
    expect(data).toMatch(/category\s+= "cloud_essd"/);
    expect(data).toMatch(/performance_level\s+= "PL2"/);
    expect(data).not.toContain("provisioned_iops");
    expect(data).toMatch(/kms_key_id\s+= var\.aws2ali_aws_ebs_volume_data_kms_key_id/);
  });
  test("no type means gp2: ESSD PL1, sized up to the 20 GiB minimum", () => {
    const small = blockText(text, 'resource "alicloud_ecs_disk" "small"');
    expect(small).toMatch(/size\s+= 20/);
    expect(small).toMatch(/category\s+= "cloud_essd"/);
    expect(small).toMatch(/performance_level\s+= "PL1"/);
    expect(small).toMatch(/zone_id\s+= data\.alicloud_zones\.aws2ali\.zones\[0\]\.id/);
  });
  test("gp3 becomes AutoPL with the IOPS above the size baseline provisioned", () => {
    const fast = blockText(text, 'resource "alicloud_ecs_disk" "fast"');
    expect(fast).toMatch(/category\s+= "cloud_auto"/);
    expect(fast).toMatch(/bursting_enabled\s+= true/);
    // 12000 - min(1800 + 50 × 100, 50000)
    expect(fast).toMatch(/provisioned_iops\s+= 5200/);
    expect(change(r, "aws_ebs_volume.fast", "throughput")?.severity).toBe("warning");
  });
  test("validates and is fmt-clean", () => {
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

const KMS = `
resource "aws_kms_key" "default" {
  enable_key_rotation = true
}

resource "aws_kms_key" "long" {
  enable_key_rotation     = true
  rotation_period_in_days = 2000
}

resource "aws_kms_key" "sign" {
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "RSA_2048"
  enable_key_rotation      = false
}

resource "aws_kms_key" "var" {
  enable_key_rotation     = var.rotate
  rotation_period_in_days = 180
}

variable "rotate" {
  type = bool
}
`;

describe("kms-key-rotation", () => {
  const r = run({ "main.tf": KMS });
  const text = main(r);
  test("rotation needs an interval: 365d by default, at most 730d", () => {
    expect(blockText(text, 'resource "alicloud_kms_key" "default"')).toMatch(/rotation_interval\s+= "365d"/);
    expect(blockText(text, 'resource "alicloud_kms_key" "long"')).toMatch(/rotation_interval\s+= "730d"/);
    expect(change(r, "aws_kms_key.long", "rotation_period_in_days")?.severity).toBe("warning");
  });
  test("asymmetric keys do not rotate; computed rotation is conditional", () => {
    const sign = blockText(text, 'resource "alicloud_kms_key" "sign"');
    expect(sign).not.toContain("automatic_rotation");
    expect(sign).toMatch(/key_spec\s+= "RSA_2048"/);
    const v = blockText(text, 'resource "alicloud_kms_key" "var"');
    expect(v).toMatch(/automatic_rotation\s+= var\.rotate \? "Enabled" : "Disabled"/);
    expect(v).toMatch(/rotation_interval\s+= var\.rotate \? "180d" : null/);
  });
  test("the default-key decision is recorded", () => {
    expect(r.report.decisions.some((d) => /default keys/.test(d.summary))).toBe(true);
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

const POLICY = `
resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PublicRead"
        Effect    = "Allow"
        Principal = "*"
        Action    = ["s3:GetObject"]
        Resource  = ["\${aws_s3_bucket.site.arn}/public/*"]
      },
      {
        Sid       = "Partner"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "s3:ListBucket"
        Resource  = aws_s3_bucket.site.arn
        Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.site.arn, "\${aws_s3_bucket.site.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

resource "aws_s3_bucket" "cdn" {
  bucket = "acme-cdn"
}

resource "aws_s3_bucket_policy" "cdn" {
  bucket = aws_s3_bucket.cdn.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "Service": "cloudfront.amazonaws.com" },
    "Action": "s3:GetObject",
    "Resource": "\${aws_s3_bucket.cdn.arn}/*"
  }]
}
EOF
}

output "policy" {
  value = aws_s3_bucket_policy.cdn.id
}
`;

describe("oss-bucket-policy", () => {
  const r = run({ "main.tf": POLICY });
  const text = main(r);
  const site = blockText(text, 'resource "alicloud_oss_bucket_policy" "site"');
  test("actions, resources, principals and condition keys in OSS syntax", () => {
    expect(site).toContain('Version = "1"');
    expect(site).toContain('Action    = ["oss:GetObject"]');
    expect(site).toContain('Principal = ["*"]');
    expect(site).toContain('Resource  = ["acs:oss:*:*:${alicloud_oss_bucket.site.bucket}/public/*"]');
    expect(site).toContain('Principal = ["${var.aws2ali_account_111122223333}"]');
    expect(site).toContain('"acs:SourceIp" = ["203.0.113.0/24"]');
    expect(site).toContain('"acs:SecureTransport" = "false"');
    expect(site).toContain('Action    = "oss:*"');
    expect(site).not.toContain("Sid");
    expect(site).not.toContain("arn:aws");
  });
  test("acs:SourceIp without acs:SourceVpc is reported", () => {
    expect(item(r, "aws_s3_bucket_policy.site").changes.some((c) => /acs:SourceVpc/.test(c.reason) && c.severity === "warning")).toBe(true);
  });
  test("a CloudFront-only policy is not emitted, with the CDN way to do it", () => {
    expect(text).not.toContain('resource "alicloud_oss_bucket_policy" "cdn"');
    expect(text).toContain('# resource "aws_s3_bucket_policy" "cdn"');
    const it = item(r, "aws_s3_bucket_policy.cdn");
    expect(it.status).toBe("partial");
    expect(it.changes.some((c) => /AliyunCDNAccessingPrivateOSSRole/.test(c.reason + (c.action ?? "")))).toBe(true);
    expect(text).toContain("value = var.aws2ali_aws_s3_bucket_policy_cdn_id");
  });
  test("validates and is fmt-clean", () => {
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

describe("oss-policy-document value transform", () => {
  test("a literal policy is rewritten", () => {
    const out = ossPolicyDocument(JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "r", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] }));
    expect(JSON.parse(out.value!)).toEqual({ Version: "1", Statement: [{ Effect: "Allow", Action: "oss:GetObject", Principal: ["*"], Resource: "acs:oss:*:*:b/*" }] });
  });
  test("a policy naming AWS accounts is left for a person", () => {
    const out = ossPolicyDocument(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] }));
    expect(out.value).toBeUndefined();
    expect(out.note).toMatch(/123456789012/);
  });
  test("aws_s3_bucket.policy goes through it", () => {
    const r = run({ "main.tf": `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  policy = <<EOF\n{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}\nEOF\n}\n` });
    expect(main(r)).toContain('\\"Principal\\":[\\"*\\"]');
    expect(schemaFindings(r)).toEqual([]);
  });
});

const WEBSITE = `
resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  index_document {
    suffix = "index.html"
  }
  error_document {
    key = "404.html"
  }
  routing_rule {
    condition {
      key_prefix_equals = "docs/"
    }
    redirect {
      replace_key_prefix_with = "documents/"
    }
  }
  routing_rule {
    condition {
      http_error_code_returned_equals = "404"
    }
    redirect {
      host_name          = "example.com"
      protocol           = "https"
      http_redirect_code = 302
    }
  }
}

resource "aws_s3_bucket_website_configuration" "all" {
  bucket = aws_s3_bucket.site.id
  redirect_all_requests_to {
    host_name = "www.example.com"
    protocol  = "https"
  }
}

resource "aws_s3_bucket_website_configuration" "json" {
  bucket = aws_s3_bucket.site.id
  index_document {
    suffix = "index.html"
  }
  routing_rules = jsonencode([{
    Condition = { KeyPrefixEquals = "img/" }
    Redirect  = { ReplaceKeyPrefixWith = "" }
  }])
}
`;

describe("s3-website-routing-rules", () => {
  const r = run({ "main.tf": WEBSITE });
  const text = main(r);
  test("routing rules are numbered, nested and External redirects", () => {
    const site = blockText(text, 'resource "alicloud_oss_bucket_website" "site"');
    expect(site).toMatch(/routing_rules \{\s*routing_rule \{\s*rule_number = 1\s*condition \{\s*key_prefix_equals = "docs\/"\s*\}/);
    expect(site).toMatch(/redirect_type\s+= "External"\s*replace_key_prefix_with = "documents\/"\s*enable_replace_prefix\s+= true\s*http_redirect_code\s+= "301"/);
    expect(site).toMatch(/rule_number = 2/);
    expect(site).toMatch(/http_redirect_code = "302"/);
  });
  test("a whole-site redirect is one rule without a condition, with an index document", () => {
    const all = blockText(text, 'resource "alicloud_oss_bucket_website" "all"');
    expect(all).toMatch(/index_document \{\s*suffix = "index.html"\s*\}/);
    expect(all).toMatch(/routing_rule \{\s*rule_number = 1\s*redirect \{\s*redirect_type\s+= "External"\s*host_name\s+= "www.example.com"/);
    expect(all).not.toContain("condition");
  });
  test("the JSON form is parsed", () => {
    const json = blockText(text, 'resource "alicloud_oss_bucket_website" "json"');
    expect(json).toMatch(/key_prefix_equals = "img\/"/);
    expect(json).toMatch(/replace_key_prefix_with = ""/);
    expect(json).not.toContain("jsonencode");
  });
  test("the custom-domain requirement is reported; validates and is fmt-clean", () => {
    expect(change(r, "aws_s3_bucket_website_configuration.site", "(block)", /custom domain/)?.severity).toBe("warning");
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});

const REPLICATION = `
resource "aws_kms_key" "replica" {
  description = "replica"
}

resource "aws_iam_role" "replication" {
  name               = "s3-replication"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "s3.amazonaws.com" } }] })
}

resource "aws_s3_bucket" "src" {
  bucket = "acme-src"
}

resource "aws_s3_bucket" "dst" {
  bucket = "acme-dst"
}

resource "aws_s3_bucket_replication_configuration" "r" {
  role   = aws_iam_role.replication.arn
  bucket = aws_s3_bucket.src.id

  rule {
    id     = "logs"
    status = "Enabled"
    filter {
      prefix = "logs/"
    }
    delete_marker_replication {
      status = "Enabled"
    }
    destination {
      bucket        = aws_s3_bucket.dst.arn
      storage_class = "STANDARD"
      encryption_configuration {
        replica_kms_key_id = aws_kms_key.replica.arn
      }
      replication_time {
        status = "Enabled"
        time {
          minutes = 15
        }
      }
    }
  }

  rule {
    id     = "Images 2"
    status = "Enabled"
    filter {
      and {
        prefix = "img/"
        tags   = { k = "v" }
      }
    }
    existing_object_replication {
      status = "Enabled"
    }
    destination {
      bucket = "arn:aws:s3:::other-bucket"
    }
  }

  rule {
    id     = "off"
    status = "Disabled"
    destination {
      bucket = aws_s3_bucket.dst.arn
    }
  }
}
`;

describe("s3-replication-rules", () => {
  const r = run({ "main.tf": REPLICATION });
  const text = main(r);
  const first = blockText(text, 'resource "alicloud_oss_bucket_replication" "r"');
  const second = blockText(text, 'resource "alicloud_oss_bucket_replication" "r_images_2"');
  test("one resource per enabled rule", () => {
    expect(first).not.toBe("");
    expect(second).not.toBe("");
    expect(text).not.toContain('"r_off"');
    expect(change(r, "aws_s3_bucket_replication_configuration.r", 'rule["off"]')?.severity).toBe("warning");
    expect(item(r, "aws_s3_bucket_replication_configuration.r").targets).toEqual(["alicloud_oss_bucket_replication.r", "alicloud_oss_bucket_replication.r_images_2"]);
  });
  test("destination, role, prefixes, KMS key, RTC and delete markers", () => {
    expect(first).toMatch(/sync_role\s+= alicloud_ram_role\.replication\.role_name/);
    expect(first).toMatch(/action\s+= "ALL"/);
    expect(first).toMatch(/historical_object_replication = "disabled"/);
    expect(first).toMatch(/destination \{\s*bucket\s+= alicloud_oss_bucket\.dst\.bucket\s*location = alicloud_oss_bucket\.dst\.location\s*\}/);
    expect(first).toMatch(/prefix_set \{\s*prefixes = \["logs\/"\]\s*\}/);
    expect(first).toMatch(/encryption_configuration \{\s*replica_kms_key_id = alicloud_kms_key\.replica\.id\s*\}/);
    expect(first).toMatch(/rtc \{\s*enabled = true\s*\}/);
    expect(second).toMatch(/action\s+= "PUT"/);
    expect(second).toMatch(/historical_object_replication = "enabled"/);
    expect(second).toMatch(/bucket\s+= "other-bucket"/);
    expect(second).toMatch(/location = var\.aws2ali_aws_s3_bucket_replication_configuration_r_images_2_destination_location/);
    expect(change(r, "aws_s3_bucket_replication_configuration.r", 'rule["Images 2"].filter', /tag filter was dropped/)?.severity).toBe("warning");
  });
  test("validates and is fmt-clean", () => {
    expect(schemaFindings(r)).toEqual([]);
    expectFmtClean(r);
  });
});
