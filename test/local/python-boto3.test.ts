/**
 * The Lambda Python runtimes include boto3; a local python3 may not. Run with a real Python that
 * has no boto3 (a virtual environment without the system's packages, first on PATH), the banner
 * says so once, naming that interpreter's install command, however many Python functions there are.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { banner } from '../../generator/cli/commands/local';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import type { Template } from '../../generator/template/types';
import { Client, lambdaRoute, websocketApi, writeApp } from './helpers';

const pythonFunction = (dir: string): Template['Resources'][string] => ({
  Type: 'AWS::Serverless::Function',
  Properties: { CodeUri: `${dir}/`, Handler: 'app.handler', Runtime: 'python3.12' },
});

const template: Template = {
  Resources: {
    ...websocketApi('py', 'prod'),
    ...lambdaRoute('Api', '$default', 'EchoFunction', pythonFunction('echo')),
    ...lambdaRoute('Api', 'aws', 'AwsFunction', pythonFunction('aws')),
  },
};

const FILES = {
  'echo/app.py': 'def handler(event, context):\n    return {"statusCode": 200, "body": "echo"}\n',
  'aws/app.py':
    'import boto3\n\ndef handler(event, context):\n    return {"statusCode": 200, "body": "boto3"}\n',
};

describe('wskit local: a local Python without boto3', () => {
  const savedPath = process.env.PATH;
  let server: LocalServer;
  let venv: string;
  const logs: string[] = [];
  beforeAll(async () => {
    venv = join(mkdtempSync(join(tmpdir(), 'wskit-python-')), 'venv');
    execFileSync('python3', ['-m', 'venv', '--without-pip', venv]);
    process.env.PATH = `${join(venv, 'bin')}:${savedPath}`;
    server = await startLocal({ appDir: writeApp(template, FILES), port: 0, log: (line) => logs.push(line) });
  }, 30_000);
  afterAll(async () => {
    process.env.PATH = savedPath;
    await server.close();
  });

  it('says so once in the banner, with the command that installs it for that python', () => {
    const python = join(venv, 'bin', 'python3');
    const lines = banner(server.app, server.url).filter((line) => line.includes('boto3'));
    expect(lines).toEqual([
      `                   boto3 is not installed for ${python} (Lambda's Python runtimes include it): handlers importing it fail; ${python} -m pip install boto3`,
    ]);
  });

  it('still runs the Python handlers that do not import it; one that does fails with the install command', async () => {
    const client = await Client.connect(server.url);
    expect(await client.request('{"action": "hello"}')).toBe('echo');
    expect(JSON.parse(await client.request('{"action": "aws"}')).message).toBe('Internal server error');
    expect(logs.some((line) => line.includes('AwsFunction') && line.includes('pip install boto3'))).toBe(
      true,
    );
    await client.close();
  });
});
