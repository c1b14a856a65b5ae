/**
 * An integration's PassthroughBehavior, as API Gateway applies it to a WebSocket message whose
 * template selection key (the TemplateSelectionExpression's value, else the content type
 * `application/json`) has no request template, `$default` included:
 * - `WHEN_NO_MATCH` (the default): the message goes to the integration as it is;
 * - `WHEN_NO_TEMPLATES`: as it is when the integration has no request template at all, otherwise
 *   refused with 415 Unsupported Media Type;
 * - `NEVER`: always refused with 415.
 * A refused message never reaches the integration.
 */
import type { PassthroughBehavior } from '../types';

export const PASSTHROUGH_BEHAVIORS: readonly PassthroughBehavior[] = [
  'WHEN_NO_MATCH',
  'WHEN_NO_TEMPLATES',
  'NEVER',
];

/** Whether an unmatched message passes through unchanged (else: 415). */
export function passesThrough(
  templates: Readonly<Record<string, string>>,
  behavior: PassthroughBehavior = 'WHEN_NO_MATCH',
): boolean {
  if (behavior === 'WHEN_NO_MATCH') return true;
  if (behavior === 'WHEN_NO_TEMPLATES') return Object.keys(templates).length === 0;
  return false;
}

/** The template's value (undefined: the default), or why it is not one API Gateway takes. */
export function passthroughOf(value: unknown): PassthroughBehavior | undefined | { readonly reason: string } {
  if (value === undefined) return undefined;
  const known = PASSTHROUGH_BEHAVIORS.find((behavior) => behavior === value);
  return (
    known ?? {
      reason: `PassthroughBehavior ${JSON.stringify(value)} is not one of ${PASSTHROUGH_BEHAVIORS.join(', ')}`,
    }
  );
}
