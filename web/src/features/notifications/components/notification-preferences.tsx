import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { usePreferences, type Channel, type Preference } from '../api/get-preferences';
import { useUpdatePreferences, type PreferenceChange } from '../api/update-preferences';

const CHANNEL_LABELS: Record<Channel, string> = { in_app: 'In the app', email: 'By email' };

const cellKey = (kind: string, channel: Channel) => `${kind}/${channel}`;

/** A checkbox per kind and channel; saves only what changed. Account security mail stays on. */
export function NotificationPreferences() {
  const preferences = usePreferences();
  const update = useUpdatePreferences();
  const [edits, setEdits] = useState<Record<string, boolean>>({});

  if (preferences.isPending) return <p>Loading your settings…</p>;
  if (preferences.isError) return <Alert>{errorMessage(preferences.error)}</Alert>;

  const { channels } = preferences.data;
  const cells = new Map(preferences.data.preferences.map((cell) => [cellKey(cell.kind, cell.channel), cell]));
  const kinds: { kind: string; label: string }[] = [];
  for (const cell of preferences.data.preferences) {
    if (!kinds.some((k) => k.kind === cell.kind)) kinds.push({ kind: cell.kind, label: cell.label });
  }
  const checked = (cell: Preference) => edits[cellKey(cell.kind, cell.channel)] ?? cell.enabled;
  const changes: PreferenceChange[] = Object.entries(edits)
    .map(([key, enabled]) => {
      const cell = cells.get(key)!;
      return { kind: cell.kind, channel: cell.channel, enabled };
    })
    .filter((change) => cells.get(cellKey(change.kind, change.channel))!.enabled !== change.enabled);

  const save = () => update.mutate(changes, { onSuccess: () => setEdits({}) });

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      aria-label="Notification settings"
    >
      {update.isSuccess && changes.length === 0 && <Alert tone="success">Your settings were saved.</Alert>}
      {update.isError && <Alert>{errorMessage(update.error)}</Alert>}
      <Table caption="What you are told, and how">
        <thead>
          <tr>
            <th scope="col">Notification</th>
            {channels.map((channel) => (
              <th scope="col" key={channel}>
                {CHANNEL_LABELS[channel]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map(({ kind, label }) => (
            <tr key={kind}>
              <th scope="row">{label}</th>
              {channels.map((channel) => {
                const cell = cells.get(cellKey(kind, channel));
                if (!cell) return <td key={channel} />;
                return (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      className="checkbox"
                      aria-label={`${label}: ${CHANNEL_LABELS[channel].toLowerCase()}`}
                      checked={checked(cell)}
                      disabled={cell.locked}
                      title={cell.locked ? 'Account security mail cannot be turned off' : undefined}
                      onChange={(event) =>
                        setEdits((current) => ({ ...current, [cellKey(kind, channel)]: event.target.checked }))
                      }
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="field-hint">
        Mail about your account’s security (a changed password) is always sent. Mails never contain clinical details —
        only a link into SPARKTherapy.
      </p>
      <div>
        <Button type="submit" pending={update.isPending} disabled={changes.length === 0}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
