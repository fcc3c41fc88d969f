import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/api-error';
import { downloadClinicExport, type ClinicExportFormat } from '../api/clinic-export';

const FORMATS: readonly { value: ClinicExportFormat; label: string }[] = [
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON' },
];

/**
 * "Export clinic data" (admins): downloads every table the clinic owns as CSV or JSON files in one ZIP archive, with
 * the message attachments' files and a manifest of row counts and what was left out (password hashes and tokens).
 * The browser saves the archive itself through a one-time link; says so, and why if the link cannot be made.
 */
export function ExportClinicButton() {
  const [format, setFormat] = useState<ClinicExportFormat>('csv');
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const [started, setStarted] = useState(false);
  const run = async () => {
    setPending(true);
    setFailed(null);
    setStarted(false);
    try {
      await downloadClinicExport(format);
      setStarted(true);
    } catch (error) {
      setFailed(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="export-clinic">
      <label className="export-clinic-format">
        <span>Format</span>
        <select
          className="input select"
          value={format}
          onChange={(event) => setFormat(event.target.value as ClinicExportFormat)}
        >
          {FORMATS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <Button variant="secondary" pending={pending} onClick={() => void run()}>
        Export clinic data
      </Button>
      <span role="status" className="muted">
        {pending ? 'Preparing the download…' : started ? 'Download started: your browser saves the archive.' : ''}
      </span>
      {failed !== null && <Alert>{errorMessage(failed)}</Alert>}
    </div>
  );
}
