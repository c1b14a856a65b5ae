/** Findings → text (one `file:line:col: CODE message` line each), JSON, or SARIF 2.1.0. */
import { RULE_CODES } from './codes';
import type { Finding } from './types';

export interface FileFindings {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** For a template of a CDK cloud assembly: its stack and its resources' construct paths. */
  readonly cdk?: { readonly stack: string; readonly constructPaths: Readonly<Record<string, string>> };
}

/** Where a finding is in a CDK app: the stack, the resource's logical id and construct path. */
function cdkPlace(result: FileFindings, finding: Finding) {
  if (!result.cdk) return undefined;
  const logicalId = /^Resources\/([^/]+)/.exec(finding.path)?.[1];
  const constructPath = logicalId ? result.cdk.constructPaths[logicalId] : undefined;
  return {
    stack: result.cdk.stack,
    ...(logicalId ? { logicalId } : {}),
    ...(constructPath ? { constructPath } : {}),
  };
}

function cdkSuffix(result: FileFindings, finding: Finding): string {
  const place = cdkPlace(result, finding);
  if (!place) return '';
  const resource = place.logicalId
    ? `: ${place.logicalId}${place.constructPath ? ` at ${place.constructPath}` : ''}`
    : '';
  return ` [stack ${place.stack}${resource}]`;
}

export function formatFindings(results: readonly FileFindings[], format: 'text' | 'json' | 'sarif'): string {
  if (format === 'json') {
    return JSON.stringify(
      results.flatMap((result) =>
        result.findings.map((f) => ({ file: result.file, ...f, ...cdkPlace(result, f) })),
      ),
      null,
      2,
    );
  }
  if (format === 'sarif') return JSON.stringify(toSarif(results), null, 2);
  return results
    .flatMap((result) =>
      result.findings.map(
        (f) => `${result.file}:${f.line}:${f.column}: ${f.code} ${f.message}${cdkSuffix(result, f)}`,
      ),
    )
    .join('\n');
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function toSarif(results: readonly FileFindings[]) {
  const codes = [...new Set(results.flatMap((r) => r.findings.map((f) => f.code)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wskit-lint',
            rules: codes.map((id) => ({ id, shortDescription: { text: RULE_CODES[id] ?? id } })),
          },
        },
        results: results.flatMap((result) =>
          result.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: codes.indexOf(f.code),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: result.file.split('\\').join('/') },
                  region: { startLine: f.line, startColumn: f.column },
                },
                logicalLocations: [{ fullyQualifiedName: f.path }],
              },
            ],
            ...(result.cdk ? { properties: cdkPlace(result, f) } : {}),
          })),
        ),
      },
    ],
  };
}
