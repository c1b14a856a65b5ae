/**
 * IAM names that cannot work: actions AWS does not define (`dynamodb:PutItems` deploys, and grants
 * nothing) and ARNs with too few parts (`arn:aws:sns:*:*` matches no resource). Actions come from
 * AWS's IAM data; an ARN is `arn:partition:service:region:account:resource`.
 */
import { show } from '../../errors';
import { lookUpAction } from '../iam-actions';
import { entries, policyStatements } from '../iam-policies';
import type { LintContext, Path } from '../types';
import { didYouMean, intrinsicName, isObject, type Obj, subParts, subVariables } from '../values';

export function checkIamNames(ctx: LintContext): void {
  const parameters = isObject(ctx.template.Parameters) ? ctx.template.Parameters : {};
  for (const { statement, path } of policyStatements(ctx)) {
    for (const key of ['Action', 'NotAction'])
      for (const action of entries(statement, key, path)) checkAction(ctx, action.value, action.path);
    for (const key of ['Resource', 'NotResource'])
      for (const resource of entries(statement, key, path))
        checkArn(ctx, resource.value, resource.path, parameters);
  }
}

function checkAction(ctx: LintContext, action: unknown, path: Path): void {
  if (typeof action !== 'string' || action === '*') return;
  const found = lookUpAction(action);
  if (found === undefined) {
    ctx.report('E9105', path, `IAM action ${show(action)} is not "service:Action"`);
  } else if (found.kind === 'unknown-service') {
    ctx.report(
      'E9105',
      path,
      `IAM action ${show(action)}: no AWS service has the prefix ${show(found.service)}`,
    );
  } else if (found.kind === 'unknown-action') {
    const name = action.slice(action.indexOf(':') + 1);
    ctx.report(
      'E9105',
      path,
      `IAM action ${show(action)} does not exist in ${found.service}${didYouMean(name, found.names)}, so it allows nothing`,
    );
  }
}

/** A literal ARN, or a Fn::Sub text whose variables cannot hold colons (pseudo parameters, resources). */
function checkArn(ctx: LintContext, value: unknown, path: Path, parameters: Obj): void {
  let text: string | undefined;
  let at = path;
  if (typeof value === 'string') text = value;
  else if (intrinsicName(value) === 'Fn::Sub') {
    const sub = subParts((value as Obj)['Fn::Sub']);
    if (sub.text === undefined) return;
    const opaque = subVariables(sub.text).some((v) => v in sub.vars || v in parameters);
    if (opaque) return;
    text = sub.text.replace(/\$\{[^!][^}]*\}/g, 'x');
    at = [...path, 'Fn::Sub'];
  }
  if (text === undefined || !text.startsWith('arn:')) return;
  const parts = text.split(':');
  const problem =
    parts.length < 6
      ? `has ${parts.length} parts`
      : parts[2] === ''
        ? 'has no service'
        : parts.slice(5).join(':') === ''
          ? 'has no resource part'
          : undefined;
  if (problem) {
    const shown = typeof value === 'string' ? value : (subParts((value as Obj)['Fn::Sub']).text as string);
    ctx.report(
      'E9106',
      at,
      `${show(shown)} is not a valid ARN: it ${problem}; an ARN is arn:partition:service:region:account:resource`,
    );
  }
}
