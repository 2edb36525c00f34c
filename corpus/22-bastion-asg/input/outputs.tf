output "static_bastion_ip" {
  value = one(aws_eip.static[*].public_ip)
}

output "bastion_asg_name" {
  value = aws_autoscaling_group.bastion.name
}

output "batch_ami" {
  value = data.aws_ami.al2_x86.id
}

output "bastion_nlb_ip" {
  value = aws_eip.nlb.public_ip
}
