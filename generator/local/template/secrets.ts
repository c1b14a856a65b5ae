/**
 * Which values of a run are secrets, as CloudFormation hides them: what each `NoEcho` parameter
 * takes. The loader records them on the app, so what shows the app (the console) can mask them.
 */
import type { Template } from '../../template/types';

/** The values NoEcho parameters take in this run: an override, else the default. */
export function noEchoValues(template: Template, overrides: Readonly<Record<string, string>>): Set<string> {
  const values = new Set<string>();
  for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
    if (!parameter || (parameter.NoEcho !== true && String(parameter.NoEcho) !== 'true')) continue;
    const value = overrides[name] ?? parameter.Default;
    if (value !== undefined && String(value) !== '') values.add(String(value));
  }
  return values;
}
