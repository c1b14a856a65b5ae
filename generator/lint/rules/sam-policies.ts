/**
 * SAM `Policies` on functions and state machines: each item is a managed policy name or ARN, an
 * inline policy document, or one SAM policy template with its parameters.
 */
import { show } from '../../errors';
import type { LintContext, Path } from '../types';
import { didYouMean, intrinsicName, isObject } from '../values';

/** The SAM policy templates (serverless-application-model's policy_templates.json). */
export const SAM_POLICY_TEMPLATES = [
  'AcmGetCertificatePolicy',
  'AMIDescribePolicy',
  'AthenaQueryPolicy',
  'AWSSecretsManagerGetSecretValuePolicy',
  'AWSSecretsManagerRotationPolicy',
  'CloudFormationDescribeStacksPolicy',
  'CloudWatchDashboardPolicy',
  'CloudWatchDescribeAlarmHistoryPolicy',
  'CloudWatchPutMetricPolicy',
  'CodeCommitCrudPolicy',
  'CodeCommitReadPolicy',
  'CodePipelineLambdaExecutionPolicy',
  'CodePipelineReadOnlyPolicy',
  'ComprehendBasicAccessPolicy',
  'CostExplorerReadOnlyPolicy',
  'DynamoDBBackupFullAccessPolicy',
  'DynamoDBCrudPolicy',
  'DynamoDBReadPolicy',
  'DynamoDBReconfigurePolicy',
  'DynamoDBRestoreFromBackupPolicy',
  'DynamoDBStreamReadPolicy',
  'DynamoDBWritePolicy',
  'EC2CopyImagePolicy',
  'EC2DescribePolicy',
  'EcsRunTaskPolicy',
  'EFSWriteAccessPolicy',
  'EKSDescribePolicy',
  'ElasticMapReduceAddJobFlowStepsPolicy',
  'ElasticMapReduceCancelStepsPolicy',
  'ElasticMapReduceModifyInstanceFleetPolicy',
  'ElasticMapReduceModifyInstanceGroupsPolicy',
  'ElasticMapReduceSetTerminationProtectionPolicy',
  'ElasticMapReduceTerminateJobFlowsPolicy',
  'ElasticsearchHttpPostPolicy',
  'EventBridgePutEventsPolicy',
  'FilterLogEventsPolicy',
  'FirehoseCrudPolicy',
  'FirehoseWritePolicy',
  'KinesisCrudPolicy',
  'KinesisStreamReadPolicy',
  'KMSDecryptPolicy',
  'KMSEncryptPolicy',
  'LambdaInvokePolicy',
  'MobileAnalyticsWriteOnlyAccessPolicy',
  'OrganizationsListAccountsPolicy',
  'PinpointEndpointAccessPolicy',
  'PollyFullAccessPolicy',
  'RekognitionDetectOnlyPolicy',
  'RekognitionFacesManagementPolicy',
  'RekognitionFacesPolicy',
  'RekognitionLabelsPolicy',
  'RekognitionNoDataAccessPolicy',
  'RekognitionReadPolicy',
  'RekognitionWriteOnlyAccessPolicy',
  'Route53ChangeResourceRecordSetsPolicy',
  'S3CrudPolicy',
  'S3FullAccessPolicy',
  'S3ReadPolicy',
  'S3WritePolicy',
  'SageMakerCreateEndpointConfigPolicy',
  'SageMakerCreateEndpointPolicy',
  'ServerlessRepoReadWriteAccessPolicy',
  'SESBulkTemplatedCrudPolicy',
  'SESBulkTemplatedCrudPolicy_v2',
  'SESCrudPolicy',
  'SESEmailTemplateCrudPolicy',
  'SESSendBouncePolicy',
  'SNSCrudPolicy',
  'SNSPublishMessagePolicy',
  'SQSPollerPolicy',
  'SQSSendMessagePolicy',
  'SSMParameterReadPolicy',
  'SSMParameterWithSlashPrefixReadPolicy',
  'StepFunctionsCallbackPolicy',
  'StepFunctionsExecutionPolicy',
  'TextractDetectAnalyzePolicy',
  'TextractGetResultPolicy',
  'TextractPolicy',
  'VPCAccessPolicy',
];
const TEMPLATES = new Set(SAM_POLICY_TEMPLATES);

export function checkSamPolicies(ctx: LintContext): void {
  for (const r of ctx.resources) {
    if (r.type !== 'AWS::Serverless::Function' && r.type !== 'AWS::Serverless::StateMachine') continue;
    const policies = r.properties.Policies;
    if (policies === undefined || intrinsicName(policies)) continue;
    const base: Path = ['Resources', r.id, 'Properties', 'Policies'];
    const items = Array.isArray(policies)
      ? policies.map((p, i) => [p, [...base, i]] as const)
      : [[policies, base] as const];
    for (const [item, path] of items) checkItem(ctx, r.id, item, path);
  }
}

function checkItem(ctx: LintContext, id: string, item: unknown, path: Path): void {
  if (typeof item === 'string' || intrinsicName(item)) return;
  if (!isObject(item)) {
    ctx.report(
      'E3012',
      path,
      `${id} Policies: ${show(item)} is not a policy name, ARN, policy document or SAM policy template`,
    );
    return;
  }
  if ('Statement' in item) return;
  const keys = Object.keys(item);
  if (keys.length !== 1) {
    ctx.report(
      'E3012',
      path,
      `${id} Policies: a SAM policy template is one key, got ${keys.join(', ')} (a policy document needs a Statement)`,
    );
    return;
  }
  const [name] = keys;
  if (!TEMPLATES.has(name)) {
    ctx.report(
      'E3002',
      [...path, name],
      `${id} Policies: unknown SAM policy template ${show(name)}${didYouMean(name, TEMPLATES)}`,
    );
  } else if (!isObject(item[name])) {
    ctx.report(
      'E3012',
      [...path, name],
      `${id} Policies: ${name} takes a mapping of parameters (use {} when it has none), got ${show(item[name])}`,
    );
  }
}
