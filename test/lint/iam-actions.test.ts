/** The committed IAM action list is exactly what the extraction makes from the installed IAM data. */
import { readFileSync } from 'node:fs';
import { IAM_ACTIONS_FILE, lookUpAction } from '../../generator/lint/iam-actions';
import { lintTemplateText } from '../../generator/lint/index';
import { extractIamActions, readIamData } from '../../generator/lint/spec-source/iam-actions';

describe('generator/lint/iam/actions.json', () => {
  it('matches a fresh extraction (run `node scripts/run-ts.mjs scripts/extract-iam.ts` when it does not)', async () => {
    const fresh = await extractIamActions(readIamData());
    expect(readFileSync(IAM_ACTIONS_FILE, 'utf8') === fresh).toBe(true);
  });
});

describe('lookUpAction', () => {
  const kind = (action: string) => lookUpAction(action)?.kind;

  it('knows actions in any letter case, and patterns that match one', () => {
    expect(kind('dynamodb:PutItem')).toBe('known');
    expect(kind('DynamoDB:putitem')).toBe('known');
    expect(kind('s3:Get*')).toBe('known');
    expect(kind('sqs:?endMessage')).toBe('known');
  });

  it('tells unknown actions from unknown services', () => {
    expect(kind('dynamodb:PutItems')).toBe('unknown-action');
    expect(kind('s3:Frobnicate*')).toBe('unknown-action');
    expect(kind('dynamo:PutItem')).toBe('unknown-service');
    expect(lookUpAction('PutItem')).toBeUndefined();
  });

  it('suggests the service prefix meant', () => {
    const text = `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: dynamo:GetItem\n            Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/t\n`;
    const messages = lintTemplateText(text, 't.yml').map((f) => f.message);
    expect(messages).toContainEqual(expect.stringContaining('(did you mean "dynamodb"?)'));
    // An SDK client's name acts under its service's prefix.
    const runtime = lintTemplateText(text.replace('dynamo:GetItem', 'bedrock-runtime:InvokeModel'), 't.yml');
    expect(runtime.map((f) => f.message)).toContainEqual(
      expect.stringContaining('(did you mean "bedrock"?)'),
    );
  });

  it('says which actions accept resource-level permissions', () => {
    const info = (action: string) => {
      const found = lookUpAction(action);
      return found?.kind === 'known' ? found.actions.map((a) => a.resourceLevel) : undefined;
    };
    expect(info('dynamodb:PutItem')).toEqual([true]);
    expect(info('xray:PutTraceSegments')).toEqual([false]);
  });
});
