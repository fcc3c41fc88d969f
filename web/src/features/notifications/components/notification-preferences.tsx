import { useForm, useWatch } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { usePreferences, type Channel, type Preference } from '../api/get-preferences';
import { useUpdatePreferences, type PreferenceChange } from '../api/update-preferences';

const CHANNEL_LABELS: Record<Channel, string> = { in_app: 'In the app', email: 'By email' };

const cellKey = (kind: string, channel: Channel) => `${kind}/${channel}`;

/** One checkbox per cell of the server's list, by index (kinds may contain dots, which field names cannot). */
interface PreferencesForm {
  enabled: boolean[];
}

/** A checkbox per kind and channel; saves only what changed. Account security mail stays on. */
export function NotificationPreferences() {
  const preferences = usePreferences();
  const update = useUpdatePreferences();
  // the form follows the server's settings: after a save they come back as the new starting point
  const { register, handleSubmit, control } = useForm<PreferencesForm>({
    values: { enabled: preferences.data?.preferences.map((cell) => cell.enabled) ?? [] },
  });
  const enabled = useWatch({ control, name: 'enabled' }) ?? [];

  if (preferences.isPending) return <p>Loading your settings…</p>;
  if (preferences.isError) return <Alert>{errorMessage(preferences.error)}</Alert>;

  const { channels } = preferences.data;
  const indexes = new Map(preferences.data.preferences.map((cell, index) => [cellKey(cell.kind, cell.channel), index]));
  const kinds: { kind: string; label: string }[] = [];
  for (const cell of preferences.data.preferences) {
    if (!kinds.some((k) => k.kind === cell.kind)) kinds.push({ kind: cell.kind, label: cell.label });
  }
  const changes: PreferenceChange[] = preferences.data.preferences
    .map((cell: Preference, index) => ({
      kind: cell.kind,
      channel: cell.channel,
      enabled: enabled[index] ?? cell.enabled,
    }))
    .filter((change, index) => preferences.data.preferences[index].enabled !== change.enabled);

  const save = handleSubmit(() => update.mutate(changes));

  return (
    <form className="form" onSubmit={save} aria-label="Notification settings">
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
                const index = indexes.get(cellKey(kind, channel));
                if (index === undefined) return <td key={channel} />;
                const cell = preferences.data.preferences[index];
                return (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      className="checkbox"
                      aria-label={`${label}: ${CHANNEL_LABELS[channel].toLowerCase()}`}
                      disabled={cell.locked}
                      title={cell.locked ? 'Account security mail cannot be turned off' : undefined}
                      {...register(`enabled.${index}`)}
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
