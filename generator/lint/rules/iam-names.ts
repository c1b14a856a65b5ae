/**
 * IAM names that cannot work. An action without a service prefix makes IAM refuse the policy (an
 * error); an action AWS does not define (`dynamodb:PutItems`) deploys and grants nothing, which
 * IAM accepts, so it is a warning with the action meant, as cfn-lint's W3037, except in an S3
 * bucket policy, which S3 refuses (an error). Actions come from
 * AWS's IAM data. ARNs follow IAM's grammar (iam-arns.ts).
 */
import { show } from '../../errors';
import { knownServices, lookUpAction } from '../iam-actions';
import { entries, policyStatements } from '../iam-policies';
import type { LintContext, Path } from '../types';
import { closestName, didYouMean, isObject } from '../values';
import { checkArn } from './iam-arns';

export function checkIamNames(ctx: LintContext): void {
  const parameters = isObject(ctx.template.Parameters) ? ctx.template.Parameters : {};
  for (const { statement, path } of policyStatements(ctx)) {
    for (const key of ['Action', 'NotAction']) {
      const actions = entries(statement, key, path);
      const granted = grantedNames(actions.map((a) => a.value));
      // S3 validates a bucket policy's actions and refuses the policy (MalformedPolicy); IAM does not.
      const refusing = ctx.byId.get(String(path[1]))?.type === 'AWS::S3::BucketPolicy';
      for (const action of actions) checkAction(ctx, action.value, action.path, granted, refusing);
    }
    for (const key of ['Resource', 'NotResource'])
      for (const resource of entries(statement, key, path))
        checkArn(ctx, resource.value, resource.path, parameters);
  }
}

/** `service:Action` (lower case) of every existing action a statement's list names. */
function grantedNames(actions: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  for (const action of actions) {
    if (typeof action !== 'string') continue;
    const found = lookUpAction(action);
    if (found?.kind !== 'known') continue;
    const service = action.slice(0, action.indexOf(':')).toLowerCase();
    for (const info of found.actions) out.add(`${service}:${info.name.toLowerCase()}`);
  }
  return out;
}

/**
 * An action that does not exist is a warning, unless the statement also names the action it most
 * likely stands for (`sqs:SendMessageBatch` beside `sqs:SendMessage`, which authorizes batches):
 * then nothing is missing, and it is information.
 */
function checkAction(
  ctx: LintContext,
  action: unknown,
  path: Path,
  granted: ReadonlySet<string>,
  refusing: boolean,
): void {
  // `*` and `*:Get*` span services: nothing to look up.
  if (typeof action !== 'string' || /^[^:]*[*?][^:]*:/.test(action) || action === '*') return;
  const found = lookUpAction(action);
  if (found === undefined) {
    ctx.report('E9105', path, `IAM action ${show(action)} is not "service:Action"; IAM refuses the policy`);
  } else if (found.kind === 'unknown-service') {
    // SDK client names (bedrock-runtime, iot-data) act under the service's own prefix (bedrock, iot).
    const services = knownServices();
    const parts = found.service.toLowerCase().split('-');
    const base = parts
      .map((_, i) => parts.slice(0, parts.length - 1 - i).join('-'))
      .find((p) => services.includes(p));
    const hint = base ? ` (did you mean ${show(base)}?)` : didYouMean(found.service, services);
    ctx.report(
      'W9105',
      path,
      `IAM action ${show(action)}: no AWS service has the prefix ${show(found.service)}${hint}`,
    );
  } else if (found.kind === 'unknown-action') {
    const name = action.slice(action.indexOf(':') + 1);
    const meant = closestName(name, found.names);
    const covered =
      meant !== undefined && granted.has(`${found.service.toLowerCase()}:${meant.toLowerCase()}`);
    const hint = didYouMean(name, found.names);
    if (refusing)
      ctx.report(
        'E9105',
        path,
        `IAM action ${show(action)} does not exist in ${found.service}${hint}, and S3 refuses a bucket policy naming it`,
      );
    else
      ctx.report(
        covered ? 'I9105' : 'W9105',
        path,
        covered
          ? `IAM action ${show(action)} does not exist in ${found.service}; the statement's ${found.service}:${meant} already grants what it is meant for`
          : `IAM action ${show(action)} does not exist in ${found.service}${hint}, so it allows nothing`,
      );
  }
}
