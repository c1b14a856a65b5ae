/**
 * ARNs in an IAM policy's Resource, checked against IAM's own grammar, which cfn-lint's IAM
 * resource pattern encodes: `*`, or `arn:<partition>:<service>:<region>` (a region wildcard
 * spans the rest: `arn:aws:iot:*` is accepted), or `arn:<partition>:<service>:<region>:<account>:<resource>`
 * with an account of 12 digits, `*`, `aws` or nothing. `arn:aws:sns:*:*` (five parts) matches
 * nothing. Fn::Sub and Fn::Join texts are checked where their variables cannot change the verdict:
 * pseudo parameters take a sample value; any other variable may hold colons (a topic's Ref is its
 * ARN), so a text is judged only when its first five colons come before such a variable.
 */
import { show } from '../../errors';
import type { LintContext, Path } from '../types';
import { intrinsicName, isObject, type Obj, subParts } from '../values';

const IAM_RESOURCE = /^(arn:(aws[A-Za-z-]*?|\*):[^:]+:[^:]*(:(?:\d{12}|\*|aws)?:.+|)|\*)$/;

/** What a pseudo parameter may stand for, as far as the ARN grammar cares. */
const PSEUDO_SAMPLES: Readonly<Record<string, string>> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'stack',
  'AWS::StackId': 'stack',
};
/** Stands for a value that may hold anything, colons included. */
const UNKNOWN = '\u0000';

export function checkArn(ctx: LintContext, value: unknown, path: Path, parameters: Obj): void {
  const arn = arnText(value, parameters);
  if (!arn?.text.startsWith('arn:')) return;
  const unknownAt = arn.text.indexOf(UNKNOWN);
  if (unknownAt >= 0 && arn.text.slice(0, unknownAt).split(':').length <= 5) return;
  const text = arn.text.replaceAll(UNKNOWN, 'x');
  if (IAM_RESOURCE.test(text)) return;
  ctx.report(
    'E9106',
    arn.at(path),
    `${show(arn.shown)} is not a valid ARN: it ${problemOf(text)}; IAM takes arn:partition:service:region:account:resource, or arn:partition:service:region (a wildcard region spanning the rest)`,
  );
}

interface ArnText {
  readonly text: string;
  readonly shown: string;
  readonly at: (path: Path) => Path;
}

function arnText(value: unknown, parameters: Obj): ArnText | undefined {
  if (typeof value === 'string') return { text: value, shown: value, at: (p) => p };
  const fn = intrinsicName(value);
  if (fn === 'Fn::Sub') {
    const sub = subParts((value as Obj)['Fn::Sub']);
    if (sub.text === undefined) return undefined;
    const text = sub.text.replace(/\$\{([^!}][^}]*)\}/g, (_, name: string) => {
      const variable = name.trim();
      if (variable in sub.vars || variable in parameters) return UNKNOWN;
      return PSEUDO_SAMPLES[variable] ?? UNKNOWN;
    });
    return { text, shown: sub.text, at: (p) => [...p, 'Fn::Sub'] };
  }
  if (fn === 'Fn::Join') {
    const args = (value as Obj)['Fn::Join'];
    if (!Array.isArray(args) || typeof args[0] !== 'string' || !Array.isArray(args[1])) return undefined;
    const pseudo = (item: unknown) =>
      isObject(item) &&
      typeof item.Ref === 'string' &&
      item.Ref in PSEUDO_SAMPLES &&
      !(item.Ref in parameters)
        ? item.Ref
        : undefined;
    const items = args[1] as unknown[];
    const text = items
      .map((item) => (typeof item === 'string' ? item : (PSEUDO_SAMPLES[pseudo(item) ?? ''] ?? UNKNOWN)))
      .join(args[0]);
    const shown = items
      .map((item) => (typeof item === 'string' ? item : `\${${pseudo(item) ?? '…'}}`))
      .join(args[0]);
    return { text, shown, at: (p) => [...p, 'Fn::Join'] };
  }
  return undefined;
}

function problemOf(text: string): string {
  const parts = text.split(':');
  if (parts.length < 4) return `has ${parts.length} parts`;
  if (!/^(aws[A-Za-z-]*|\*)$/.test(parts[1])) return `has no partition (${show(parts[1])})`;
  if (parts[2] === '') return 'has no service';
  if (parts.length === 5) return 'has 5 parts';
  if (!/^(\d{12}|\*|aws|)$/.test(parts[4])) return `has ${show(parts[4])} where the account (12 digits) goes`;
  return 'has no resource part';
}
