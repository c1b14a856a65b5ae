/**
 * Lambda: the template's functions (`AWS::Serverless::Function`, `AWS::Lambda::Function`) as other
 * parts of the app name them. Ref is the function name (its FunctionName, or `<stack>-<LogicalId>`);
 * GetAtt Arn its ARN. A reference by name, ARN (with a version or alias) or partial ARN resolves to
 * the function of the template, as Lambda's Invoke API accepts them.
 */
import type { LocalFunction } from '../types';
import { localArn, physicalName } from './stand-ins';
import type { LocalService, RunningService } from './types';

/** The logical id of the template function `ref` names (name, ARN, `name:alias`, partial ARN). */
export function functionByReference(
  functions: ReadonlyMap<string, LocalFunction>,
  ref: string,
): string | undefined {
  // `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`, `<account>:function:<name>`, `<name>[:<qualifier>]`
  const name = (ref.includes('function:') ? ref.slice(ref.indexOf('function:') + 9) : ref).split(':')[0];
  for (const fn of functions.values()) if (fn.arn === ref || fn.name === name || fn.id === name) return fn.id;
  return undefined;
}

export const lambdaService: LocalService = {
  name: 'lambda',
  resourceTypes: ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
  ref: (logicalId, resource, ctx) => physicalName(logicalId, resource, ctx, 'FunctionName'),
  getAtt(logicalId, resource, attribute, ctx) {
    const name = physicalName(logicalId, resource, ctx, 'FunctionName');
    return attribute === 'Arn' ? localArn(ctx, 'lambda', `function:${name}`) : undefined;
  },
  async start(): Promise<RunningService> {
    return { close: async () => {} };
  },
};
