/**
 * Whether a role of the template may do something, as far as the template can tell: the answer is
 * `unknown` whenever a policy the role gets is not in the template (an AWS managed policy, a
 * parameter) or a statement cannot be read without deploying (a Fn::If, a NotAction, an ARN from a
 * parameter). Rules report a missing grant only when the answer is `denied`: an error must mean the
 * integration certainly fails.
 */
import { mentionedIds, targetOf } from './rules/websocket-model';
import type { LintContext, ResourceEntry } from './types';
import { intrinsicName, isObject, type Obj } from './values';

export type Answer = 'allowed' | 'denied' | 'unknown';

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** Whether `role` may run `action` (`service:Action`) on the template resource `target`. */
export function roleGrants(
  ctx: LintContext,
  role: ResourceEntry,
  action: string,
  target: ResourceEntry,
): Answer {
  const { statements, complete } = roleStatements(ctx, role);
  let answer: Answer = complete ? 'denied' : 'unknown';
  for (const s of statements) {
    const verdict = statementGrants(s, action, target);
    if (verdict === 'allowed') return 'allowed';
    if (verdict === 'unknown') answer = 'unknown';
  }
  return answer;
}

/**
 * Statements of a role's inline policies, of AWS::IAM::Policy / ManagedPolicy resources attached
 * to it, and of the template's managed policies it lists; `complete` is false when it gets others.
 */
export function roleStatements(
  ctx: LintContext,
  role: ResourceEntry,
): { statements: Obj[]; complete: boolean } {
  const documents: unknown[] = [];
  let complete = true;
  const policies = role.properties.Policies;
  if (Array.isArray(policies)) for (const p of policies) documents.push(isObject(p) ? p.PolicyDocument : p);
  else if (policies !== undefined) complete = false;
  const managed = role.properties.ManagedPolicyArns;
  for (const arn of managed === undefined ? [] : asList(managed)) {
    const policy = ctx.byId.get(targetOf(arn) ?? '');
    if (policy?.type === 'AWS::IAM::ManagedPolicy') documents.push(policy.properties.PolicyDocument);
    else complete = false;
  }
  for (const r of ctx.resources)
    if (
      (r.type === 'AWS::IAM::Policy' || r.type === 'AWS::IAM::ManagedPolicy') &&
      mentionedIds(r.properties.Roles).has(role.id)
    )
      documents.push(r.properties.PolicyDocument);
  const statements: Obj[] = [];
  for (const d of documents) {
    const list = isObject(d) && intrinsicName(d) === undefined ? asList(d.Statement) : [undefined];
    for (const s of list)
      if (isObject(s) && intrinsicName(s) === undefined) statements.push(s);
      else complete = false;
  }
  return { statements, complete };
}

function statementGrants(s: Obj, action: string, target: ResourceEntry): Answer {
  if (s.Effect === 'Deny') return 'denied';
  if (s.Effect !== 'Allow' || s.NotAction !== undefined || s.NotResource !== undefined) return 'unknown';
  const actions = asList(s.Action);
  if (actions.some((a) => typeof a !== 'string')) return 'unknown';
  if (!actions.some((a) => actionMatches(a as string, action))) return 'denied';
  let answer: Answer = 'denied';
  for (const r of asList(s.Resource)) {
    const verdict = resourceCovers(r, target);
    if (verdict === 'allowed') return 'allowed';
    if (verdict === 'unknown') answer = 'unknown';
  }
  return answer;
}

/** IAM action patterns: case-insensitive, `*` and `?` wildcards. */
function actionMatches(pattern: string, action: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(action);
}

/**
 * A Resource entry covers the resource when it names it or may match it with a wildcard. A
 * literal ARN matches only a resource with that very name: never one whose name CloudFormation
 * generates (it ends in a random suffix).
 */
function resourceCovers(value: unknown, target: ResourceEntry): Answer {
  const ids = [...mentionedIds(value)];
  if (ids.includes(target.id) || JSON.stringify(value).includes('*')) return 'allowed';
  // Built from another resource of the template: certainly not this one.
  if (ids.some((id) => !id.startsWith('AWS::'))) return 'denied';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const name = NAME_PROPERTIES.map((p) => target.properties[p]).find((v) => v !== undefined);
  if (name === undefined) return 'denied';
  return typeof name === 'string' ? (text.includes(`:${name}`) ? 'allowed' : 'denied') : 'unknown';
}

/** Where resources that take a name keep it (Lambda functions, state machines). */
const NAME_PROPERTIES = ['FunctionName', 'StateMachineName', 'Name'];

/** Whether a role's trust policy lets `service` (`apigateway.amazonaws.com`) assume it. */
export function roleTrusts(role: ResourceEntry, service: string): Answer {
  const doc = role.properties.AssumeRolePolicyDocument;
  if (!isObject(doc) || intrinsicName(doc) !== undefined) return 'unknown';
  let answer: Answer = 'denied';
  for (const s of asList(doc.Statement)) {
    if (!isObject(s) || intrinsicName(s) !== undefined) return 'unknown';
    if (s.Effect !== 'Allow') continue;
    const principal = s.Principal;
    if (principal === '*') return 'allowed';
    if (!isObject(principal) || principal.Service === undefined) continue;
    for (const p of asList(principal.Service)) {
      if (p === service) return 'allowed';
      // !Sub apigateway.${AWS::URLSuffix} and the like.
      if (typeof p !== 'string')
        answer = JSON.stringify(p).includes(`${service.split('.')[0]}.`) ? 'allowed' : 'unknown';
    }
    if (answer === 'allowed') return answer;
    if (intrinsicName(principal.Service) !== undefined) answer = 'unknown';
  }
  return answer;
}
