/**
 * What the services share to build their Ref/GetAtt stand-ins: the physical name a resource gets
 * locally (its own name property, or `<stack>-<LogicalId>` as CloudFormation generates one) and
 * well-formed ARNs in the local account, so handlers that parse names and ARNs run unchanged.
 */
import type { Resource } from '../../template/types';
import type { StandInContext } from './types';

/** Physical name a resource gets locally: its own name property, or `<stack>-<LogicalId>`. */
export function physicalName(
  logicalId: string,
  resource: Resource,
  ctx: StandInContext,
  property?: string,
): string {
  const own = property ? ctx.resolve(resource.Properties?.[property]) : undefined;
  return typeof own === 'string' ? own : `${ctx.stackName}-${logicalId}`;
}

/** `arn:aws:<service>:<region>:<account>:<resource>` */
export function localArn(
  ctx: Pick<StandInContext, 'region' | 'accountId'>,
  service: string,
  resource: string,
) {
  return `arn:aws:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}
