/** Reads an app folder's template.yml: the input of every deploy. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Template } from '../template/types';
import { parseYaml } from '../template/yaml';
import { DeployError } from './errors';

export const TEMPLATE_FILE = 'template.yml';

export async function readAppTemplate(appDir: string): Promise<Template> {
  const path = join(appDir, TEMPLATE_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DeployError(
        'E_DEPLOY_NO_TEMPLATE',
        `${path} not found: is ${appDir} an app folder written by wskit generate?`,
        path,
      );
    }
    throw error;
  }
  let template: unknown;
  try {
    template = parseYaml(text);
  } catch (error) {
    throw new DeployError(
      'E_DEPLOY_TEMPLATE',
      `${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      path,
    );
  }
  if (!template || typeof template !== 'object' || !('Resources' in template)) {
    throw new DeployError('E_DEPLOY_TEMPLATE', `${path}: not a CloudFormation template (no Resources)`, path);
  }
  return template as Template;
}
