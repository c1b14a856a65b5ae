/**
 * The managed artifacts bucket, as `resolve_s3` gives SAM users: one small stack per account and
 * region, created on first use. Its bucket is encrypted, blocks public access, accepts only TLS and
 * expires old artifacts; the name is CloudFormation's choice, read from the stack outputs.
 */
import { type CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { DeployError } from './errors';
import { type FollowContext, followStack, latestEventId } from './follow';
import { describeStack, isSettled } from './stack-state';

export const MANAGED_STACK_NAME = 'wskit-managed-artifacts';
const BUCKET_OUTPUT = 'ArtifactsBucketName';
/** Artifacts are content-addressed and re-uploaded when missing, so old ones can go. */
const EXPIRE_AFTER_DAYS = 90;

export const managedBucketTemplate = {
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'Artifacts bucket for wskit deploy (code zips and state machine definitions)',
  Resources: {
    ArtifactsBucket: {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LifecycleConfiguration: {
          Rules: [
            {
              Id: 'ExpireOldArtifacts',
              Status: 'Enabled',
              ExpirationInDays: EXPIRE_AFTER_DAYS,
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            },
          ],
        },
        Tags: [{ Key: 'ManagedBy', Value: 'wskit' }],
      },
    },
    ArtifactsBucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: 'ArtifactsBucket' },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'TlsOnly',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [
                { 'Fn::GetAtt': ['ArtifactsBucket', 'Arn'] },
                { 'Fn::Sub': '${ArtifactsBucket.Arn}/*' },
              ],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    },
  },
  Outputs: {
    [BUCKET_OUTPUT]: { Description: 'Bucket for wskit deploy artifacts', Value: { Ref: 'ArtifactsBucket' } },
  },
};

/** The managed bucket's name, creating its stack first when this account and region have none. */
export async function ensureManagedBucket(ctx: FollowContext): Promise<string> {
  let stack = await describeStack(ctx.cfn, MANAGED_STACK_NAME);
  if (!stack) {
    ctx.terminal.line(
      `Creating the managed artifacts bucket (stack ${MANAGED_STACK_NAME}, once per account and region)`,
    );
    const { StackId } = await createManagedStack(ctx.cfn);
    stack = (await followStack(ctx, StackId as string, MANAGED_STACK_NAME, undefined)).stack;
  } else if (!isSettled(stack.StackStatus)) {
    ctx.terminal.line(`Waiting for stack ${MANAGED_STACK_NAME} (${stack.StackStatus})`);
    const stackId = stack.StackId as string;
    stack = (await followStack(ctx, stackId, MANAGED_STACK_NAME, await latestEventId(ctx.cfn, stackId)))
      .stack;
  }
  const name = stack.Outputs?.find((o) => o.OutputKey === BUCKET_OUTPUT)?.OutputValue;
  if (!name || !/^(CREATE|UPDATE)_COMPLETE$/.test(stack.StackStatus ?? '')) {
    throw new DeployError(
      'E_DEPLOY_MANAGED_BUCKET',
      `the managed artifacts stack ${MANAGED_STACK_NAME} is ${stack.StackStatus} without a bucket: delete it (wskit delete --stack-name ${MANAGED_STACK_NAME}) or pass --s3-bucket`,
    );
  }
  return name;
}

function createManagedStack(cfn: CloudFormationClient) {
  return cfn.send(
    new CreateStackCommand({
      StackName: MANAGED_STACK_NAME,
      TemplateBody: JSON.stringify(managedBucketTemplate, null, 2),
      Tags: [{ Key: 'ManagedBy', Value: 'wskit' }],
      EnableTerminationProtection: false,
    }),
  );
}
