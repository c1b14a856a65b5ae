/**
 * Form bodies (`application/x-www-form-urlencoded`), as the SQS and SNS query APIs read them: a
 * request template sent with that Content-Type must render `name=value` pairs joined by `&`, each
 * part percent-encoded (`$util.urlEncode`), or a message's spaces, quotes, `&` and `+` change or
 * break the call.
 */
import { isObject } from './values';

const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;
const CONTENT_TYPE_PARAMETER = 'integration.request.header.content-type';
/** What URL encoding leaves as it is, a `%XX` escape, or `+` (a space). `=` may follow the first one. */
const ENCODED = /^(?:[A-Za-z0-9*\-._~!'()+]|%[0-9A-Fa-f]{2})*$/;

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

/** Undefined when the text is a valid form body, else what is wrong with it. */
export function formBodyProblem(text: string): string | undefined {
  const body = text.trim();
  if (body === '') return 'the body is empty';
  for (const field of body.split('&')) {
    const equals = field.indexOf('=');
    if (equals <= 0) return `${JSON.stringify(field)} is not a name=value pair`;
    const [name, value] = [field.slice(0, equals), field.slice(equals + 1)];
    for (const part of [name, value.replaceAll('=', '')]) {
      if (!ENCODED.test(part)) {
        const bad = [...part].find((c) => !ENCODED.test(c) && c !== '%') ?? '%';
        return `${JSON.stringify(name)} has ${JSON.stringify(bad)} that is not URL-encoded (use $util.urlEncode)`;
      }
    }
  }
  return undefined;
}
