import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import type { User } from '../../../lib/api-types';
import { useDeactivateUser } from '../api/deactivate-user';

export function DeactivateUserDialog({
  user,
  onClose,
  onDone,
}: {
  user: User | null;
  onClose: () => void;
  onDone: (user: User) => void;
}) {
  const deactivate = useDeactivateUser();
  const close = () => {
    deactivate.reset();
    onClose();
  };
  return (
    <Dialog
      open={user !== null}
      onClose={close}
      role="alertdialog"
      title={user ? `Deactivate ${user.name}?` : 'Deactivate user?'}
      description="They will no longer be able to sign in. Their account and history stay, and you can reactivate them later."
    >
      <FormErrorAlert error={deactivate.error} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={close} data-autofocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          pending={deactivate.isPending}
          onClick={() =>
            user &&
            deactivate.mutate(user.id, {
              onSuccess: () => {
                deactivate.reset();
                onDone(user);
              },
            })
          }
        >
          Deactivate
        </Button>
      </div>
    </Dialog>
  );
}
