/**
 * Names, ARNs and the lookups the service modules share: a resource's physical name as
 * CloudFormation would give it, and finding a template resource from whatever a template or a
 * handler names it by (logical id, name, ARN, URL, or the `Id.Attribute` placeholder of a stand-in
 * not yet known), so services read the template the same way wherever a reference comes from.
 */
import type { Json, Template } from '../../template/types';
import type { LocalApp, LocalFunction, LocalResource } from '../types';
import type { StandInContext } from './types';

/** `arn:aws:<service>:<region>:<account>:<resource>`. */
export const serviceArn = (
  service: string,
  ctx: { readonly region: string; readonly accountId: string },
  resource: string,
) => `arn:aws:${service}:${ctx.region}:${ctx.accountId}:${resource}`;

/**
 * The name a resource gets: its own name property (a string, or a `!Sub` of pseudo parameters and
 * parameter defaults), else `<stack>-<LogicalId>`.
 */
export function standInName(
  logicalId: string,
  own: Json | undefined,
  ctx: Pick<StandInContext, 'stackName' | 'region' | 'accountId'> & { readonly template?: Template },
): string {
  if (typeof own === 'string') return own;
  const sub = (own as { 'Fn::Sub'?: Json } | undefined)?.['Fn::Sub'];
  if (typeof sub === 'string') {
    const known: Record<string, string> = {
      'AWS::StackName': ctx.stackName,
      'AWS::Region': ctx.region,
      'AWS::AccountId': ctx.accountId,
    };
    for (const [name, parameter] of Object.entries(ctx.template?.Parameters ?? {})) {
      if (parameter.Default !== undefined) known[name] = String(parameter.Default);
    }
    const text = sub.replace(/\$\{([\w:]+)\}/g, (whole, name: string) => known[name] ?? whole);
    if (!text.includes('${')) return text;
  }
  return `${ctx.stackName}-${logicalId}`;
}

/** The logical ids of resources of these types in the app. */
export function resourcesOf(app: LocalApp, ...types: string[]): [string, LocalResource][] {
  return [...app.resources].filter(([, resource]) => types.includes(resource.type));
}

/** A reference to something a service holds, matched by logical id, name, ARN, URL or `Id.Attr`. */
export function matchesReference(reference: string, logicalId: string, ...names: string[]): boolean {
  if (reference === logicalId || names.includes(reference)) return true;
  return reference.startsWith(`${logicalId}.`);
}

/** A function named by logical id, name, ARN (qualified or not) or `Id.Arn`. */
export function findFunction(app: LocalApp, reference: Json | undefined): LocalFunction | undefined {
  if (typeof reference !== 'string') return undefined;
  // A qualified ARN (`:function:name:alias`) names the function.
  const unqualified = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+/.exec(reference)?.[0] ?? reference;
  return [...app.functions.values()].find((fn) =>
    matchesReference(unqualified, fn.id, fn.name, fn.arn, `${fn.id}.Arn`),
  );
}
