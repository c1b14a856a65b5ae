/**
 * CloudFormation takes a template body up to 51,200 bytes; a larger packaged template goes to the
 * artifacts bucket and is passed by URL, as `sam deploy` does.
 */
import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export const MAX_TEMPLATE_BODY_BYTES = 51_200;

export async function templateSource(
  s3: S3Client,
  bucket: string,
  prefix: string,
  region: string,
  body: string,
): Promise<{ body: string } | { url: string }> {
  if (Buffer.byteLength(body) <= MAX_TEMPLATE_BODY_BYTES) return { body };
  const key = `${prefix ? `${prefix}/` : ''}${createHash('sha256').update(body).digest('hex')}.template`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return { url: `https://${bucket}.s3.${region}.${suffix}/${key}` };
}
