/** Small pieces every view uses: times, sizes, status badges, JSON blocks, key/value tables. */
import type { ComponentChildren } from 'preact';

export const time = (at: number) => new Date(at).toISOString().slice(11, 23);

export const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

export const ago = (at: number, now = Date.now()) => {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  return seconds < 60 ? `${seconds}s ago` : `${Math.round(seconds / 60)}m ago`;
};

/** A status as a coloured badge: 2xx and success green, 4xx amber, 5xx and failure red. */
export function Status({ value }: { value: number | string | undefined }) {
  const text = String(value ?? '…');
  const tone =
    typeof value === 'number'
      ? value < 300
        ? 'ok'
        : value < 500
          ? 'warn'
          : 'bad'
      : /SUCCEEDED|ok|succeeded|open/i.test(text)
        ? 'ok'
        : /RUNNING|running|waiting|received/.test(text)
          ? 'info'
          : /caught|dead/.test(text)
            ? 'warn'
            : 'bad';
  return <span class={`badge ${tone}`}>{text}</span>;
}

/** A JSON value, pretty-printed; strings that hold JSON (frame bodies) are shown parsed. */
export function Json({ value, label }: { value: unknown; label?: string }) {
  if (value === undefined) return null;
  return (
    <section class="json">
      {label && <h4>{label}</h4>}
      <pre>{pretty(value)}</pre>
    </section>
  );
}

export function pretty(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2) ?? String(value);
}

export function Pairs({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <table class="pairs">
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th>{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

export function Panel({
  title,
  children,
  actions,
}: {
  title: ComponentChildren;
  children: ComponentChildren;
  actions?: ComponentChildren;
}) {
  return (
    <section class="panel">
      <header>
        <h3>{title}</h3>
        {actions}
      </header>
      {children}
    </section>
  );
}
