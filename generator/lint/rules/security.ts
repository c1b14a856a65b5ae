/**
 * Rule 5, security and hygiene: IAM statements allowing `Action: "*"`, or `Resource: "*"` for
 * actions that AWS's IAM data says accept resource-level permissions; hard-coded partitions and
 * domain names where `${AWS::Partition}` and `${AWS::URLSuffix}` exist; deprecated runtimes.
 */
import { show } from '../../errors';
import { lookUpAction } from '../iam-actions';
import { policyStatements } from '../iam-policies';
import { runtimeDeprecation } from '../spec-source/runtimes';
import type { LintContext, Path } from '../types';
import { isObject, type Obj } from '../values';

export function checkSecurity(ctx: LintContext): void {
  for (const { statement, path, identity } of policyStatements(ctx))
    if (identity) checkStatement(ctx, statement, path);
  checkHardCodedStrings(ctx, ctx.template.Resources, ['Resources']);
  checkHardCodedStrings(ctx, ctx.template.Outputs, ['Outputs']);
  checkRuntimes(ctx);
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

function checkStatement(ctx: LintContext, statement: Obj, path: Path): void {
  if (statement.Effect !== 'Allow') return;
  const actions = asList(statement.Action);
  if (actions.includes('*')) {
    ctx.report(
      'W9101',
      [...path, 'Action'],
      `IAM statement allows Action "*" (every action of every service); list the actions it needs`,
    );
  }
  if (!asList(statement.Resource).includes('*')) return;
  // Only actions that can be scoped to resources deserve a warning; unknown ones are E9105's.
  const scoped = actions.filter((a) => {
    if (typeof a !== 'string' || a === '*') return false;
    const found = lookUpAction(a);
    return found?.kind === 'known' && found.actions.some((info) => info.resourceLevel);
  });
  if (scoped.length > 0) {
    ctx.report(
      'W9102',
      [...path, 'Resource'],
      `IAM statement allows ${scoped.map((a) => show(a)).join(', ')} on Resource "*"; name the resources (only actions without resource-level permissions need "*")`,
    );
  }
}

/** Walks strings and Fn::Sub texts for `arn:aws:` and `*.amazonaws.com` outside principals. */
function checkHardCodedStrings(ctx: LintContext, value: unknown, path: Path): void {
  const last = String(path.at(-1));
  if (
    last === 'Description' ||
    last === 'Principal' ||
    last === 'Service' ||
    path.includes('AssumeRolePolicyDocument')
  )
    return;
  if (typeof value === 'string') {
    if (/\barn:aws:/.test(value)) {
      ctx.report(
        'I9103',
        path,
        `${show(shorten(value))} hard-codes the aws partition; use !Sub with arn:\${AWS::Partition}: so the template also deploys in GovCloud and China`,
      );
    }
    if (/amazonaws\.com/.test(value) && !/^[a-z0-9-]+(\.[a-z0-9-]+)?\.amazonaws\.com$/.test(value)) {
      ctx.report(
        'I9104',
        path,
        `${show(shorten(value))} hard-codes amazonaws.com; use !Sub with \${AWS::URLSuffix} so the template also deploys in China`,
      );
    }
    return;
  }
  if (Array.isArray(value)) for (const [i, v] of value.entries()) checkHardCodedStrings(ctx, v, [...path, i]);
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) checkHardCodedStrings(ctx, v, [...path, k]);
}

const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

function checkRuntimes(ctx: LintContext): void {
  const check = (runtime: unknown, path: Path, owner: string) => {
    if (typeof runtime !== 'string') return;
    const deprecated = runtimeDeprecation(runtime, ctx.now);
    if (!deprecated) return;
    const use = deprecated.use ? `; use ${deprecated.use}` : '';
    if (deprecated.createBlocked) {
      // Lambda refuses CreateFunction on it: the stack fails when it creates the function.
      const updates = deprecated.updateBlocked ? ` and updates since ${deprecated.updateBlocked}` : '';
      ctx.report(
        'E2533',
        path,
        `${owner}: runtime ${runtime} is deprecated and Lambda refuses new functions on it since ${deprecated.createBlocked}${updates}${use}`,
      );
    } else
      ctx.report('W2531', path, `${owner}: runtime ${runtime} is deprecated since ${deprecated.since}${use}`);
  };
  for (const r of ctx.resources) {
    if (r.type === 'AWS::Lambda::Function' || r.type === 'AWS::Serverless::Function') {
      check(r.properties.Runtime, ['Resources', r.id, 'Properties', 'Runtime'], r.id);
    }
  }
  const globals = ctx.template.Globals;
  if (isObject(globals) && isObject(globals.Function))
    check(globals.Function.Runtime, ['Globals', 'Function', 'Runtime'], 'Globals');
}
