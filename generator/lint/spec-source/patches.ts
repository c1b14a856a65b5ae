/**
 * Corrections on top of the AWS specification database: its AWS::Serverless::* part predates many
 * SAM properties and carries no attributes (patched from the SAM specification), and some string
 * properties document their allowed values only in prose.
 */
import type { PropSpec, PropsSpec, ResourceSpec, TypeSpec } from '../spec-types';
import { LAMBDA_RUNTIMES } from './runtimes';

type Resources = Record<string, ResourceSpec>;
/** Resource specs while they are being patched. */
type Mutable<_T> = Record<string, { p: Record<string, PropSpec>; a: string[]; d: Record<string, PropsSpec> }>;

/** SAM properties the database lacks: the same shape as on the underlying resource. */
const SAM_PROPERTIES_FROM: ReadonlyArray<readonly [sam: string, from: string, props: readonly string[]]> = [
  [
    'AWS::Serverless::Function',
    'AWS::Lambda::Function',
    ['LoggingConfig', 'RuntimeManagementConfig', 'SnapStart', 'RecursiveLoop'],
  ],
];

/** SAM properties the database lacks, with their type. */
const SAM_PROPERTIES: Readonly<Record<string, Readonly<Record<string, TypeSpec>>>> = {
  'AWS::Serverless::Function': {
    AutoPublishAliasAllProperties: 'boolean',
    CapacityProviderConfig: 'json',
    DurableConfig: 'json',
    FunctionScalingConfig: 'json',
    PropagateTags: 'boolean',
    PublishToLatestPublished: 'boolean',
    RolePath: 'string',
    SourceKMSKeyArn: 'string',
    // Managed policy names or ARNs, inline policy documents and SAM policy templates: checked by a rule.
    Policies: 'json',
  },
  'AWS::Serverless::StateMachine': {
    AutoPublishAlias: 'string',
    DeploymentPreference: 'json',
    PermissionsBoundary: 'string',
    PropagateTags: 'boolean',
    RolePath: 'string',
    UseAliasAsEventTarget: 'boolean',
    Policies: 'json',
    Type: { e: ['STANDARD', 'EXPRESS'] },
  },
  'AWS::Serverless::Api': {
    ApiKeySourceType: 'string',
    MergeDefinitions: 'boolean',
    Mode: 'string',
    PropagateTags: 'boolean',
  },
  'AWS::Serverless::HttpApi': { Name: 'string', PropagateTags: 'boolean' },
  'AWS::Serverless::LayerVersion': {
    CompatibleArchitectures: { a: { e: ['x86_64', 'arm64'] } },
    PublishLambdaVersion: 'boolean',
  },
  'AWS::Serverless::SimpleTable': { PointInTimeRecoverySpecification: 'json' },
};

/** SAM resource types the database does not know at all. */
const SAM_NEW_RESOURCES: Readonly<Record<string, Readonly<Record<string, PropSpec>>>> = {
  'AWS::Serverless::Connector': {
    Source: { t: 'json', r: 1 },
    Destination: { t: 'json', r: 1 },
    Permissions: { t: { a: { e: ['Read', 'Write'] } }, r: 1 },
  },
  'AWS::Serverless::GraphQLApi': {
    Auth: { t: 'json', r: 1 },
    Name: { t: 'string' },
    SchemaInline: { t: 'string' },
    SchemaUri: { t: 'string' },
    Logging: { t: 'json' },
    Tags: { t: { m: 'string' } },
    XrayEnabled: { t: 'boolean' },
    DataSources: { t: 'json' },
    Functions: { t: 'json' },
    Resolvers: { t: 'json' },
    ApiKeys: { t: 'json' },
    DomainName: { t: 'json' },
    Cache: { t: 'json' },
  },
  // As the SAM translator 1.110 schema lists them (shared/sam/sam-schema-1.110.0.json).
  'AWS::Serverless::WebSocketApi': {
    AccessLogSettings: { t: 'json' },
    ApiKeySelectionExpression: { t: 'string' },
    Auth: { t: 'json' },
    DefaultRouteSettings: { t: 'json' },
    Description: { t: 'string' },
    DisableExecuteApiEndpoint: { t: 'boolean' },
    DisableSchemaValidation: { t: 'boolean' },
    Domain: { t: 'json' },
    IpAddressType: { t: 'string' },
    Name: { t: 'string' },
    PropagateTags: { t: 'boolean' },
    RouteSelectionExpression: { t: 'string', r: 1 },
    RouteSettings: { t: 'json' },
    Routes: { t: 'json', r: 1 },
    StageName: { t: 'string' },
    StageVariables: { t: 'json' },
    Tags: { t: { m: 'string' } },
  },
};

/** Fn::GetAtt on a SAM resource reaches the resource SAM generates for it. */
const SAM_ATTRIBUTES_FROM: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::WebSocketApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::LayerVersion': 'AWS::Lambda::LayerVersion',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::Application': 'AWS::CloudFormation::Stack',
  'AWS::Serverless::GraphQLApi': 'AWS::AppSync::GraphQLApi',
};

const ARCHITECTURES: TypeSpec = { a: { e: ['x86_64', 'arm64'] } };
const RUNTIME: TypeSpec = { e: LAMBDA_RUNTIMES };

/** Allowed values the database documents only in prose: [type, property, allowed]. */
const ENUMS: ReadonlyArray<readonly [string, string, TypeSpec]> = [
  ['AWS::Lambda::Function', 'Runtime', RUNTIME],
  ['AWS::Serverless::Function', 'Runtime', RUNTIME],
  ['AWS::Lambda::Function', 'Architectures', ARCHITECTURES],
  ['AWS::Serverless::Function', 'Architectures', ARCHITECTURES],
  ['AWS::Lambda::Function', 'PackageType', { e: ['Zip', 'Image'] }],
  ['AWS::Serverless::Function', 'PackageType', { e: ['Zip', 'Image'] }],
  ['AWS::ApiGatewayV2::Api', 'ProtocolType', { e: ['WEBSOCKET', 'HTTP'] }],
  [
    'AWS::ApiGatewayV2::Integration',
    'IntegrationType',
    { e: ['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK'] },
  ],
  ['AWS::ApiGatewayV2::Integration', 'ConnectionType', { e: ['INTERNET', 'VPC_LINK'] }],
  [
    'AWS::ApiGatewayV2::Integration',
    'PassthroughBehavior',
    { e: ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] },
  ],
  [
    'AWS::ApiGatewayV2::Integration',
    'ContentHandlingStrategy',
    { e: ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] },
  ],
  [
    'AWS::ApiGatewayV2::IntegrationResponse',
    'ContentHandlingStrategy',
    { e: ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] },
  ],
  ['AWS::ApiGatewayV2::Route', 'AuthorizationType', { e: ['NONE', 'AWS_IAM', 'CUSTOM', 'JWT'] }],
  ['AWS::DynamoDB::Table', 'BillingMode', { e: ['PROVISIONED', 'PAY_PER_REQUEST'] }],
  ['AWS::StepFunctions::StateMachine', 'StateMachineType', { e: ['STANDARD', 'EXPRESS'] }],
];

export function applyPatches(resources: Resources): void {
  const all = resources as unknown as Mutable<Resources>;
  for (const [type, props] of Object.entries(SAM_NEW_RESOURCES))
    all[type] = { p: { ...props }, a: [], d: {} };
  for (const [sam, from, props] of SAM_PROPERTIES_FROM) {
    for (const prop of props) copyProperty(all, from, sam, prop);
  }
  for (const [type, props] of Object.entries(SAM_PROPERTIES)) {
    for (const [name, t] of Object.entries(props)) all[type].p[name] = { t };
  }
  for (const [sam, from] of Object.entries(SAM_ATTRIBUTES_FROM)) {
    all[sam].a = [...new Set([...all[sam].a, ...all[from].a])].sort();
  }
  for (const [type, prop, t] of ENUMS) {
    const spec = all[type].p[prop];
    all[type].p[prop] = spec.r ? { t, r: 1 } : { t };
  }
  for (const type of Object.keys(SAM_NEW_RESOURCES).concat(Object.keys(SAM_PROPERTIES))) {
    all[type].p = sortRecord(all[type].p);
    all[type].d = sortRecord(all[type].d);
  }
}

/** Copies a property and the property types it uses from one resource type to another. */
function copyProperty(all: Mutable<Resources>, from: string, to: string, prop: string): void {
  const source = all[from];
  all[to].p[prop] = source.p[prop];
  const pending = [source.p[prop].t];
  for (let t = pending.pop(); t !== undefined; t = pending.pop()) {
    if (typeof t === 'string') {
      const name = t.slice(1);
      if (t.startsWith('#') && !all[to].d[name]) {
        all[to].d[name] = source.d[name];
        pending.push(...Object.values(source.d[name]).map((p) => p.t));
      }
    } else if ('a' in t) pending.push(t.a);
    else if ('m' in t) pending.push(t.m);
    else if ('u' in t) pending.push(...t.u);
  }
}

function sortRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}
