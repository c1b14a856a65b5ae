/** Text the deploy client prints: stack events, the change set, outputs. Plain text, no colour codes. */
import type { Change, Output, StackEvent } from '@aws-sdk/client-cloudformation';
import { table } from '../text-table';

/** `12:04:31  CREATE_IN_PROGRESS  AWS::Lambda::Function  OnConnectFunction  Resource creation Initiated` */
export function formatEvent(event: StackEvent): string {
  const time = event.Timestamp ? event.Timestamp.toISOString().slice(11, 19) : '--:--:--';
  const parts = [time, event.ResourceStatus ?? '', event.ResourceType ?? '', event.LogicalResourceId ?? ''];
  if (event.ResourceStatusReason) parts.push(event.ResourceStatusReason);
  return parts.join('  ');
}

export function formatChanges(changes: readonly Change[]): string[] {
  const rows = changes.map((change) => {
    const c = change.ResourceChange ?? {};
    const replacement = c.Replacement === 'True' ? 'yes' : c.Replacement === 'Conditional' ? 'maybe' : '';
    return [c.Action ?? '', c.LogicalResourceId ?? '', c.ResourceType ?? '', replacement];
  });
  return table([['Action', 'Logical id', 'Type', 'Replace'], ...rows]);
}

export function formatOutputs(outputs: readonly Output[]): string[] {
  if (outputs.length === 0) return ['(the stack has no outputs)'];
  const rows = sortOutputs(outputs).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']);
  return table([['Output', 'Value'], ...rows]);
}

/** `{Key: Value}`, for scripts: `wskit outputs --stack-name x --json | jq -r .APIEndpoint`. */
export function outputsJson(outputs: readonly Output[]): string {
  const entries = sortOutputs(outputs).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']);
  return JSON.stringify(Object.fromEntries(entries), null, 2);
}

/** The WebSocket URL among the outputs, if any. */
export function websocketUrl(outputs: readonly Output[]): string | undefined {
  return sortOutputs(outputs).find((o) => o.OutputValue?.startsWith('wss://'))?.OutputValue;
}

function sortOutputs(outputs: readonly Output[]): Output[] {
  return [...outputs].sort((a, b) => ((a.OutputKey ?? '') < (b.OutputKey ?? '') ? -1 : 1));
}
