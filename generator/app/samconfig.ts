/** samconfig.toml as SAM CLI reads it, so `sam deploy` (and `wskit deploy`) need no prompts after the first. */
import { stringify } from 'smol-toml';

export interface SamConfigInput {
  readonly stackName: string;
  readonly region?: string;
}

export function samConfig({ stackName, region }: SamConfigInput): string {
  const parameters = {
    stack_name: stackName,
    resolve_s3: true,
    s3_prefix: stackName,
    capabilities: 'CAPABILITY_IAM',
    confirm_changeset: true,
    ...(region ? { region } : {}),
  };
  return `${stringify({ version: 0.1, default: { deploy: { parameters } } })}\n`;
}
