/**
 * IAM action names as AWS defines them (generator/lint/iam/actions.json, extracted from the
 * Service Authorization Reference data by scripts/extract-iam.ts), for two questions: does an
 * action (or a `Get*` pattern) exist, and does it accept resource-level permissions or only
 * `Resource: "*"`. Service prefixes and action names are case-insensitive, as in IAM.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths';

/** The committed file: version of the source data; service → [scoped actions, `*`-only actions], space-separated. */
export interface IamActions {
  readonly version: string;
  readonly services: Readonly<Record<string, readonly [string, string]>>;
}

export interface ActionInfo {
  readonly name: string;
  /** Whether the action can be limited to named resources (else only `Resource: "*"` works). */
  readonly resourceLevel: boolean;
}

let data: IamActions | undefined;
const services = new Map<string, ReadonlyMap<string, ActionInfo> | null>();

export const IAM_ACTIONS_FILE = packagePath('generator', 'lint', 'iam', 'actions.json');

function actionsOf(service: string): ReadonlyMap<string, ActionInfo> | null {
  const key = service.toLowerCase();
  let actions = services.get(key);
  if (actions !== undefined) return actions;
  data ??= JSON.parse(readFileSync(IAM_ACTIONS_FILE, 'utf8')) as IamActions;
  const entry = data.services[key];
  actions = null;
  if (entry) {
    const map = new Map<string, ActionInfo>();
    entry.forEach((names, i) => {
      for (const name of names.split(' ').filter(Boolean))
        map.set(name.toLowerCase(), { name, resourceLevel: i === 0 });
    });
    actions = map;
  }
  services.set(key, actions);
  return actions;
}

export type ActionLookup =
  | { readonly kind: 'unknown-service'; readonly service: string }
  | { readonly kind: 'unknown-action'; readonly service: string; readonly names: readonly string[] }
  | { readonly kind: 'known'; readonly actions: readonly ActionInfo[] };

/**
 * The actions `service:Action` names; a pattern (`s3:Get*`, `sqs:?endMessage`) names every
 * action it matches. `names` lists the service's action names, for suggestions.
 */
export function lookUpAction(action: string): ActionLookup | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  const service = action.slice(0, colon);
  const name = action.slice(colon + 1).toLowerCase();
  const actions = actionsOf(service);
  if (!actions) return { kind: 'unknown-service', service };
  let matched: ActionInfo[];
  if (/[*?]/.test(name)) {
    const pattern = new RegExp(
      `^${name
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    matched = [...actions].filter(([key]) => pattern.test(key)).map(([, info]) => info);
  } else {
    const info = actions.get(name);
    matched = info ? [info] : [];
  }
  if (matched.length > 0) return { kind: 'known', actions: matched };
  return { kind: 'unknown-action', service, names: [...actions.values()].map((a) => a.name) };
}

/** Every service prefix the data knows, for suggestions. */
export function knownServices(): string[] {
  actionsOf('');
  return Object.keys((data as IamActions).services);
}
