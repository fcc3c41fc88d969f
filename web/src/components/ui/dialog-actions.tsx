import type { ReactNode } from 'react';
import { Button } from './button';

/** The buttons at the foot of a dialog's form: Cancel (closes) and the submit button, busy while the save runs. */
export function DialogActions({
  onCancel,
  pending,
  submitLabel,
  cancelLabel = 'Cancel',
}: {
  onCancel: () => void;
  pending: boolean;
  submitLabel: ReactNode;
  cancelLabel?: string;
}) {
  return (
    <div className="dialog-actions">
      <Button variant="secondary" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" pending={pending}>
        {submitLabel}
      </Button>
    </div>
  );
}
