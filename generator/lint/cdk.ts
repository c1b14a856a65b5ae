/**
 * The parts of a CDK-synthesized template the CDK itself owns: the singleton functions and roles
 * behind its custom resources (log retention, S3 auto-delete, AwsCustomResource, the Provider
 * framework). Their policies and settings come from aws-cdk-lib, not from the app, so a warning on
 * them is one the user cannot act on; errors still stand (a blocked runtime fails the deploy
 * whoever wrote it). Recognized by the construct path the CDK records (`aws:cdk:path`) or, without
 * path metadata, by the logical ids the CDK gives them.
 */
import type { Finding, ResourceEntry } from './types';
import { isObject } from './values';

/** A singleton's uuid (`LogRetentionaae0aa3c…`), a core provider, or the Provider framework's functions. */
const CDK_OWNED_ID = /[0-9a-f]{32}|CustomResourceProvider|^Providerframework(onEvent|isComplete|onTimeout)/;
const CDK_OWNED_SEGMENT =
  /[0-9a-f]{32}|^Custom::.*CustomResourceProvider$|^framework-(onEvent|isComplete|onTimeout)$/;

/** Logical ids of resources the CDK owns. */
export function cdkOwnedIds(resources: readonly ResourceEntry[]): Set<string> {
  const owned = new Set<string>();
  for (const r of resources) {
    const metadata = isObject(r.raw.Metadata) ? r.raw.Metadata : {};
    const path = metadata['aws:cdk:path'];
    const byPath =
      typeof path === 'string' && path.split('/').some((segment) => CDK_OWNED_SEGMENT.test(segment));
    if (byPath || (CDK_OWNED_ID.test(r.id) && typeof path !== 'string' && isCdkTemplateResource(r)))
      owned.add(r.id);
  }
  return owned;
}

/** Without path metadata, only the types the CDK's providers are made of. */
function isCdkTemplateResource(r: ResourceEntry): boolean {
  return ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::Lambda::Function'].includes(r.type);
}

/** Drops warnings and information on resources the CDK owns. */
export function withoutCdkOwnedNotes(findings: Finding[], owned: ReadonlySet<string>): Finding[] {
  if (owned.size === 0) return findings;
  return findings.filter((f) => {
    if (f.severity === 'error') return true;
    const [section, id] = f.path.split('/');
    return !(section === 'Resources' && owned.has(id));
  });
}
