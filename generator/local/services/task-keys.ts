/** How a Step Functions Task resource is keyed among the services' task handlers. */

/** The key every Task whose Resource is a Lambda function ARN is served under. */
export const LAMBDA_FUNCTION_TASK = 'arn:aws:lambda:::function';

/**
 * The key a Task resource is served under: the partition made `aws` (a template for another
 * partition runs the same), the integration pattern suffix dropped (`.sync`, `.sync:2`,
 * `.waitForTaskToken`: the runner handles those), and a Lambda function ARN written as
 * `arn:aws:lambda:::function` (the Task calls that function with the state's input).
 */
export function taskKey(resource: string): string {
  const key = resource
    .replace(/^arn:aws[\w-]*:/, 'arn:aws:')
    .replace(/\.(sync(:\d+)?|waitForTaskToken)$/, '');
  return /^arn:aws:lambda:[^:]*:[^:]*:function:/.test(key) ? LAMBDA_FUNCTION_TASK : key;
}
