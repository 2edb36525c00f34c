/**
 * The named transforms a rule can ask for (`transform:` in its YAML), for
 * what data cannot say. One file each; this registry only names them.
 */

import type { Transform } from "./context.js";
import { dataIamPolicy } from "./iam-data.js";
import { oidcProvider } from "./iam-oidc-provider.js";
import { iamPolicyAttachment } from "./iam-policy-attachment.js";
import { iamPolicyDocument } from "./iam-policy-document.js";
import { iamPolicy, iamRolePolicy } from "./iam-policy.js";
import { iamRole } from "./iam-role.js";
import { iamPrincipalName } from "./iam-names.js";
import { iamAccessKey } from "./iam-access-key.js";
import { eipAssociation } from "./eip-association.js";
import { eksCluster } from "./eks-cluster.js";
import { eksNodeGroup } from "./eks-node-group.js";
import { dbInstance } from "./db-instance.js";
import { dynamodbTable } from "./dynamodb-table.js";
import { logGroup } from "./log-group.js";
import { metricAlarm } from "./metric-alarm.js";
import { rdsCluster } from "./rds-cluster.js";
import { s3Lifecycle } from "./s3-lifecycle.js";
import { eip, natGateway } from "./nat-gateway.js";
import { route, routeTable } from "./route-table.js";
import { s3PublicAccessBlock } from "./s3-public-access-block.js";
import { securityGroupInlineRules, securityGroupRule } from "./security-group.js";
import { dataTransitGateway, transitGateway, transitGatewayRouteTable, transitGatewayRouteTableLink, transitGatewayVpcAttachment } from "./transit-gateway.js";
import { vswitchZone } from "./vswitch-zone.js";
import { instance } from "./instance.js";
import { amiFilters } from "./ami-filters.js";
import { launchTemplate } from "./launch-template.js";
import { autoscalingGroup } from "./autoscaling-group.js";
import { ebsVolume } from "./ebs-volume.js";
import { kmsKeyRotation } from "./kms-key-rotation.js";
import { ossBucketPolicy } from "./oss-bucket-policy.js";
import { s3WebsiteRoutingRules } from "./s3-website-routing-rules.js";
import { s3ReplicationRules } from "./s3-replication-rules.js";
import { dataFilters } from "./data-filters.js";
import { networkAcl, networkAclAssociationIntoAcl, networkAclRuleIntoAcl } from "./network-acl.js";
import { vpcEndpoint } from "./vpc-endpoint.js";
import { flowLog } from "./flow-log.js";
import { vpcPeering } from "./vpc-peering.js";
import { eventRule, eventTargetIntoRule } from "./event-rule.js";
import { sqsRedrivePolicy } from "./sqs-queue.js";
import { ssmParameter, ssmParameterData } from "./ssm-parameter.js";
import { secretsmanagerSecret, secretVersionIntoSecret } from "./secretsmanager-secret.js";
import { lambdaFunction } from "./lambda-function.js";
import { lambdaEventSourceMapping } from "./lambda-event-source-mapping.js";
import { dataEcrRepository, ecrRepository } from "./ecr-repository.js";
import { ecsCluster, ecsService, ecsTaskDefinition } from "./ecs-service.js";
import { dataEksCluster, eksAccessEntry, eksAccessPolicyAssociation, eksAddon } from "./eks-extras.js";
import { elasticacheReplicationGroup } from "./elasticache-replication-group.js";
import { dbParameterGroup, dbSubnetGroup } from "./db-groups.js";
import { dataEc2InstanceType, dataOrganizationsOrganization, servicePrincipal, vpcEndpointService } from "./data-lookups.js";
import { dataLb, lb } from "./lb.js";
import { lbListener } from "./lb-listener.js";
import { lbTargetGroup } from "./lb-target-group.js";
import { elb } from "./elb.js";
import { launchConfiguration } from "./launch-configuration.js";
import { acmCertificate } from "./acm-certificate.js";
import { cloudfrontDistribution } from "./cloudfront-distribution.js";
import { dataRoute53Zone, route53Record, route53Zone } from "./route53.js";
import { ec2Tag } from "./ec2-tag.js";

export const TRANSFORMS: Record<string, Transform> = {
  "lambda-function": lambdaFunction,
  "lambda-event-source-mapping": lambdaEventSourceMapping,
  "ecr-repository": ecrRepository,
  "data-ecr-repository": dataEcrRepository,
  "ecs-service": ecsService,
  "ecs-task-definition": ecsTaskDefinition,
  "ecs-cluster": ecsCluster,
  "eks-addon": eksAddon,
  "eks-access-entry": eksAccessEntry,
  "eks-access-policy-association": eksAccessPolicyAssociation,
  "data-eks-cluster": dataEksCluster,
  "elasticache-replication-group": elasticacheReplicationGroup,
  "db-parameter-group": dbParameterGroup,
  "db-subnet-group": dbSubnetGroup,
  "data-ec2-instance-type": dataEc2InstanceType,
  "data-organizations-organization": dataOrganizationsOrganization,
  "service-principal": servicePrincipal,
  "vpc-endpoint-service": vpcEndpointService,
  instance: instance,
  "ami-filters": amiFilters,
  "launch-template": launchTemplate,
  "autoscaling-group": autoscalingGroup,
  "ebs-volume": ebsVolume,
  "kms-key-rotation": kmsKeyRotation,
  "oss-bucket-policy": ossBucketPolicy,
  "s3-website-routing-rules": s3WebsiteRoutingRules,
  "s3-replication-rules": s3ReplicationRules,
  "data-filters": dataFilters,
  "network-acl": networkAcl,
  "network-acl-rule-into-acl": networkAclRuleIntoAcl,
  "network-acl-association-into-acl": networkAclAssociationIntoAcl,
  "vpc-endpoint": vpcEndpoint,
  "flow-log": flowLog,
  "vpc-peering": vpcPeering,
  "event-rule": eventRule,
  "event-target-into-rule": eventTargetIntoRule,
  "sqs-redrive-policy": sqsRedrivePolicy,
  "ssm-parameter": ssmParameter,
  "ssm-parameter-data": ssmParameterData,
  "secretsmanager-secret": secretsmanagerSecret,
  "secret-version-into-secret": secretVersionIntoSecret,
  "iam-role": iamRole,
  "iam-policy": iamPolicy,
  "iam-role-policy": iamRolePolicy,
  "iam-policy-attachment": iamPolicyAttachment,
  "iam-policy-document": iamPolicyDocument,
  "oidc-provider": oidcProvider,
  "data-iam-policy": dataIamPolicy,
  "iam-name": iamPrincipalName,
  "iam-access-key": iamAccessKey,
  "subnet-zone": vswitchZone,
  "eks-cluster": eksCluster,
  "eks-node-group": eksNodeGroup,
  "rds-cluster": rdsCluster,
  "db-instance": dbInstance,
  "log-group": logGroup,
  "metric-alarm": metricAlarm,
  "dynamodb-table": dynamodbTable,
  "s3-lifecycle-into-bucket": s3Lifecycle,
  "route-table": routeTable,
  "route-target": route,
  "nat-gateway": natGateway,
  eip: eip,
  "eip-association": eipAssociation,
  "s3-public-access-block": s3PublicAccessBlock,
  "security-group-inline-rules": securityGroupInlineRules,
  "security-group-rule": securityGroupRule,
  "transit-gateway": transitGateway,
  "data-transit-gateway": dataTransitGateway,
  "transit-gateway-vpc-attachment": transitGatewayVpcAttachment,
  "transit-gateway-route-table": transitGatewayRouteTable,
  "transit-gateway-route-table-link": transitGatewayRouteTableLink,
  lb: lb,
  "data-lb": dataLb,
  "lb-listener": lbListener,
  "lb-target-group": lbTargetGroup,
  elb: elb,
  "launch-configuration": launchConfiguration,
  "acm-certificate": acmCertificate,
  "cloudfront-distribution": cloudfrontDistribution,
  "route53-zone": route53Zone,
  "route53-record": route53Record,
  "data-route53-zone": dataRoute53Zone,
  "ec2-tag": ec2Tag,
};
