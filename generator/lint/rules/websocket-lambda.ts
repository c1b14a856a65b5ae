/**
 * Rule 4, Lambda: API Gateway must be allowed to invoke a Lambda proxy integration's function.
 * Without credentials it needs an AWS::Lambda::Permission for apigateway.amazonaws.com, scoped with
 * a SourceArn to this API (else any API in any account that knows the function's ARN may invoke
 * it). With a CredentialsArn, API Gateway invokes the function as that role and no permission is
 * needed; the role must trust apigateway.amazonaws.com and allow lambda:InvokeFunction on the
 * function, which is checked when the role is in the template and reported only when certainly not.
 */
import { roleGrants, roleTrusts } from '../iam-grants';
import type { LintContext, ResourceEntry } from '../types';
import { intrinsicName } from '../values';
import { mentionedIds, targetOf, type WebSocketApi, webSocketApis } from './websocket-model';

const FUNCTION_TYPES = [
  'AWS::Lambda::Function',
  'AWS::Serverless::Function',
  'AWS::Lambda::Alias',
  'AWS::Lambda::Version',
];

export function checkLambdaPermissions(ctx: LintContext): void {
  const permissions = ctx.resources.filter((r) => r.type === 'AWS::Lambda::Permission');
  for (const ws of webSocketApis(ctx)) {
    for (const integration of ws.integrations) {
      if (integration.properties.IntegrationType !== 'AWS_PROXY') continue;
      const credentials = integration.properties.CredentialsArn;
      for (const fn of invokedFunctions(ctx, integration))
        if (credentials === undefined) checkPermission(ctx, ws, integration, fn, permissions);
        else checkCredentials(ctx, integration, fn, credentials);
    }
  }
}

function invokedFunctions(ctx: LintContext, integration: ResourceEntry): ResourceEntry[] {
  return [...mentionedIds(integration.properties.IntegrationUri)]
    .map((id) => ctx.byId.get(id))
    .filter((r): r is ResourceEntry => r !== undefined && FUNCTION_TYPES.includes(r.type));
}

function checkPermission(
  ctx: LintContext,
  ws: WebSocketApi,
  integration: ResourceEntry,
  fn: ResourceEntry,
  permissions: readonly ResourceEntry[],
): void {
  const forFunction = permissions.filter(
    (p) =>
      mentionedIds(p.properties.FunctionName).has(fn.id) && isApiGatewayPrincipal(p.properties.Principal),
  );
  const at = ['Resources', integration.id, 'Properties', 'IntegrationUri'];
  if (forFunction.length === 0) {
    ctx.report(
      'E9004',
      at,
      `${integration.id}: function ${fn.id} has no AWS::Lambda::Permission with Principal apigateway.amazonaws.com, so API Gateway cannot invoke it`,
    );
    return;
  }
  for (const permission of forFunction) {
    const sourceArn = permission.properties.SourceArn;
    const where = ['Resources', permission.id, 'Properties'];
    if (sourceArn === undefined) {
      ctx.report(
        'W9005',
        where,
        `${permission.id}: the permission for ${fn.id} has no SourceArn, so any API Gateway API in any account may invoke the function; scope it to ${ws.api.id}`,
      );
    } else if (!mentionedIds(sourceArn).has(ws.api.id)) {
      ctx.report(
        'W9005',
        [...where, 'SourceArn'],
        `${permission.id}: SourceArn does not name ${ws.api.id}, so the permission is not scoped to this API (use arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${ws.api.id}}/*)`,
      );
    }
  }
}

function checkCredentials(
  ctx: LintContext,
  integration: ResourceEntry,
  fn: ResourceEntry,
  arn: unknown,
): void {
  const role = ctx.byId.get(targetOf(arn) ?? '');
  if (role?.type !== 'AWS::IAM::Role') return;
  const at = ['Resources', integration.id, 'Properties', 'CredentialsArn'];
  if (roleTrusts(role, 'apigateway.amazonaws.com') === 'denied')
    ctx.report(
      'E9004',
      at,
      `${integration.id}: role ${role.id} does not trust apigateway.amazonaws.com (AssumeRolePolicyDocument), so API Gateway cannot invoke ${fn.id} with it`,
    );
  if (roleGrants(ctx, role, 'lambda:InvokeFunction', fn) === 'denied')
    ctx.report(
      'E9004',
      at,
      `${integration.id}: role ${role.id} does not allow lambda:InvokeFunction on ${fn.id}, so every message fails with an authorization error`,
    );
}

function isApiGatewayPrincipal(principal: unknown): boolean {
  if (typeof principal === 'string') return principal.startsWith('apigateway.');
  // !Sub apigateway.${AWS::URLSuffix} and similar.
  if (intrinsicName(principal) === 'Fn::Sub') return JSON.stringify(principal).includes('apigateway.');
  return false;
}
