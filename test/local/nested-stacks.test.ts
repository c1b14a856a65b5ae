/** Nested stacks merged into one template: parameters down, Outputs up, names kept apart. */
import { flattenNestedStacks } from '../../generator/local/template/nested-stacks';
import type { Template } from '../../generator/template/types';

const child: Template = {
  Parameters: {
    TableName: { Type: 'String' },
    Greeting: { Type: 'String', Default: 'hello' },
    Unset: { Type: 'String' },
  },
  Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Greeting' }, 'prod'] } },
  Resources: {
    Fn: {
      Type: 'AWS::Lambda::Function',
      Condition: 'IsProd',
      DependsOn: ['Role'],
      Properties: {
        Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
        Environment: {
          Variables: {
            TABLE: { Ref: 'TableName' },
            TEXT: { 'Fn::Sub': '${Greeting} from ${AWS::Region}: ${Role.Arn} ${!Literal} ${Unset}' },
            PICK: { 'Fn::If': ['IsProd', 'a', 'b'] },
          },
        },
      },
    },
    Role: { Type: 'AWS::IAM::Role', Properties: {} },
  },
  Outputs: { FnArn: { Value: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
};

const parent: Template = {
  Resources: {
    Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
    Inner: {
      Type: 'AWS::CloudFormation::Stack',
      Properties: { Parameters: { TableName: { Ref: 'Table' } } },
    },
    Permission: {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: { 'Fn::GetAtt': ['Inner', 'Outputs.FnArn'] },
        SourceArn: { 'Fn::Sub': '${Inner.Outputs.FnArn}/*' },
      },
    },
  },
};

describe('flattenNestedStacks', () => {
  const flat = flattenNestedStacks(parent, (id) => (id === 'Inner' ? child : undefined));

  it("adds the child's resources under the stack's logical id, and drops the stack resource", () => {
    expect(Object.keys(flat.Resources)).toEqual(['Table', 'Permission', 'InnerFn', 'InnerRole']);
    expect(flat.Resources.InnerFn).toMatchObject({ Condition: 'InnerIsProd', DependsOn: ['InnerRole'] });
    expect(flat.Conditions).toEqual({ InnerIsProd: { 'Fn::Equals': ['hello', 'prod'] } });
  });

  it("replaces parameters with the parent's expressions or their defaults; one with neither stays a parameter", () => {
    const variables = (flat.Resources.InnerFn?.Properties?.Environment as { Variables: object } | undefined)
      ?.Variables;
    expect(variables).toEqual({
      TABLE: { Ref: 'Table' },
      TEXT: {
        'Fn::Sub': [
          '${Nested0} from ${AWS::Region}: ${InnerRole.Arn} ${!Literal} ${InnerUnset}',
          { Nested0: 'hello' },
        ],
      },
      PICK: { 'Fn::If': ['InnerIsProd', 'a', 'b'] },
    });
    expect(flat.Parameters).toEqual({ InnerUnset: { Type: 'String' } });
  });

  it("reads the child's Outputs where the parent asks for them", () => {
    expect(flat.Resources.Permission?.Properties).toEqual({
      FunctionName: { 'Fn::GetAtt': ['InnerFn', 'Arn'] },
      SourceArn: { 'Fn::Sub': '${InnerFn.Arn}/*' },
    });
  });

  it('keeps a nested stack whose template is not on this machine as it is', () => {
    expect(flattenNestedStacks(parent, () => undefined)).toEqual(parent);
  });
});
