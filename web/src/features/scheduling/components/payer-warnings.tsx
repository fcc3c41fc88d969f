import { Alert } from '../../../components/ui/alert';
import type { ApiError } from '../../../lib/api-error';
import { refusalWarnings, type PayerWarning } from '../api/payer-warnings';

/**
 * What was booked (or moved) beyond the child's insurance authorizations: one line per authorization, naming it and the
 * shortfall in units. Nothing when there is nothing to say.
 */
export function PayerWarnings({
  warnings,
  title = "Booked beyond the child's authorization",
  advice = 'The payer may not pay for these units. Check the authorization or ask for more units.',
}: {
  warnings: readonly PayerWarning[] | undefined;
  title?: string;
  advice?: string;
}) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <Alert tone="warning" title={title}>
      <ul className="alert-list" aria-label="Authorization warnings">
        {warnings.map((warning, index) => (
          <li key={`${warning.kind}-${warning.authorizationId ?? warning.serviceCode}-${index}`}>{warning.message}</li>
        ))}
      </ul>
      <p>{advice}</p>
    </Alert>
  );
}

/** The clinic blocks bookings beyond authorizations: the server's refusal, with each authorization and shortfall. */
export function PayerRefusal({
  error,
  title = "Not booked: beyond the child's authorization",
}: {
  error: ApiError;
  title?: string;
}) {
  const warnings = refusalWarnings(error);
  return (
    <Alert title={title}>
      {warnings.length > 0 ? (
        <ul className="alert-list" aria-label="Authorization problems">
          {warnings.map((warning, index) => (
            <li key={`${warning.kind}-${warning.authorizationId ?? warning.serviceCode}-${index}`}>
              {warning.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{error.detail}</p>
      )}
      <p>The clinic does not book beyond authorizations: nothing was changed. Choose fewer hours or other dates.</p>
    </Alert>
  );
}
