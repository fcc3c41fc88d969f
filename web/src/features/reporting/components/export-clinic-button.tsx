import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/api-error';
import { downloadClinicExport } from '../api/clinic-export';

/**
 * "Export clinic data" (admins): downloads every table the clinic owns as CSV files in one ZIP archive, with a
 * manifest of row counts and what was left out (password hashes and tokens). Says so while it runs and if it fails.
 */
export function ExportClinicButton() {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const run = async () => {
    setPending(true);
    setFailed(null);
    setDone(false);
    try {
      await downloadClinicExport();
      setDone(true);
    } catch (error) {
      setFailed(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="export-clinic">
      <Button variant="secondary" pending={pending} onClick={() => void run()}>
        Export clinic data
      </Button>
      <span role="status" className="muted">
        {pending ? 'Preparing the archive…' : done ? 'Archive saved.' : ''}
      </span>
      {failed !== null && <Alert>{errorMessage(failed)}</Alert>}
    </div>
  );
}
