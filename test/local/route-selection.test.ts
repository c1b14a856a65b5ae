/** Route selection on `$request.body.<path>`, with the `$default` fallback API Gateway applies. */
import { selectRoute } from '../../generator/local/server/route-selection';

const withDefault = new Set(['$connect', '$default', 'sendmessage', 'nested', '42']);
const withoutDefault = new Set(['$connect', 'sendmessage']);

describe('selectRoute', () => {
  it.each<[string, string, ReadonlySet<string>, string | undefined]>([
    ['$request.body.action', '{"action": "sendmessage"}', withDefault, 'sendmessage'],
    ['$request.body.action', '{"action": "unknown"}', withDefault, '$default'],
    ['$request.body.action', 'not json', withDefault, '$default'],
    ['$request.body.action', '', withDefault, '$default'],
    ['$request.body.action', '{"action": {"deep": 1}}', withDefault, '$default'],
    ['$request.body.action', '{"action": 42}', withDefault, '42'],
    ['$request.body.action', '{"action": "$connect"}', withDefault, '$default'],
    ['$request.body.msg.kind', '{"msg": {"kind": "nested"}}', withDefault, 'nested'],
    ['$request.body.action', '[1, 2]', withDefault, '$default'],
    ['$request.body.action', '{"action": "sendmessage"}', withoutDefault, 'sendmessage'],
    ['$request.body.action', '{"action": "other"}', withoutDefault, undefined],
    ['$request.body.action', 'not json', withoutDefault, undefined],
  ])('%s on %j → %s', (expression, body, routes, expected) => {
    expect(selectRoute(expression, body, routes)).toBe(expected);
  });
});
