/** What running a route's integration gives the server. */
import type { LambdaRunner } from '../lambda/runner';
import type { Logger } from '../log';
import type { RunningServices } from '../services/registry';
import type { TemplateCache } from '../vtl/render';

export type IntegrationResult =
  /**
   * `body` is what a two-way route sends back (undefined: nothing); `status` decides `$connect`, and
   * a proxy function's `headers` answer its handshake (`Sec-WebSocket-Protocol`).
   */
  | {
      readonly kind: 'reply';
      readonly status: number;
      readonly body: string | undefined;
      readonly headers?: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'error'; readonly status: number; readonly message: GatewayErrorMessage };

export type GatewayErrorMessage =
  | 'Internal server error'
  | 'Endpoint request timed out'
  | 'Invalid request body'
  | 'Unsupported Media Type';

export interface Services {
  readonly lambda: LambdaRunner;
  /** The running AWS services (Step Functions, DynamoDB, ...): their actions and Task handlers. */
  readonly aws: RunningServices;
  readonly templates: TemplateCache;
  readonly log: Logger;
}

/** One line naming the function and its error, the same for proxy and non-proxy Lambda integrations. */
export function logFunctionFailure(
  services: Services,
  functionId: string,
  error: { readonly errorType: string; readonly errorMessage: string },
): void {
  services.log.line(`  ${functionId} failed: ${error.errorType}: ${error.errorMessage}`);
}

export const internalError: IntegrationResult = {
  kind: 'error',
  status: 500,
  message: 'Internal server error',
};
/** A message RequestModels validation refuses; the integration is not called. */
export const invalidRequestBody: IntegrationResult = {
  kind: 'error',
  status: 400,
  message: 'Invalid request body',
};
/** A message no request template matches, where the PassthroughBehavior refuses it. */
export const unsupportedMediaType: IntegrationResult = {
  kind: 'error',
  status: 415,
  message: 'Unsupported Media Type',
};
export const timedOut: IntegrationResult = {
  kind: 'error',
  status: 504,
  message: 'Endpoint request timed out',
};

/** Resolves with `onTimeout` when `work` takes longer than `ms` (one promise and one timer per call). */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
