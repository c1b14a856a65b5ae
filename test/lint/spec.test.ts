/** The committed specification is exactly what the extraction produces, and carries the SAM patches. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knownResourceTypes, resourceSpec } from '../../generator/lint/spec';
import { readSpecDb } from '../../generator/lint/spec-source/db';
import { extractSpec } from '../../generator/lint/spec-source/extract';
import { packagePath } from '../../generator/paths';

const SPEC_DIR = packagePath('generator', 'lint', 'spec');

describe('generator/lint/spec/', () => {
  it('matches a fresh extraction (run `node scripts/run-ts.mjs scripts/extract-spec.ts` when it does not)', () => {
    const files = extractSpec(readSpecDb());
    const committed = readdirSync(SPEC_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(committed).toEqual(Object.keys(files).sort());
    const differing = committed.filter((f) => readFileSync(join(SPEC_DIR, f), 'utf8') !== files[f]);
    expect(differing).toEqual([]);
  });

  it('is deterministic', () => {
    const db = readSpecDb();
    expect(extractSpec(db)).toEqual(extractSpec(db));
  });

  it('covers every resource type, not only the ones the patterns use', () => {
    expect(knownResourceTypes().size).toBeGreaterThan(1800);
    expect(resourceSpec('AWS::QuickSight::Dashboard')?.p.DashboardId.r).toBe(1);
  });

  it('patches the stale AWS::Serverless::* part from the SAM specification', () => {
    const fn = resourceSpec('AWS::Serverless::Function');
    for (const prop of [
      'LoggingConfig',
      'RuntimeManagementConfig',
      'SnapStart',
      'RecursiveLoop',
      'PropagateTags',
    ]) {
      expect(fn?.p).toHaveProperty(prop);
    }
    expect(fn?.d.LoggingConfig).toHaveProperty('LogGroup');
    expect(fn?.a).toContain('Arn');
    const machine = resourceSpec('AWS::Serverless::StateMachine');
    for (const prop of ['AutoPublishAlias', 'RolePath', 'PermissionsBoundary', 'UseAliasAsEventTarget']) {
      expect(machine?.p).toHaveProperty(prop);
    }
    expect(machine?.a).toEqual(expect.arrayContaining(['Arn', 'Name']));
    expect(resourceSpec('AWS::Serverless::Connector')?.p.Permissions.r).toBe(1);
  });

  it('adds allowed values the database only documents in prose', () => {
    expect(resourceSpec('AWS::ApiGatewayV2::Api')?.p.ProtocolType.t).toEqual({ e: ['WEBSOCKET', 'HTTP'] });
    expect(JSON.stringify(resourceSpec('AWS::Lambda::Function')?.p.Runtime.t)).toContain('nodejs24.x');
  });
});
