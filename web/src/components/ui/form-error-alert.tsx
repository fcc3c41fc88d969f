import { serverFormErrors, type ServerFields } from '../../lib/form-errors';
import { Alert } from './alert';

/**
 * The alert of a form or dialog for a failed request: the server's problem detail, or the messages it gave for fields
 * the form does not show. Nothing when there is no error, or when every message sits at its field.
 */
export function FormErrorAlert<F extends string>({
  error,
  fields = [],
  title,
}: {
  error: unknown;
  /** The fields the form displays (see `serverFormErrors`); none by default. */
  fields?: ServerFields<F>;
  title?: string;
}) {
  const { alert } = serverFormErrors(error, fields);
  if (alert.length === 0) return null;
  return (
    <Alert title={title}>
      {alert.length === 1 ? (
        alert[0]
      ) : (
        <ul className="alert-list">
          {alert.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
