/** The functions a route runs: its integration's and its authorizer's, where they are Lambda functions. */
import type { LocalRoute } from './types';

export function routeFunctionIds(route: LocalRoute): string[] {
  return [route.integration, route.authorizer].flatMap((part) =>
    part && 'functionId' in part && part.functionId ? [part.functionId] : [],
  );
}
