/** Where an app folder keeps its template, for the commands that accept a folder or a file. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The names looked for, in this order, as SAM CLI does. */
export const TEMPLATE_NAMES = ['template.yml', 'template.yaml', 'template.json'] as const;

/** The template inside `dir`, or undefined when it has none. */
export function templateInFolder(dir: string): string | undefined {
  return TEMPLATE_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
}
