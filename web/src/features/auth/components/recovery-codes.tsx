import { useState, type ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';

/**
 * Ten one-time recovery codes, shown once: the server keeps only their hashes. Copy and download help the person
 * keep them somewhere other than the phone.
 */
export function RecoveryCodes({ codes, children }: { codes: string[]; children?: ReactNode }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const text = `SPARKTherapy recovery codes — each works once\n\n${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'sparktherapy-recovery-codes.txt';
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="recovery-codes">
      <h3 className="section-title" id="recovery-codes-heading">
        Your recovery codes
      </h3>
      <p>
        If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them
        somewhere safe, away from your phone. <strong>They are shown only now.</strong>
      </p>
      <ol className="recovery-code-list" aria-labelledby="recovery-codes-heading">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void copy()}>
          Copy codes
        </Button>
        <Button variant="secondary" onClick={download}>
          Download codes
        </Button>
      </div>
      <div aria-live="polite">
        {copied === 'yes' && <Alert tone="success">Copied to the clipboard.</Alert>}
        {copied === 'failed' && <Alert>Could not copy. Select the codes, or download them.</Alert>}
      </div>
      {children}
    </div>
  );
}
