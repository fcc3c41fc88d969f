import { Alert } from './alert';

/**
 * Says that the form was reset to the latest version of its record after a save failed because someone else changed
 * the record meanwhile (412, see `usePreconditionReload`). `record` names it: "This program was changed…".
 */
export function ReloadedAlert({ record }: { record: string }) {
  return (
    <Alert tone="info" title={`This ${record} was changed by someone else`}>
      The form now shows the latest details. Make your changes again and save.
    </Alert>
  );
}
