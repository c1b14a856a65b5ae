/** AWS::Serverless::SimpleTable → the AWS::DynamoDB::Table the SAM transform makes. */
import { TemplateError } from '../../generator/template/errors';
import { expandSimpleTables } from '../../generator/template/sam-simple-table';

describe('expandSimpleTables', () => {
  it('keys the table by `id` (String) on demand by default, keeping the resource attributes', () => {
    const out = expandSimpleTables({
      Resources: {
        Notes: { Type: 'AWS::Serverless::SimpleTable', Condition: 'On', DeletionPolicy: 'Retain' },
      },
    });
    expect(out.Resources.Notes).toEqual({
      Type: 'AWS::DynamoDB::Table',
      Condition: 'On',
      DeletionPolicy: 'Retain',
      Properties: {
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      },
    });
  });

  it('uses PrimaryKey and ProvisionedThroughput, and passes the name, tags and encryption through', () => {
    const out = expandSimpleTables({
      Resources: {
        Scores: {
          Type: 'AWS::Serverless::SimpleTable',
          Properties: {
            PrimaryKey: { Name: 'score', Type: 'Number' },
            ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
            TableName: 'scores',
            Tags: { team: 'a' },
            SSESpecification: { SSEEnabled: true },
          },
        },
      },
    });
    expect(out.Resources.Scores?.Properties).toEqual({
      AttributeDefinitions: [{ AttributeName: 'score', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'score', KeyType: 'HASH' }],
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      TableName: 'scores',
      Tags: { team: 'a' },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('fails on a PrimaryKey type DynamoDB has no key of', () => {
    const expand = () =>
      expandSimpleTables({
        Resources: {
          T: {
            Type: 'AWS::Serverless::SimpleTable',
            Properties: { PrimaryKey: { Name: 'k', Type: 'Bool' } },
          },
        },
      });
    expect(expand).toThrow(TemplateError);
    expect(expand).toThrow(/PrimaryKey needs a Name and a Type of String, Number, Binary/);
  });
});
