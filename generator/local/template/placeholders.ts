/**
 * A stand-in value for a parameter without a Default and without an override. `sam local` starts
 * without them, as such parameters (a VPC's subnets, a security group, an alarm e-mail) matter only
 * on AWS; the stand-in has the parameter's type so `!Select`, `!Join` and handlers still work.
 */
import type { Parameter } from '../../template/types';

/** EC2 ids whose prefix is not the lower-cased resource type (`AWS::EC2::Subnet::Id` → `subnet-`). */
const EC2_ID_PREFIXES: Readonly<Record<string, string>> = {
  SecurityGroup: 'sg',
  Image: 'ami',
  Instance: 'i',
  Volume: 'vol',
};

/** The placeholder of `parameter`, as the string `--parameter-overrides` would give. */
export function placeholderValue(name: string, parameter: Parameter): string {
  const allowed = parameter.AllowedValues?.[0];
  if (allowed !== undefined) return String(allowed);
  const type = parameter.Type;
  const item = /^List<(.+)>$/.exec(type)?.[1] ?? type;
  if (item === 'Number') return '0';
  const ec2 = /^AWS::EC2::(\w+)::Id$/.exec(item)?.[1];
  if (ec2) return `${EC2_ID_PREFIXES[ec2] ?? ec2.toLowerCase()}-0000local`;
  return `placeholder-${name}`;
}
