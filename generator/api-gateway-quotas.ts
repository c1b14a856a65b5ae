/** API Gateway's documented WebSocket quotas, which the model, the linter and the emulator all apply. */

export const MESSAGE_LIMIT_BYTES = 128 * 1024;
export const FRAME_LIMIT_BYTES = 32 * 1024;
export const IDLE_TIMEOUT_MS = 10 * 60 * 1000;
export const MAX_CONNECTION_MS = 2 * 60 * 60 * 1000;
/** API Gateway's integration timeout, the longest TimeoutInMillis allows. */
export const INTEGRATION_TIMEOUT_MS = 29_000;
