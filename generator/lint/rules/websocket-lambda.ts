/**
 * Rule 4, Lambda: a Lambda proxy integration's function needs an AWS::Lambda::Permission for
 * apigateway.amazonaws.com, scoped with a SourceArn to this API (else any API in any account
 * that knows the function's ARN may invoke it).
 */
import type { LintContext, ResourceEntry } from '../types';
import { intrinsicName } from '../values';
import { mentionedIds, type WebSocketApi, webSocketApis } from './websocket-model';

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
      for (const fn of invokedFunctions(ctx, integration))
        checkPermission(ctx, ws, integration, fn, permissions);
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

function isApiGatewayPrincipal(principal: unknown): boolean {
  if (typeof principal === 'string') return principal.startsWith('apigateway.');
  // !Sub apigateway.${AWS::URLSuffix} and similar.
  if (intrinsicName(principal) === 'Fn::Sub') return JSON.stringify(principal).includes('apigateway.');
  return false;
}
