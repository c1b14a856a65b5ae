/** What every part of the server shares: the app, the services that run integrations, the connections. */
import type { ConnectionRegistry } from '../connections/registry';
import type { Services } from '../integrations/types';
import type { Logger } from '../log';
import type { LocalApp } from '../types';
import type { AccessPolicy } from './access';
import type { IamKeyring } from './iam-keys';

export interface Quotas {
  readonly messageLimitBytes: number;
  readonly frameLimitBytes: number;
  readonly idleTimeoutMs: number;
  readonly maxConnectionMs: number;
}

export interface Gateway {
  /** Replaced when `--watch` reloads a changed template; connections stay open. */
  app: LocalApp;
  readonly services: Services;
  readonly registry: ConnectionRegistry;
  readonly log: Logger;
  /** Which Host and Origin headers may reach the API. */
  readonly access: AccessPolicy;
  readonly quotas: Quotas;
  /** Access keys whose secrets verify `AWS_IAM` handshakes (the rest are accepted unverified). */
  readonly iamKeys: IamKeyring;
  /** `$disconnect` invocations still running, awaited before the functions stop. */
  readonly pending: Set<Promise<unknown>>;
}
