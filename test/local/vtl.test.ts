/** API Gateway mapping templates through the VTL renderer: $input, $util, $context, Java string methods. */

import { compileTemplate } from '../../generator/local/vtl/render';
import { escapeJavaScript, urlDecode, urlEncode } from '../../generator/local/vtl/util';
import { readTemplateFile } from '../../generator/paths';

const render = (template: string, body = '{}', context = {}) => compileTemplate(template)({ body, context });

describe('VTL renderer', () => {
  it('renders the sfn-sync request template into JSON whose input is the message', () => {
    const template = readTemplateFile('sfn-sync-request.vtl').replace('${StateMachineArn}', 'arn:sm');
    for (const message of [
      '{"a": "it\'s"}',
      '{"q": "say \\"hi\\"", "u": "é😀", "n": "a\\nb"}',
      'plain',
      '',
    ]) {
      const request = JSON.parse(render(template, message));
      expect(request).toEqual({ input: message, stateMachineArn: 'arn:sm' });
    }
  });

  it('divides whole numbers as Java does, so an epoch in ms becomes whole seconds', () => {
    const template = '#set($ttl = $context.requestTimeEpoch / 1000 + 60)$ttl $context.half';
    expect(render(template, '{}', { requestTimeEpoch: 1_700_000_000_123, half: 1.5 })).toBe('1700000060 1.5');
    expect(render('#set($x = 7 / 2)$x #set($y = 7.5 / 2)$y')).toBe('3 3.75');
  });

  it.each([
    ['$util.escapeJavaScript($input.body)', `a'b"c\\d/e\nf\tg é`, `a\\'b\\"c\\\\d\\/e\\nf\\tg \\u00E9`],
    [`$input.body.replaceAll("\\\\'", "'")`, "it\\'s", "it's"],
    ['$input.body.replaceAll("[0-9]+", "#")', 'a1b22c333', 'a#b#c#'],
    ['$input.body.replaceAll("(\\w+)@(\\w+)", "$2 at $1")', 'me@home', 'home at me'],
    ['$input.body.replaceFirst("o", "0")', 'foo', 'f0o'],
    ['$input.body.matches("[a-z]+")', 'abc', 'true'],
    ['$input.body.matches("[a-z]+")', 'abc1', 'false'],
    ['$input.body.length()', 'abcd', '4'],
    ['$input.body.isEmpty()', '', 'true'],
    ['$input.body.contains("ell")', 'hello', 'true'],
    ['$input.body.equalsIgnoreCase("HELLO")', 'hello', 'true'],
    ['$input.body.toUpperCase()', 'hello', 'HELLO'],
    ['$util.urlEncode($input.body)', 'a b&c=d/é~', 'a+b%26c%3Dd%2F%C3%A9%7E'],
    ['$util.urlDecode($input.body)', 'a+b%26c', 'a b&c'],
    ['$util.base64Encode($input.body)', 'hello', 'aGVsbG8='],
    ['$util.base64Decode($input.body)', 'aGVsbG8=', 'hello'],
    ['$util.parseJson($input.body).a.b', '{"a": {"b": 7}}', '7'],
  ])('%s on %j → %j', (template, body, expected) => {
    expect(render(template, body)).toBe(expected);
  });

  it('reads the body with $input.path and $input.json', () => {
    const body = '{"status": "SUCCEEDED", "items": [{"id": 1}, {"id": 2}], "output": "{\\"x\\":1}"}';
    expect(render("$input.path('$.status')", body)).toBe('SUCCEEDED');
    expect(render("$input.path('$.output')", body)).toBe('{"x":1}');
    expect(render("$input.json('$.items[1]')", body)).toBe('{"id":2}');
    expect(render("$input.json('$')", body)).toBe(JSON.stringify(JSON.parse(body)));
    expect(render("#foreach($item in $input.path('$.items'))$item.id,#end", body)).toBe('1,2,');
  });

  it('exposes $context', () => {
    expect(
      render('$context.connectionId/$context.routeKey', '', { connectionId: 'abc=', routeKey: '$default' }),
    ).toBe('abc=/$default');
  });

  it('escapes like Java: control characters and astral characters as \\u escapes', () => {
    expect(escapeJavaScript('\u0001\u001f😀')).toBe('\\u0001\\u001F\\uD83D\\uDE00');
    expect(escapeJavaScript(null)).toBeNull();
    expect(urlDecode(urlEncode("x y!'()*"))).toBe("x y!'()*");
  });
});
