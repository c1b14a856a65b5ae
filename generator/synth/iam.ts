/** IAM policy documents, always scoped to named resources of this stack. */
import type { Json } from '../template/types';

export interface Statement {
  readonly Sid?: string;
  readonly Effect: 'Allow';
  readonly Principal?: Json;
  readonly Action: string | string[];
  readonly Resource?: Json;
  readonly Condition?: Json;
}

export const policyDocument = (statements: readonly Statement[]): Json => ({
  Version: '2012-10-17',
  Statement: statements.map((s) => ({ ...s }) as Json),
});

/** Trust policy letting one AWS service assume the role. Service principals are not partition-specific. */
export const assumedBy = (service: string): Json =>
  policyDocument([{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]);
