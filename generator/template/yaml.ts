/**
 * Template ⇄ YAML text. yaml-cfn knows CloudFormation's short-form tags; we dump with the same
 * js-yaml copy it uses, with no line folding and no anchors, so output is stable and readable.
 */
import { schema as cfnSchema, yamlParse } from 'yaml-cfn';
import { jsYaml } from './js-yaml';
import type { Template } from './types';

const { DEFAULT_SCHEMA, dump } = jsYaml;

export interface SectionComments {
  /** Banner comments keyed by the logical id they stand above, e.g. `{ WebSocketApi: 'API' }`. */
  readonly banners?: Readonly<Record<string, string>>;
}

/**
 * yaml-cfn's tags on js-yaml's default schema: dumping with it quotes strings that YAML 1.1
 * readers (SAM CLI, cfn-lint) would take for dates, such as `Version: "2012-10-17"`.
 */
const dumpSchema = DEFAULT_SCHEMA.extend({ explicit: (cfnSchema as unknown as { explicit: [] }).explicit });

export function toYaml(template: Template, { banners = {} }: SectionComments = {}): string {
  const text = dump(template, { schema: dumpSchema, lineWidth: -1, noRefs: true, quotingType: '"' });
  // js-yaml leaves a space after a tag that opens a block sequence (`!Equals `).
  return insertBanners(text.replace(/ (!\w+) $/gm, ' $1'), banners);
}

export function parseYaml(text: string): unknown {
  return yamlParse(text);
}

/** Inserts `# --- Title ---` lines above the named top-level resources, with a blank line before. */
function insertBanners(text: string, banners: Readonly<Record<string, string>>): string {
  const out: string[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      section = line.replace(/:.*$/, '');
      if (out.length > 0) out.push('');
    } else if (section === 'Resources') {
      const id = /^ {2}([A-Za-z0-9]+):$/.exec(line)?.[1];
      if (id && banners[id]) {
        if (out.at(-1) !== 'Resources:') out.push('');
        out.push(`  # --- ${banners[id]} ---`);
      }
    }
    out.push(line);
  }
  return out.join('\n');
}
