/**
 * The named transforms a rule can ask for (`transform:` in its YAML), for
 * what data cannot say. One file each; this registry only names them.
 */

import type { Transform } from "./context.js";
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
import { transitGateway, transitGatewayRouteTable, transitGatewayRouteTableLink, transitGatewayVpcAttachment } from "./transit-gateway.js";
import { vswitchZone } from "./vswitch-zone.js";

export const TRANSFORMS: Record<string, Transform> = {
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
  "transit-gateway-vpc-attachment": transitGatewayVpcAttachment,
  "transit-gateway-route-table": transitGatewayRouteTable,
  "transit-gateway-route-table-link": transitGatewayRouteTableLink,
};
