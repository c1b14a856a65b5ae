/**
 * The committed specification is exactly what the extraction produces from its two sources (the
 * AWS database package and generator/lint/spec-source/'s SAM schema), and AWS::Serverless::* comes from the latter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAM_RESOURCE_KEYS } from '../../generator/lint/rules/structure';
import { knownResourceTypes, resourceSpec } from '../../generator/lint/spec';
import { readSamSchema, readSpecDb } from '../../generator/lint/spec-source/db';
import { extractSpec } from '../../generator/lint/spec-source/extract';
import { extractSamSpecs, type SamSchema } from '../../generator/lint/spec-source/sam';
import { packagePath } from '../../generator/paths';

const SPEC_DIR = packagePath('generator', 'lint', 'spec');

describe('generator/lint/spec/', () => {
  it('matches a fresh extraction (run `node scripts/run-ts.mjs scripts/extract-spec.ts` when it does not)', () => {
    const files = extractSpec(readSpecDb(), readSamSchema());
    const committed = readdirSync(SPEC_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(committed).toEqual(Object.keys(files).sort());
    const differing = committed.filter((f) => readFileSync(join(SPEC_DIR, f), 'utf8') !== files[f]);
    expect(differing).toEqual([]);
  });

  it('is deterministic', () => {
    const [db, sam] = [readSpecDb(), readSamSchema()];
    expect(extractSpec(db, sam)).toEqual(extractSpec(db, sam));
  });

  it('covers every resource type, not only the ones the patterns use', () => {
    expect(knownResourceTypes().size).toBeGreaterThan(1800);
    expect(resourceSpec('AWS::QuickSight::Dashboard')?.p.DashboardId.r).toBe(1);
  });

  it('takes AWS::Serverless::* from the SAM translator schema, typed like the resources SAM makes', () => {
    const fn = resourceSpec('AWS::Serverless::Function');
    for (const prop of ['LoggingConfig', 'RuntimeManagementConfig', 'TenancyConfig', 'PropagateTags']) {
      expect(fn?.p).toHaveProperty(prop);
    }
    expect(fn?.d.LoggingConfig).toHaveProperty('LogGroup');
    expect(fn?.p.MemorySize.t).toBe('integer');
    expect(JSON.stringify(fn?.p.Runtime.t)).toContain('nodejs24.x');
    expect(fn?.a).toContain('Arn');
    expect(resourceSpec('AWS::Serverless::HttpApi')?.p).toHaveProperty('AccessLogSettings');
    expect(resourceSpec('AWS::Serverless::WebSocketApi')?.p.Routes.r).toBe(1);
    expect(resourceSpec('AWS::Serverless::StateMachine')?.a).toEqual(expect.arrayContaining(['Arn', 'Name']));
    expect(resourceSpec('AWS::Serverless::Connector')?.p).toHaveProperty('Permissions');
  });

  it('knows the resource attributes SAM adds, as its schema lists them', () => {
    const { definitions } = readSamSchema();
    const added = Object.entries(definitions)
      .filter(([name]) => /aws_serverless_\w+__Resource$/.test(name))
      .flatMap(([, d]) => Object.keys(d.properties ?? {}))
      .filter((key) => !['Type', 'Properties', 'Condition', 'DependsOn', 'Metadata'].includes(key))
      .filter((key) => !['DeletionPolicy', 'UpdateReplacePolicy'].includes(key));
    expect([...new Set(added)].sort()).toEqual(SAM_RESOURCE_KEYS);
  });

  it('adds allowed values the database only documents in prose', () => {
    expect(resourceSpec('AWS::ApiGatewayV2::Api')?.p.ProtocolType.t).toEqual({ e: ['WEBSOCKET', 'HTTP'] });
    expect(JSON.stringify(resourceSpec('AWS::Lambda::Function')?.p.Runtime.t)).toContain('nodejs24.x');
  });

  it('keeps every branch of anyOf, oneOf and type lists in SAM types', () => {
    const schema = {
      definitions: {
        Thing: {
          properties: {
            Type: { enum: ['AWS::Serverless::Thing'] },
            Properties: {
              properties: {
                AnyOf: { anyOf: [{ type: 'number' }, { type: 'string' }] },
                OneOf: { oneOf: [{ type: 'boolean' }, { type: 'string' }] },
                Listed: { type: ['integer', 'string'] },
              },
            },
          },
        },
      },
      properties: { Resources: { additionalProperties: { anyOf: [{ $ref: '#/definitions/Thing' }] } } },
    } as unknown as SamSchema;
    const { p } = extractSamSpecs(schema, {})['AWS::Serverless::Thing'];
    expect([p.AnyOf.t, p.OneOf.t, p.Listed.t]).toEqual([
      { u: ['number', 'string'] },
      { u: ['boolean', 'string'] },
      { u: ['integer', 'string'] },
    ]);
  });

  it('adds what the SAM translator accepts beyond its schema, typed like its source', () => {
    expect(resourceSpec('AWS::Serverless::Api')?.d.EndpointConfiguration).toHaveProperty('VpcEndpointIds');
    const fn = resourceSpec('AWS::Serverless::Function');
    expect(fn?.d.CloudWatchEventProperties).toHaveProperty('RuleName');
    expect(fn?.d.SQSEventProperties.ParallelizationFactor.t).toBe('integer');
    expect(resourceSpec('AWS::Serverless::WebSocketApi')?.p.FailOnWarnings.t).toBe('boolean');
  });
});
