/** Findings → text (one `file:line:col: CODE message` line each), JSON, or SARIF 2.1.0. */
import { RULE_CODES } from './codes';
import type { Finding } from './types';

export interface FileFindings {
  readonly file: string;
  readonly findings: readonly Finding[];
}

export function formatFindings(results: readonly FileFindings[], format: 'text' | 'json' | 'sarif'): string {
  if (format === 'json') {
    return JSON.stringify(
      results.flatMap(({ file, findings }) => findings.map((f) => ({ file, ...f }))),
      null,
      2,
    );
  }
  if (format === 'sarif') return JSON.stringify(toSarif(results), null, 2);
  return results
    .flatMap(({ file, findings }) =>
      findings.map((f) => `${file}:${f.line}:${f.column}: ${f.code} ${f.message}`),
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
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: codes.indexOf(f.code),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.split('\\').join('/') },
                  region: { startLine: f.line, startColumn: f.column },
                },
                logicalLocations: [{ fullyQualifiedName: f.path }],
              },
            ],
          })),
        ),
      },
    ],
  };
}
