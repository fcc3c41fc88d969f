import { useState } from 'react';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCandidateUsers } from '../api/list-candidate-users';

interface UserPickerProps {
  role: 'parent' | 'therapist';
  /** The select's label, e.g. "Parent". */
  label: string;
  value: string;
  onChange: (userId: string) => void;
  /** Users already linked to the child, left out of the choices. */
  excludeIds: readonly string[];
  error?: string;
}

/** Search box plus a list of matching active accounts of one role; the admin picks one. */
export function UserPicker({ role, label, value, onChange, excludeIds, error }: UserPickerProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const users = useCandidateUsers(role, q);
  const choices = (users.data?.content ?? []).filter((user) => !excludeIds.includes(user.id));
  const options = choices.map((user) => ({
    value: user.id,
    label:
      role === 'therapist'
        ? `${user.name}${user.credential ? ` (${user.credential === 'other' ? 'Other' : user.credential})` : ''}`
        : `${user.name} · ${user.email}`,
  }));

  return (
    <div className="picker">
      <TextField
        label={`Search ${role === 'parent' ? 'parents' : 'therapists'}`}
        type="search"
        autoComplete="off"
        placeholder="Name or email"
        value={search}
        onChange={(event) => {
          // A new search starts a new choice, so the selection never points at someone no longer listed.
          setSearch(event.target.value);
          onChange('');
        }}
      />
      <p className="field-hint" aria-live="polite">
        {users.isPending
          ? 'Searching…'
          : users.isError
            ? errorMessage(users.error)
            : `${options.length} ${options.length === 1 ? 'match' : 'matches'}`}
      </p>
      <SelectField
        label={label}
        placeholder="Choose…"
        required
        options={options}
        value={value}
        error={error}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
