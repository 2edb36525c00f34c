output "static_bastion_ip" {
  value = one(alicloud_eip_address.static[*].ip_address)
}

output "bastion_asg_name" {
  value = alicloud_ess_scaling_group.bastion.scaling_group_name
}

output "batch_ami" {
  value = data.alicloud_images.al2_x86.images[0].id
}

output "bastion_nlb_ip" {
  value = alicloud_eip_address.nlb.ip_address
}
