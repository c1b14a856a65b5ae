/**
 * Lambda's ReportBatchItemFailures answer, as SQS and stream event sources read it: a
 * `{ batchItemFailures: [{ itemIdentifier }] }` result names the records that failed; no list (or
 * null) means none did; an answer that is not a list, or an identifier that is empty or not in the
 * batch, fails the whole batch.
 */
export function reportedFailures(result: unknown, batchIds: readonly string[]): Set<string> | 'all' {
  const failures = (result as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return 'all';
  const ids = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !batchIds.includes(id)) return 'all';
    ids.add(id);
  }
  return ids;
}
