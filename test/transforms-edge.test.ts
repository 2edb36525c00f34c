/**
 * The edge transforms (load balancers, classic ELB, launch configurations,
 * ACM certificates, CloudFront, Route 53, single EC2 tags), each run through
 * the whole pipeline on a small inline input: the output must say what the
 * transform promises, report what it drops, validate against the provider
 * schema and be fmt-clean.
 */

import { describe, expect, test } from "vitest";
import { statusClasses } from "../src/transforms/lb-target-group.js";
import { change, inlineMigration, item, main, singleSpacedBlockText as blockText } from "./support/inline-migration.js";

const { run, expectClean } = inlineMigration("edge");

const NETWORK = `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-central-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-central-1b"
}

resource "aws_subnet" "many" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index + 10)
  availability_zone = "eu-central-1a"
}

resource "aws_security_group" "lb" {
  name   = "lb"
  vpc_id = aws_vpc.main.id
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.a.id
}
`;

const CERT = `
resource "aws_acm_certificate" "imported" {
  private_key      = file("key.pem")
  certificate_body = file("cert.pem")
}
`;

describe("aws_lb (application) and its listeners and target groups", () => {
  const r = run({
    "main.tf": `${NETWORK}${CERT}
resource "aws_lb" "web" {
  name            = "web"
  subnets         = [aws_subnet.a.id, aws_subnet.b.id]
  security_groups = [aws_security_group.lb.id]
  idle_timeout    = 30
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id

  health_check {
    matcher = "200,302"
    port    = "traffic-port"
  }

  stickiness {
    type    = "lb_cookie"
    enabled = false
  }
}

resource "aws_lb_target_group" "grpc" {
  name             = "grpc"
  port             = 50051
  protocol         = "HTTP"
  protocol_version = "GRPC"
  vpc_id           = aws_vpc.main.id
}

resource "aws_lb_target_group_attachment" "web" {
  target_group_arn = aws_lb_target_group.web.arn
  target_id        = aws_instance.web.id
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      host        = "#{host}"
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_302"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = aws_acm_certificate.imported.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "maintenance" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8443
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "503"
    }
  }
}
`,
  });
  const out = main(r);

  test("the ALB gets its VPC, a zone mapping per subnet, billing, and a security group attachment", () => {
    const lb = blockText(out, 'resource "alicloud_alb_load_balancer" "web"');
    expect(lb).toContain("vpc_id = alicloud_vswitch.a.vpc_id");
    expect(lb).toContain("vswitch_id = alicloud_vswitch.a.id");
    expect(lb).toContain("zone_id = alicloud_vswitch.b.zone_id");
    expect(lb).toContain('pay_type = "PayAsYouGo"');
    expect(lb).toContain('address_type = "Internet"');
    expect(out).toContain('resource "alicloud_alb_load_balancer_security_group_attachment" "web"');
    expect(blockText(out, 'resource "alicloud_alb_load_balancer_security_group_attachment" "web"')).toContain("security_group_id = alicloud_security_group.lb.id");
  });

  test("target groups: status classes, traffic port, stickiness off, GRPC, attachments folded into servers", () => {
    const tg = blockText(out, 'resource "alicloud_alb_server_group" "web"');
    expect(tg).toContain('health_check_codes = ["http_2xx", "http_3xx"]');
    expect(tg).toContain("health_check_connect_port = 0");
    expect(tg).toContain("health_check_enabled = true");
    expect(tg).not.toContain("sticky_session_config");
    expect(tg).toMatch(/servers \{\n\s+server_id\s+= alicloud_instance\.web\.id\n\s+server_type = "Ecs"\n\s+port\s+= 8080\n\s+weight\s+= 100/);
    expect(change(r, "aws_lb_target_group.web", "health_check.matcher")?.severity).toBe("warning");
    expect(blockText(out, 'resource "alicloud_alb_server_group" "grpc"')).toContain('protocol = "GRPC"');
    expect(blockText(out, 'resource "alicloud_alb_server_group" "grpc"')).toContain("health_check_enabled = true");
    expect(out).toContain("# aws2ali: aws_lb_target_group_attachment.web is not emitted as a resource");
  });

  test("listeners: forward default, certificate id with the CAS region, idle timeout, redirect and fixed response as catch-all rules", () => {
    const https = blockText(out, 'resource "alicloud_alb_listener" "https"');
    expect(https).toContain('certificate_id = "${alicloud_ssl_certificates_service_certificate.imported.id}-${var.aws2ali_cas_region}"');
    expect(https).toContain("server_group_id = alicloud_alb_server_group.web.id");
    expect(https).toContain("idle_timeout = 30");
    const redirect = blockText(out, 'resource "alicloud_alb_rule" "http_default"');
    expect(redirect).toContain("priority = 10000");
    expect(redirect).toContain('host = "$${host}"');
    expect(redirect).toContain('http_code = "302"');
    expect(blockText(out, 'resource "alicloud_alb_listener" "http"')).toContain("server_group_id = alicloud_alb_server_group.web.id");
    const fixed = blockText(out, 'resource "alicloud_alb_rule" "maintenance_default"');
    expect(fixed).toContain('type = "FixedResponse"');
    expect(fixed).toContain('content = "503"');
    expect(change(r, "aws_lb_listener.http", "default_action.redirect")?.to).toBe("alicloud_alb_rule.http_default");
    expect(r.outputs.get("aws2ali-inputs.tf")).toContain('default     = "ap-southeast-1"');
  });

  test("validates and is fmt-clean", () => expectClean(r));
});

test("statusClasses: ranges, single codes and lists", () => {
  expect(statusClasses("200-299")).toEqual({ classes: ["http_2xx"], exact: true });
  expect(statusClasses("200")).toEqual({ classes: ["http_2xx"], exact: false });
  expect(statusClasses("200-399")).toEqual({ classes: ["http_2xx", "http_3xx"], exact: true });
  expect(statusClasses("200,404")).toEqual({ classes: ["http_2xx", "http_4xx"], exact: false });
});

describe("aws_lb (network), TCP/TLS listeners and target groups", () => {
  const r = run({
    "main.tf": `${NETWORK}${CERT}
resource "aws_lb" "nlb" {
  name               = "nlb"
  load_balancer_type = "network"
  internal           = true
  subnets            = aws_subnet.many[*].id
  security_groups    = [aws_security_group.lb.id]
}

resource "aws_lb_target_group" "tcp" {
  name               = "tcp"
  port               = 443
  protocol           = "TCP"
  vpc_id             = aws_vpc.main.id
  preserve_client_ip = "true"
  proxy_protocol_v2  = true

  health_check {
    protocol = "HTTP"
    path     = "/ping"
    matcher  = "200-399"
  }

  stickiness {
    type    = "source_ip"
    enabled = true
  }
}

resource "aws_lb_target_group_attachment" "tcp" {
  count            = 2
  target_group_arn = aws_lb_target_group.tcp.arn
  target_id        = aws_instance.web.id
  port             = 443
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = 443
  protocol          = "TLS"
  certificate_arn   = aws_acm_certificate.imported.arn
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  alpn_policy       = "HTTP2Preferred"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}

resource "aws_lb_listener" "dns" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = 53
  protocol          = "TCP_UDP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}

data "aws_lb" "by_arn" {
  arn = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/net/nlb/abc"
}

data "aws_lb" "by_name" {
  name = "nlb"
}
`,
  });
  const out = main(r);

  test("the NLB keeps security groups as ids, a dynamic zone mapping over the subnets and no ALB edition", () => {
    const lb = blockText(out, 'resource "alicloud_nlb_load_balancer" "nlb"');
    expect(lb).toContain("security_group_ids = [alicloud_security_group.lb.id]");
    expect(lb).toContain('dynamic "zone_mappings"');
    expect(lb).toContain("for_each = alicloud_vswitch.many");
    expect(lb).not.toContain("load_balancer_edition");
    expect(lb).toContain('address_type = "Intranet"');
    expect(item(r, "aws_lb.nlb").targets).toEqual(["alicloud_nlb_load_balancer.nlb"]);
  });

  test("the NLB server group: HTTP health check, source-IP scheduler, client IP, attachments as resources", () => {
    const tg = blockText(out, 'resource "alicloud_nlb_server_group" "tcp"');
    expect(tg).toContain('scheduler = "Sch"');
    expect(tg).toContain("preserve_client_ip_enabled = true");
    expect(tg).toContain('health_check_url = "/ping"');
    expect(tg).toContain('health_check_http_code = ["http_2xx", "http_3xx"]');
    expect(tg).not.toContain("health_check_config");
    const att = blockText(out, 'resource "alicloud_nlb_server_group_server_attachment" "tcp"');
    expect(att).toContain("count = 2");
    expect(att).toContain("server_group_id = alicloud_nlb_server_group.tcp.id");
    expect(att).toContain('server_type = "Ecs"');
  });

  test("NLB listeners: TCPSSL with certificate ids and ALPN, proxy protocol from the target group, TCP_UDP split", () => {
    const tls = blockText(out, 'resource "alicloud_nlb_listener" "tls"');
    expect(tls).toContain('listener_protocol = "TCPSSL"');
    expect(tls).toContain('certificate_ids = ["${alicloud_ssl_certificates_service_certificate.imported.id}-${var.aws2ali_cas_region}"]');
    expect(tls).toContain('alpn_policy = "HTTP2Preferred"');
    expect(tls).toContain("proxy_protocol_enabled = true");
    expect(tls).toContain("server_group_id = alicloud_nlb_server_group.tcp.id");
    expect(blockText(out, 'resource "alicloud_nlb_listener" "dns_udp"')).toContain('listener_protocol = "UDP"');
    expect(change(r, "aws_lb_listener.dns", "protocol")?.severity).toBe("warning");
  });

  test("data.aws_lb: an ARN lookup takes an id variable; a name of an NLB reads NLB instances", () => {
    expect(blockText(out, 'data "alicloud_alb_load_balancers" "by_arn"')).toContain("load_balancer_ids = [var.aws2ali_data_aws_lb_by_arn_load_balancer_id]");
    expect(blockText(out, 'data "alicloud_nlb_load_balancers" "by_name"')).toContain('load_balancer_names = ["nlb"]');
  });

  test("validates and is fmt-clean", () => expectClean(r));
});

describe("aws_elb (classic)", () => {
  const r = run({
    "main.tf": `${NETWORK}${CERT}
variable "web_ids" {
  type = list(string)
}

resource "aws_elb" "public" {
  name      = "public"
  subnets   = aws_subnet.many[*].id
  instances = var.web_ids

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }

  listener {
    lb_port            = 443
    lb_protocol        = "ssl"
    instance_port      = 8443
    instance_protocol  = "tcp"
    ssl_certificate_id = aws_acm_certificate.imported.arn
  }

  listener {
    lb_port            = 8443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = aws_acm_certificate.imported.arn
  }

  health_check {
    target              = "TCP:8080"
    interval            = 60
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }

  idle_timeout = 400
}

resource "aws_elb" "private" {
  name     = "private"
  internal = true
  subnets  = aws_subnet.many[*].id

  listener {
    lb_port           = 5432
    lb_protocol       = "tcp"
    instance_port     = 5432
    instance_protocol = "tcp"
  }
}

resource "aws_elb_attachment" "web" {
  elb      = aws_elb.private.id
  instance = aws_instance.web.id
}

resource "aws_launch_configuration" "app" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_autoscaling_group" "app" {
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.app.name
  vpc_zone_identifier  = [aws_subnet.a.id]
  load_balancers       = [aws_elb.public.name]
}
`,
  });
  const out = main(r);

  test("an internet-facing CLB takes no vSwitch; an internal one takes the first of a splat", () => {
    expect(blockText(out, 'resource "alicloud_slb_load_balancer" "public"')).not.toContain("vswitch_id");
    expect(blockText(out, 'resource "alicloud_slb_load_balancer" "private"')).toContain("vswitch_id = alicloud_vswitch.many[0].id");
  });

  test("listeners carry the health check and timeouts; SSL to a TCP backend passes through; HTTPS uploads the certificate", () => {
    const http = blockText(out, 'resource "alicloud_slb_listener" "public_80"');
    expect(http).toContain('protocol = "http"');
    expect(http).toContain('health_check_uri = "/"');
    expect(http).toContain("health_check_interval = 50");
    expect(http).toContain("idle_timeout = 60");
    const ssl = blockText(out, 'resource "alicloud_slb_listener" "public_443"');
    expect(ssl).toContain('protocol = "tcp"');
    expect(ssl).toContain("established_timeout = 400");
    expect(ssl).toContain('health_check_type = "tcp"');
    expect(ssl).not.toContain("server_certificate_id");
    expect(change(r, "aws_elb.public", "listener[1].lb_protocol")?.severity).toBe("warning");
    expect(blockText(out, 'resource "alicloud_slb_listener" "public_8443"')).toContain("server_certificate_id = alicloud_slb_server_certificate.public_imported.id");
    const cert = blockText(out, 'resource "alicloud_slb_server_certificate" "public_imported"');
    expect(cert).toContain("server_certificate = alicloud_ssl_certificates_service_certificate.imported.cert");
    expect(cert).toContain("private_key = alicloud_ssl_certificates_service_certificate.imported.key");
  });

  test("backends: a dynamic block for a computed list; attachments folded; scaling groups take CLB ids", () => {
    const pub = blockText(out, 'resource "alicloud_slb_backend_server" "public"');
    expect(pub).toContain('dynamic "backend_servers"');
    expect(pub).toContain("for_each = var.web_ids");
    expect(blockText(out, 'resource "alicloud_slb_backend_server" "private"')).toContain("server_id = alicloud_instance.web.id");
    expect(out).toContain("# aws2ali: aws_elb_attachment.web is not emitted as a resource");
    expect(blockText(out, 'resource "alicloud_ess_scaling_group" "app"')).toContain("loadbalancer_ids = [alicloud_slb_load_balancer.public.id]");
  });

  test("validates and is fmt-clean", () => expectClean(r));
});

describe("aws_launch_configuration", () => {
  const r = run({
    "main.tf": `${NETWORK}
resource "aws_launch_configuration" "shared" {
  name_prefix                 = "shared-"
  image_id                    = "ami-0abcdef1234567890"
  instance_type               = "m5.large"
  associate_public_ip_address = true
  spot_price                  = "0.04"

  root_block_device {
    volume_size = 8
  }
}

resource "aws_launch_configuration" "unused" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_autoscaling_group" "blue" {
  name                 = "blue-\${aws_launch_configuration.shared.name}"
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.shared.name
  vpc_zone_identifier  = [aws_subnet.a.id]
}

resource "aws_autoscaling_group" "green" {
  min_size             = 1
  max_size             = 2
  launch_configuration = aws_launch_configuration.shared.name
  vpc_zone_identifier  = [aws_subnet.b.id]
}
`,
  });
  const out = main(r);

  test("one scaling configuration per group; public IP, spot and disk size; the AMI becomes a variable", () => {
    const first = blockText(out, 'resource "alicloud_ess_scaling_configuration" "shared"');
    expect(first).toContain("scaling_group_id = alicloud_ess_scaling_group.blue.id");
    expect(first).toContain("internet_max_bandwidth_out = 10");
    expect(first).toContain('spot_strategy = "SpotWithPriceLimit"');
    expect(first).toMatch(/spot_price_limit \{\n\s+instance_type = "ecs\.g6\.large"\n\s+price_limit\s+= 0\.04/);
    expect(first).toContain("system_disk_size = 20");
    expect(first).toContain("image_id = var.aws2ali_aws_launch_configuration_shared_image_id");
    expect(blockText(out, 'resource "alicloud_ess_scaling_configuration" "shared_green"')).toContain("scaling_group_id = alicloud_ess_scaling_group.green.id");
    expect(change(r, "aws_launch_configuration.shared", "spot_price")?.severity).toBe("warning");
  });

  test("a group named after its launch configuration gets the name as a literal (no cycle)", () => {
    expect(blockText(out, 'resource "alicloud_ess_scaling_group" "blue"')).toContain('scaling_group_name = "blue-shared-"');
    expect(change(r, "aws_autoscaling_group.blue", "name")?.severity).toBe("warning");
  });

  test("a launch configuration no group uses stays manual", () => {
    expect(item(r, "aws_launch_configuration.unused").status).toBe("manual");
    expect(out).toContain("# resource \"aws_launch_configuration\" \"unused\" {");
  });

  test("validates and is fmt-clean", () => expectClean(r));
});

describe("aws_acm_certificate issued by ACM", () => {
  const r = run({
    "main.tf": `${NETWORK}
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_acm_certificate" "site" {
  domain_name       = "example.com"
  validation_method = "DNS"
}

resource "aws_route53_record" "validation" {
  for_each = { for o in aws_acm_certificate.site.domain_validation_options : o.domain_name => o }
  zone_id  = aws_route53_zone.main.zone_id
  name     = each.value.resource_record_name
  type     = each.value.resource_record_type
  ttl      = 60
  records  = [each.value.resource_record_value]
}

resource "aws_acm_certificate_validation" "site" {
  certificate_arn         = aws_acm_certificate.site.arn
  validation_record_fqdns = [for r in aws_route53_record.validation : r.fqdn]
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = aws_acm_certificate_validation.site.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

output "cert" {
  value = aws_acm_certificate.site.arn
}
`,
  });
  const out = main(r);

  test("the certificate is manual; its validation and validation records are folded away", () => {
    expect(item(r, "aws_acm_certificate.site").status).toBe("manual");
    expect(item(r, "aws_acm_certificate.site").manual?.effortHours).toBe(1);
    expect(item(r, "aws_route53_record.validation").targets).toEqual(["(none)"]);
    expect(item(r, "aws_acm_certificate_validation.site").targets).toEqual(["(none)"]);
    expect(out).toContain("# aws2ali: aws_route53_record.validation is not emitted as a resource");
  });

  test("references read one certificate id variable, through the validation too", () => {
    expect(blockText(out, 'resource "alicloud_alb_listener" "https"')).toContain('certificate_id = "${var.aws2ali_aws_acm_certificate_site_certificate_id}-${var.aws2ali_cas_region}"');
    expect(blockText(out, 'output "cert"')).toContain("value = var.aws2ali_aws_acm_certificate_site_certificate_id");
    expect(r.outputs.get("aws2ali-inputs.tf")).toContain('variable "aws2ali_aws_acm_certificate_site_certificate_id"');
  });

  test("validates and is fmt-clean", () => expectClean(r));
});

test("an imported certificate: the chain is appended to the body and the name defaults to the resource name", () => {
  const r = run({
    "main.tf": `
resource "aws_acm_certificate" "api_cert" {
  private_key       = file("key.pem")
  certificate_body  = file("cert.pem")
  certificate_chain = file("chain.pem")
}
`,
  });
  const cert = blockText(main(r), 'resource "alicloud_ssl_certificates_service_certificate" "api_cert"');
  expect(cert).toContain('cert = join("\\n", [trimspace(file("cert.pem")), trimspace(file("chain.pem"))])');
  expect(cert).toContain('certificate_name = "api-cert"');
  expectClean(r);
});

describe("aws_cloudfront_distribution", () => {
  const r = run({
    "main.tf": `${CERT}
resource "aws_cloudfront_distribution" "plain" {
  enabled = true

  origin {
    origin_id   = "web"
    domain_name = "origin.example.com"
  }

  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  aliases = ["www.example.com", "example.com"]

  origin {
    origin_id   = "primary"
    domain_name = "origin-a.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  origin {
    origin_id   = "backup"
    domain_name = "203.0.113.10"
    custom_origin_config {
      http_port              = 8080
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  origin_group {
    origin_id = "group"
    failover_criteria {
      status_codes = [500, 502]
    }
    member {
      origin_id = "primary"
    }
    member {
      origin_id = "backup"
    }
  }

  default_cache_behavior {
    target_origin_id       = "group"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods         = ["GET", "HEAD"]
    default_ttl            = 60
  }

  restrictions {
    geo_restriction {
      restriction_type = "whitelist"
      locations        = ["DE"]
    }
  }

  viewer_certificate {
    acm_certificate_arn = aws_acm_certificate.imported.arn
    ssl_support_method  = "sni-only"
  }
}
`,
  });
  const out = main(r);

  test("a distribution without aliases stays manual", () => {
    expect(item(r, "aws_cloudfront_distribution.plain").status).toBe("manual");
    expect(item(r, "aws_cloudfront_distribution.plain").manual?.effortHours).toBe(4);
  });

  test("one CDN domain per alias with typed sources, backup priority and the CAS certificate", () => {
    const site = blockText(out, 'resource "alicloud_cdn_domain_new" "site"');
    expect(site).toContain('domain_name = "www.example.com"');
    expect(site).toMatch(/content\s+= "origin-a\.example\.com"\n\s+port\s+= 443\n\s+type\s+= "domain"\n\s+priority = 20/);
    expect(site).toMatch(/content\s+= "203\.0\.113\.10"\n\s+port\s+= 8080\n\s+type\s+= "ipaddr"\n\s+priority = 30/);
    expect(site).toContain("cert_id = alicloud_ssl_certificates_service_certificate.imported.id");
    expect(site).toContain("cert_region = var.aws2ali_cas_region");
    expect(blockText(out, 'resource "alicloud_cdn_domain_new" "site_2"')).toContain('domain_name = "example.com"');
  });

  test("domain configs for each domain; lost behaviours and geo restriction are reported", () => {
    for (const d of ["site", "site_2"]) {
      expect(blockText(out, `resource "alicloud_cdn_domain_config" "${d}_https_force"`)).toContain(`domain_name = alicloud_cdn_domain_new.${d}.domain_name`);
      expect(blockText(out, `resource "alicloud_cdn_domain_config" "${d}_forward_scheme"`)).toContain('arg_value = "https"');
    }
    const lost = change(r, "aws_cloudfront_distribution.site", "default_cache_behavior");
    expect(lost?.severity).toBe("warning");
    expect(lost?.reason).toContain("default_ttl");
    expect(lost?.reason).toContain("allowed_methods (writes)");
    expect(change(r, "aws_cloudfront_distribution.site", "restrictions")?.severity).toBe("warning");
  });

  test("validates and is fmt-clean", () => expectClean(r));
});

describe("Route 53 zones and records", () => {
  const r = run({
    "main.tf": `${NETWORK}
variable "domain" {
  type = string
}

resource "aws_route53_zone" "public" {
  name = "\${var.domain}."
}

resource "aws_route53_zone" "private" {
  name = "corp.internal"

  vpc {
    vpc_id     = aws_vpc.main.id
    vpc_region = "eu-central-1"
  }

  lifecycle {
    ignore_changes = [vpc]
  }
}

resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_route53_zone_association" "other" {
  zone_id = aws_route53_zone.private.zone_id
  vpc_id  = aws_vpc.other.id
}

resource "aws_route53_record" "txt" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "_verify.\${var.domain}"
  type    = "TXT"
  ttl     = 60
  records = ["\\"token-123\\""]
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.public.zone_id
  name    = var.domain
  type    = "MX"
  ttl     = 3600
  records = ["10 mail.example.net."]
}

resource "aws_route53_record" "api" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "api"
  type    = "A"
  ttl     = 300
  records = [aws_instance.web.public_ip, "198.51.100.7"]
}

resource "aws_route53_record" "legacy" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "legacy.example.org"
  type    = "CNAME"
  ttl     = 600
  records = ["old.example.org"]
}

resource "aws_route53_record" "db" {
  zone_id = aws_route53_zone.private.zone_id
  name    = "db.corp.internal"
  type    = "CNAME"
  ttl     = 30
  records = ["db-primary.corp.internal"]
}

resource "aws_route53_record" "db6" {
  zone_id = aws_route53_zone.private.zone_id
  name    = "db6"
  type    = "AAAA"
  ttl     = 30
  records = ["2001:db8::1"]
}

resource "aws_route53_record" "blue" {
  zone_id        = aws_route53_zone.public.zone_id
  name           = "app"
  type           = "CNAME"
  ttl            = 60
  set_identifier = "blue"
  records        = ["blue.example.net"]
  weighted_routing_policy {
    weight = 90
  }
}

resource "aws_route53_record" "green" {
  zone_id        = aws_route53_zone.public.zone_id
  name           = "app"
  type           = "CNAME"
  ttl            = 60
  set_identifier = "green"
  records        = ["green.example.net"]
  weighted_routing_policy {
    weight = 10
  }
}

data "aws_route53_zone" "corp" {
  name         = "corp.internal."
  private_zone = true
  vpc_id       = aws_vpc.main.id
}

output "api_fqdn" {
  value = aws_route53_record.api.fqdn
}

output "db_fqdn" {
  value = aws_route53_record.db.fqdn
}

output "corp_zone" {
  value = data.aws_route53_zone.corp.zone_id
}

output "api_url" {
  value = "https://\${aws_route53_record.api.fqdn}/v1"
}

variable "zone_name" {
  type = string
}

data "aws_route53_zone" "by_var" {
  name = var.zone_name
}

resource "aws_route53_record" "computed" {
  zone_id = data.aws_route53_zone.by_var.zone_id
  name    = "docs.\${var.domain}"
  type    = "CNAME"
  ttl     = 600
  records = ["docs.example.net"]
}
`,
  });
  const out = main(r);

  test("a private zone is a PrivateZone zone with one attachment for all its VPCs", () => {
    expect(blockText(out, 'resource "alicloud_alidns_domain" "public"')).toContain("domain_name = var.domain");
    expect(change(r, "aws_route53_zone.public", "(block)")?.severity).toBe("warning");
    const zone = blockText(out, 'resource "alicloud_pvtz_zone" "private"');
    expect(zone).toContain('zone_name = "corp.internal"');
    expect(zone).not.toContain("lifecycle");
    const att = blockText(out, 'resource "alicloud_pvtz_zone_attachment" "private"');
    expect(att).toMatch(/vpcs \{\n\s+vpc_id\s+= alicloud_vpc\.main\.id\n\s+region_id = "eu-central-1"/);
    expect(att).toContain("vpc_id = alicloud_vpc.other.id");
    expect(att).toContain("ignore_changes = [vpcs]");
    expect(item(r, "aws_route53_zone_association.other").targets).toEqual(["alicloud_pvtz_zone_attachment.private"]);
  });

  test("records: relative names, unquoted TXT, MX priority, one record per value, TTL floor", () => {
    const txt = blockText(out, 'resource "alicloud_alidns_record" "txt"');
    expect(txt).toContain('rr = "_verify"');
    expect(txt).toContain('value = "token-123"');
    expect(txt).toContain("ttl = 600");
    const mx = blockText(out, 'resource "alicloud_alidns_record" "mx"');
    expect(mx).toContain('rr = "@"');
    expect(mx).toContain("priority = 10");
    expect(mx).toContain('value = "mail.example.net"');
    const api = blockText(out, 'resource "alicloud_alidns_record" "api"');
    expect(api).toContain('for_each = toset([alicloud_instance.web.public_ip, "198.51.100.7"])');
    expect(api).toContain("value = each.value");
  });

  test("a literal zone id becomes a domain variable; private records are PrivateZone records; AAAA in a private zone is manual", () => {
    expect(blockText(out, 'resource "alicloud_alidns_record" "legacy"')).toContain("domain_name = var.aws2ali_aws_route53_record_legacy_domain_name");
    expect(change(r, "aws_route53_record.legacy", "name")?.severity).toBe("warning");
    const db = blockText(out, 'resource "alicloud_pvtz_zone_record" "db"');
    expect(db).toContain("zone_id = alicloud_pvtz_zone.private.id");
    expect(db).toContain('rr = "db"');
    expect(db).toContain("ttl = 30");
    expect(item(r, "aws_route53_record.db6").status).toBe("manual");
  });

  test("weighted variants: the first is kept, the others are manual", () => {
    expect(out).toContain('resource "alicloud_alidns_record" "blue"');
    expect(item(r, "aws_route53_record.green").status).toBe("manual");
    expect(change(r, "aws_route53_record.blue", "weighted_routing_policy")?.severity).toBe("warning");
  });

  test("fqdn references and a private zone lookup", () => {
    expect(blockText(out, 'output "api_fqdn"')).toContain('value = "api.${alicloud_alidns_domain.public.domain_name}"');
    expect(blockText(out, 'output "db_fqdn"')).toContain('value = "db.${alicloud_pvtz_zone.private.zone_name}"');
    const lookup = blockText(out, 'data "alicloud_pvtz_zones" "corp"');
    expect(lookup).toContain('keyword = "corp.internal"');
    expect(lookup).toContain('search_mode = "EXACT"');
    expect(lookup).toContain("query_vpc_id = alicloud_vpc.main.id");
    expect(blockText(out, 'output "corp_zone"')).toContain("value = data.alicloud_pvtz_zones.corp.ids[0]");
  });

  test("fqdn inside a template joins its text; a computed name is made relative at plan time", () => {
    expect(blockText(out, 'output "api_url"')).toContain('value = "https://api.${alicloud_alidns_domain.public.domain_name}/v1"');
    expect(blockText(out, 'resource "alicloud_alidns_record" "computed"')).toContain('rr = "docs.${var.domain}" == var.zone_name ? "@" : trimsuffix("docs.${var.domain}", ".${var.zone_name}")');
    expect(blockText(out, 'data "alicloud_alidns_domains" "by_var"')).toContain('domain_name_regex = format("^%s$", replace(trimsuffix(var.zone_name, "."), ".", "\\\\."))');
  });

  test("validates and is fmt-clean", () => expectClean(r));
});

describe("alias records", () => {
  const r = run({
    "main.tf": `${NETWORK}
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_elb" "classic" {
  name    = "classic"
  subnets = [aws_subnet.a.id]
  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 80
    instance_protocol = "http"
  }
}

resource "aws_route53_record" "apex" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "A"
  alias {
    name                   = aws_lb.web.dns_name
    zone_id                = aws_lb.web.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "apex6" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "AAAA"
  alias {
    name                   = aws_lb.web.dns_name
    zone_id                = aws_lb.web.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "old" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "old.example.com"
  type    = "A"
  alias {
    name                   = aws_elb.classic.dns_name
    zone_id                = aws_elb.classic.zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "s3" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "files.example.com"
  type    = "A"
  alias {
    name                   = "s3-website.eu-central-1.amazonaws.com"
    zone_id                = "Z21DNDUVLTQW6Q"
    evaluate_target_health = false
  }
}
`,
  });
  const out = main(r);

  test("an alias to an ALB is a CNAME (reported at the apex); its AAAA twin is folded into it", () => {
    const apex = blockText(out, 'resource "alicloud_alidns_record" "apex"');
    expect(apex).toContain('type = "CNAME"');
    expect(apex).toContain("value = alicloud_alb_load_balancer.web.dns_name");
    expect(apex).toContain("ttl = 600");
    expect(change(r, "aws_route53_record.apex", "alias")?.severity).toBe("warning");
    expect(item(r, "aws_route53_record.apex6").targets).toEqual(["alicloud_alidns_record.apex"]);
  });

  test("an alias to a classic ELB is an A record to the CLB address; an AWS target name is reported", () => {
    const old = blockText(out, 'resource "alicloud_alidns_record" "old"');
    expect(old).toContain('type = "A"');
    expect(old).toContain("value = alicloud_slb_load_balancer.classic.address");
    expect(change(r, "aws_route53_record.s3", "alias")?.reason).toContain("AWS name");
  });

  test("validates and is fmt-clean", () => expectClean(r));
});

describe("aws_ec2_tag", () => {
  const r = run({
    "main.tf": `${NETWORK}
resource "aws_ec2_tag" "owner" {
  resource_id = aws_vpc.main.id
  key         = "Owner"
  value       = "platform"
}

resource "aws_ec2_tag" "cost" {
  resource_id = aws_subnet.a.id
  key         = "cost-center"
  value       = "42"
}

resource "aws_ec2_tag" "elb_role" {
  resource_id = aws_subnet.b.id
  key         = "kubernetes.io/role/elb"
  value       = "1"
}

resource "aws_ec2_tag" "many" {
  resource_id = aws_subnet.many[0].id
  key         = "Tier"
  value       = "app"
}

resource "aws_ec2_tag" "outside" {
  resource_id = "vpc-0123456789abcdef0"
  key         = "Owner"
  value       = "platform"
}
`,
  });
  const out = main(r);

  test("tags merge into the tagged resource's tags; the block is folded into it", () => {
    expect(blockText(out, 'resource "alicloud_vpc" "main"')).toContain('tags = { Owner = "platform" }');
    expect(blockText(out, 'resource "alicloud_vswitch" "a"')).toContain('tags = { cost-center = "42" }');
    expect(item(r, "aws_ec2_tag.owner").targets).toEqual(["alicloud_vpc.main"]);
  });

  test("Kubernetes discovery tags are not needed; tags on repeated or outside resources stay manual", () => {
    expect(item(r, "aws_ec2_tag.elb_role").targets).toEqual(["(none)"]);
    expect(blockText(out, 'resource "alicloud_vswitch" "b"')).not.toContain("kubernetes.io");
    expect(item(r, "aws_ec2_tag.many").status).toBe("manual");
    expect(item(r, "aws_ec2_tag.outside").status).toBe("manual");
    expect(change(r, "aws_ec2_tag.outside", "resource_id")?.severity).toBe("warning");
  });

  test("validates and is fmt-clean", () => expectClean(r));
});
