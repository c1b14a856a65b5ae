/**
 * The event source mappings of a template, as Lambda creates them: one per SAM function event of a
 * given Type (`SQS`, `DynamoDB`), whose source is the event's own property (`Queue`, `Stream`), and
 * one per `AWS::Lambda::EventSourceMapping` (its EventSourceArn). Each service keeps those whose
 * source is one of its resources.
 */
import type { Json } from '../../template/types';
import type { LocalApp } from '../types';
import { functionByReference } from './lambda';
import { resourcesOf } from './names';

type Props = Readonly<Record<string, Json>>;

export interface DeclaredEventSource {
  /** `Function.Event` for a SAM event, else the mapping's logical id. */
  readonly id: string;
  /** The local function it runs; undefined when that function does not run locally. */
  readonly functionId: string | undefined;
  readonly source: Json | undefined;
  readonly props: Props;
}

export function declaredEventSources(
  app: LocalApp,
  samType: string,
  sourceProperty: string,
): DeclaredEventSource[] {
  const found: DeclaredEventSource[] = [];
  for (const [id, { properties }] of resourcesOf(app, 'AWS::Serverless::Function')) {
    for (const [name, event] of Object.entries((properties.Events ?? {}) as Record<string, Props>)) {
      if (event.Type !== samType) continue;
      const props = (event.Properties ?? {}) as Props;
      found.push({
        id: `${id}.${name}`,
        functionId: app.functions.has(id) ? id : undefined,
        source: props[sourceProperty],
        props,
      });
    }
  }
  for (const [id, { properties }] of resourcesOf(app, 'AWS::Lambda::EventSourceMapping')) {
    const fn = properties.FunctionName;
    const functionId = typeof fn === 'string' ? functionByReference(app.functions, fn) : undefined;
    found.push({ id, functionId, source: properties.EventSourceArn, props: properties });
  }
  return found;
}

/** A numeric property as a template gives it (a number or its text), else the default. */
export const numberOr = (value: Json | undefined, fallback: number) =>
  value === undefined || value === null || Number.isNaN(Number(value)) ? fallback : Number(value);

/** `FunctionResponseTypes: [ReportBatchItemFailures]`. */
export const reportsBatchItemFailures = (props: Props) =>
  ((props.FunctionResponseTypes as Json[] | undefined) ?? []).includes('ReportBatchItemFailures');
