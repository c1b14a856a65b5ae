/**
 * Corrections on top of the AWS specification database: some string properties document their
 * allowed values only in prose. (AWS::Serverless::* types come from the SAM schema: see sam.ts.)
 */
import type { PropSpec, PropsSpec, ResourceSpec, TypeSpec } from '../spec-types';
import { LAMBDA_RUNTIMES } from './runtimes';

type Resources = Record<string, ResourceSpec>;
/** Resource specs while they are being patched. */
type Mutable<_T> = Record<string, { p: Record<string, PropSpec>; a: string[]; d: Record<string, PropsSpec> }>;

const ARCHITECTURES: TypeSpec = { a: { e: ['x86_64', 'arm64'] } };
const RUNTIME: TypeSpec = { e: LAMBDA_RUNTIMES };

/** Allowed values the database documents only in prose: [type, property, allowed]. */
const ENUMS: ReadonlyArray<readonly [string, string, TypeSpec]> = [
  ['AWS::Lambda::Function', 'Runtime', RUNTIME],
  ['AWS::Lambda::Function', 'Architectures', ARCHITECTURES],
  ['AWS::Lambda::Function', 'PackageType', { e: ['Zip', 'Image'] }],
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
  for (const [type, prop, t] of ENUMS) {
    const spec = all[type].p[prop];
    all[type].p[prop] = spec.r ? { t, r: 1 } : { t };
  }
}
