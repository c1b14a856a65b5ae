/**
 * Form bodies (`application/x-www-form-urlencoded`), as the SQS and SNS query APIs read them: a
 * request template sent with that Content-Type must render `name=value` pairs joined by `&`. A
 * parser takes a value's spaces and quotes as they are, but a message's own `&`, `=` or `%` put
 * into the body unencoded add fields or break the decoding, so the template is also rendered for
 * a message holding them and must keep its fields (`$util.urlEncode` does that).
 */
import { isObject } from './values';

const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;
const CONTENT_TYPE_PARAMETER = 'integration.request.header.content-type';
const NAME = /^(?:[A-Za-z0-9*\-._~]|%[0-9A-Fa-f]{2})+$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/** A message whose `&`, `=` and `%` change a form body they are put into unencoded. */
export const FORM_PROBE_MESSAGE = JSON.stringify({ action: 'sendmessage', data: 'R&D: 100% of a=b' });

/** Whether an integration sends its request templates as a form body (a static Content-Type mapping). */
export function sendsFormBody(integrationProperties: Record<string, unknown>): boolean {
  const parameters = integrationProperties.RequestParameters;
  if (!isObject(parameters)) return false;
  return Object.entries(parameters).some(
    ([name, value]) =>
      name.toLowerCase() === CONTENT_TYPE_PARAMETER &&
      typeof value === 'string' &&
      FORM_TYPE.test(value.replace(/^'|'$/g, '')),
  );
}

/** The field names of a form body, or what makes it no form body. */
function formFields(text: string): { names: string[] } | { problem: string } {
  const body = text.trim();
  if (body === '') return { problem: 'the body is empty' };
  const names: string[] = [];
  for (const field of body.split('&')) {
    const equals = field.indexOf('=');
    const name = equals < 0 ? field : field.slice(0, equals);
    if (equals < 0 || !NAME.test(name))
      return { problem: `${JSON.stringify(field.slice(0, 40))} is not a name=value pair` };
    if (BAD_ESCAPE.test(field))
      return { problem: `${JSON.stringify(name)} has a % that starts no %XX escape` };
    names.push(name);
  }
  return { names };
}

/**
 * Undefined when `rendered` (the template for a plain message) is a form body whose fields stay
 * the same for `probed` (the template for FORM_PROBE_MESSAGE), else what is wrong.
 */
export function formBodyProblem(rendered: string, probed: string): string | undefined {
  const plain = formFields(rendered);
  if ('problem' in plain) return plain.problem;
  const probe = formFields(probed);
  const same = 'names' in probe && probe.names.join('&') === plain.names.join('&');
  return same
    ? undefined
    : `a message holding & = or % (${FORM_PROBE_MESSAGE}) changes the form's fields; encode it with $util.urlEncode`;
}
