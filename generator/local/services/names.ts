/**
 * What the delivering services (SQS, SNS, EventBridge) share to read their part of the app: the
 * resources of a type, and finding one of them from whatever a template or a handler names it by
 * (logical id, name, ARN or URL), as the AWS APIs accept them.
 */
import type { Json } from '../../template/types';
import type { LocalApp, LocalResource } from '../types';

/** The resources of these types, with their resolved properties. */
export function resourcesOf(app: LocalApp, ...types: string[]): [string, LocalResource][] {
  return [...app.resources].filter(([, resource]) => types.includes(resource.type));
}

/** Whether `reference` names the resource with this logical id or one of these names. */
export function matchesReference(
  reference: Json | undefined,
  logicalId: string,
  ...names: string[]
): boolean {
  return typeof reference === 'string' && (reference === logicalId || names.includes(reference));
}

/** The physical name a resolved name property gives, else `<stack>-<LogicalId>` as CloudFormation does. */
export const ownName = (logicalId: string, own: Json | undefined, stackName: string) =>
  typeof own === 'string' ? own : `${stackName}-${logicalId}`;

/** A policy or pattern as a template gives it: an object, or its JSON text (kept as is if not JSON). */
export function jsonValue(value: Json): Json {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as Json;
  } catch {
    return value;
  }
}
