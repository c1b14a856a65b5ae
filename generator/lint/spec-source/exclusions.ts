/**
 * Properties that exclude each other: CloudFormation (or the SAM transform) refuses a resource
 * that sets more than one property of a group. @aws-cdk/aws-service-spec, our resource
 * specification, drops the resource schemas' `oneOf`/`dependencies` data, and no maintained
 * package carries it, so this is a single table.
 *
 * Source: each resource's page in the CloudFormation template reference and the SAM resource
 * reference (docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/,
 * docs.aws.amazon.com/serverless-application-model/latest/developerguide/), as of 2026-11-30.
 */

export interface ExclusionEntry {
  readonly type: string;
  /** Where the properties sit below `Properties`: `''`, a property (`Code`), or a list's items (`Targets/*`). */
  readonly at: string;
  /** Each group: at most one of these may be set. */
  readonly groups: readonly (readonly string[])[];
}

const RECORD_SET = [
  ['AliasTarget', 'TTL'],
  ['AliasTarget', 'ResourceRecords'],
];

export const EXCLUSIONS: readonly ExclusionEntry[] = [
  { type: 'AWS::Route53::RecordSet', at: '', groups: RECORD_SET },
  { type: 'AWS::Route53::RecordSetGroup', at: 'RecordSets/*', groups: RECORD_SET },
  { type: 'AWS::Events::Rule', at: 'Targets/*', groups: [['Input', 'InputPath', 'InputTransformer']] },
  {
    type: 'AWS::StepFunctions::StateMachine',
    at: '',
    groups: [['Definition', 'DefinitionString', 'DefinitionS3Location']],
  },
  { type: 'AWS::Serverless::StateMachine', at: '', groups: [['Definition', 'DefinitionUri']] },
  { type: 'AWS::Serverless::Api', at: '', groups: [['DefinitionBody', 'DefinitionUri']] },
  // The translator takes either spelling and refuses both (api_generator.py _set_endpoint_configuration).
  {
    type: 'AWS::Serverless::Api',
    at: 'EndpointConfiguration',
    groups: [['VPCEndpointIds', 'VpcEndpointIds']],
  },
  { type: 'AWS::Serverless::HttpApi', at: '', groups: [['DefinitionBody', 'DefinitionUri']] },
  { type: 'AWS::ApiGateway::RestApi', at: '', groups: [['Body', 'BodyS3Location']] },
  { type: 'AWS::ApiGatewayV2::Api', at: '', groups: [['Body', 'BodyS3Location']] },
  { type: 'AWS::Lambda::Function', at: 'Code', groups: [['ZipFile', 'S3Bucket', 'ImageUri']] },
  { type: 'AWS::CloudFormation::StackSet', at: '', groups: [['TemplateBody', 'TemplateURL']] },
  { type: 'AWS::CloudWatch::MetricStream', at: '', groups: [['IncludeFilters', 'ExcludeFilters']] },
  {
    type: 'AWS::EC2::SecurityGroup',
    at: 'SecurityGroupIngress/*',
    groups: [
      ['CidrIp', 'CidrIpv6', 'SourcePrefixListId', 'SourceSecurityGroupId', 'SourceSecurityGroupName'],
    ],
  },
];

/**
 * Properties of which the SAM transform reads one and ignores the rest, without failing: for each
 * value of `selector` (its default when absent), the properties read in order of precedence.
 *
 * Source: the SAM translator's `SamFunction._construct_code_dict`
 * (samtranslator/model/sam_resources.py, 1.110.0): with PackageType Zip, InlineCode wins over
 * CodeUri and ImageUri is not read; with PackageType Image only ImageUri is read.
 */
export interface PrecedenceEntry {
  readonly type: string;
  readonly selector: string;
  readonly selectorDefault: string;
  readonly read: Readonly<Record<string, readonly string[]>>;
  /** Every property of the group. */
  readonly group: readonly string[];
}

export const PRECEDENCES: readonly PrecedenceEntry[] = [
  {
    type: 'AWS::Serverless::Function',
    selector: 'PackageType',
    selectorDefault: 'Zip',
    read: { Zip: ['InlineCode', 'CodeUri'], Image: ['ImageUri'] },
    group: ['InlineCode', 'CodeUri', 'ImageUri'],
  },
];

/**
 * Properties the SAM transform refuses when another has a given value.
 *
 * Source: `SamFunction._validate_package_type` (samtranslator/model/sam_resources.py, 1.110.0):
 * with PackageType Image, Runtime, Handler and Layers make the transform fail; Globals count, as
 * the translator merges them first.
 */
export interface RefusalEntry {
  readonly type: string;
  readonly when: readonly [property: string, value: string];
  readonly refused: readonly string[];
}

export const REFUSALS: readonly RefusalEntry[] = [
  {
    type: 'AWS::Serverless::Function',
    when: ['PackageType', 'Image'],
    refused: ['Runtime', 'Handler', 'Layers'],
  },
];
