/**
 * Rule 5, security and hygiene: IAM statements allowing `Action: "*"` or `Resource: "*"` (except
 * actions AWS documents as having no resource-level permissions), hard-coded partitions and
 * domain names where `${AWS::Partition}` and `${AWS::URLSuffix}` exist, and deprecated runtimes.
 */
import { show } from '../../errors';
import { DEPRECATED_RUNTIMES } from '../spec-source/runtimes';
import type { LintContext, Path } from '../types';
import { isObject, type Obj } from '../values';

/** Actions that accept only `Resource: "*"`, from the AWS service authorization reference. */
const NO_RESOURCE_LEVEL_ACTIONS = new Set([
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
  'cloudwatch:PutMetricData',
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'sts:GetCallerIdentity',
]);

export function checkSecurity(ctx: LintContext): void {
  for (const { statement, path } of iamStatements(ctx)) checkStatement(ctx, statement, path);
  checkHardCodedStrings(ctx, ctx.template.Resources, ['Resources']);
  checkHardCodedStrings(ctx, ctx.template.Outputs, ['Outputs']);
  checkRuntimes(ctx);
}

/** Identity policy statements: IAM roles, policies and users, and SAM `Policies` documents. */
function iamStatements(ctx: LintContext): { statement: Obj; path: Path }[] {
  const out: { statement: Obj; path: Path }[] = [];
  const addDocument = (doc: unknown, path: Path) => {
    if (!isObject(doc)) return;
    const s = doc.Statement;
    if (Array.isArray(s)) {
      for (const [i, st] of s.entries())
        if (isObject(st)) out.push({ statement: st, path: [...path, 'Statement', i] });
    } else if (isObject(s)) out.push({ statement: s, path: [...path, 'Statement'] });
  };
  for (const r of ctx.resources) {
    const base: Path = ['Resources', r.id, 'Properties'];
    const policies = r.properties.Policies;
    if (['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'].includes(r.type) && Array.isArray(policies)) {
      for (const [i, p] of policies.entries()) {
        if (isObject(p)) addDocument(p.PolicyDocument, [...base, 'Policies', i, 'PolicyDocument']);
      }
    }
    if (r.type === 'AWS::IAM::Policy' || r.type === 'AWS::IAM::ManagedPolicy')
      addDocument(r.properties.PolicyDocument, [...base, 'PolicyDocument']);
    if (r.type.startsWith('AWS::Serverless::')) {
      if (Array.isArray(policies))
        for (const [i, p] of policies.entries()) addDocument(p, [...base, 'Policies', i]);
      else addDocument(policies, [...base, 'Policies']);
    }
  }
  return out;
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
  const resources = asList(statement.Resource);
  if (!resources.includes('*')) return;
  const exempt =
    actions.length > 0 && actions.every((a) => typeof a === 'string' && NO_RESOURCE_LEVEL_ACTIONS.has(a));
  if (!exempt) {
    const scoped = actions.filter((a) => !(typeof a === 'string' && NO_RESOURCE_LEVEL_ACTIONS.has(a)));
    ctx.report(
      'W9102',
      [...path, 'Resource'],
      `IAM statement allows ${scoped.map((a) => show(a)).join(', ')} on Resource "*"; name the resources (only actions without resource-level permissions may use "*")`,
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
    const deprecated = DEPRECATED_RUNTIMES[runtime];
    if (deprecated && new Date(deprecated.date) <= ctx.now) {
      ctx.report(
        'W2531',
        path,
        `${owner}: runtime ${runtime} is deprecated since ${deprecated.date}; use ${deprecated.use}`,
      );
    }
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
