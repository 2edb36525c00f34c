output "api_repository_url" {
  value = "${alicloud_cr_ee_instance.registry.instance_name}-registry.${data.alicloud_regions.aws2ali.ids[0]}.cr.aliyuncs.com/${alicloud_cr_ee_repo.api.namespace}/${alicloud_cr_ee_repo.api.name}"
}

output "worker_function" {
  value = alicloud_fcv3_function.worker.function_name
}

output "cache_endpoint" {
  value = alicloud_kvstore_instance.sessions.connection_domain
}

output "api_task_family" {
  value = alicloud_sae_application.api.id
}
