/**
 * The IAM policy statements of a template, wherever CloudFormation and SAM take them: identity
 * policies (IAM roles, users, groups, policies, SAM `Policies`) and the resource policies of
 * buckets, queues and topics. Rules on actions and ARNs read them from here.
 */
import type { LintContext, Path } from './types';
import { isObject, type Obj } from './values';

export interface PolicyStatement {
  readonly statement: Obj;
  readonly path: Path;
  /** Identity policy (whose `Resource: "*"` means every resource of the account). */
  readonly identity: boolean;
}

const IDENTITY_WITH_POLICIES = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];
const IDENTITY_POLICIES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'];
const RESOURCE_POLICIES = ['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'];

export function policyStatements(ctx: LintContext): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  const addDocument = (doc: unknown, path: Path, identity: boolean) => {
    if (!isObject(doc)) return;
    const s = doc.Statement;
    if (Array.isArray(s)) {
      for (const [i, st] of s.entries())
        if (isObject(st)) out.push({ statement: st, path: [...path, 'Statement', i], identity });
    } else if (isObject(s)) out.push({ statement: s, path: [...path, 'Statement'], identity });
  };
  for (const r of ctx.resources) {
    const base: Path = ['Resources', r.id, 'Properties'];
    const policies = r.properties.Policies;
    if (IDENTITY_WITH_POLICIES.includes(r.type) && Array.isArray(policies)) {
      for (const [i, p] of policies.entries()) {
        if (isObject(p)) addDocument(p.PolicyDocument, [...base, 'Policies', i, 'PolicyDocument'], true);
      }
    }
    if (IDENTITY_POLICIES.includes(r.type))
      addDocument(r.properties.PolicyDocument, [...base, 'PolicyDocument'], true);
    if (RESOURCE_POLICIES.includes(r.type))
      addDocument(r.properties.PolicyDocument, [...base, 'PolicyDocument'], false);
    if (r.type.startsWith('AWS::Serverless::')) {
      if (Array.isArray(policies))
        for (const [i, p] of policies.entries()) addDocument(p, [...base, 'Policies', i], true);
      else addDocument(policies, [...base, 'Policies'], true);
    }
  }
  return out;
}

/** A statement's `Action`/`Resource`-like entry as a list, each item with its path. */
export function entries(statement: Obj, key: string, path: Path): { value: unknown; path: Path }[] {
  const value = statement[key];
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map((v, i) => ({ value: v, path: [...path, key, i] }));
  return [{ value, path: [...path, key] }];
}
