output "alb_dns_name" {
  value = aws_lb.web.dns_name
}

output "cdn_domain_name" {
  value = aws_cloudfront_distribution.static.domain_name
}

output "name_servers" {
  value = aws_route53_zone.shop.name_servers
}

output "www_fqdn" {
  value = aws_route53_record.www.fqdn
}
