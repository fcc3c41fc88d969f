import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { ROLE_LABELS, type User } from '../../../lib/api-types';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isChallenge } from '../api/second-factor';
import { PASSWORD_HINT } from '../../../lib/password-rule';
import {
  INVALID_INVITATION_TOKEN,
  acceptInvitationSchema,
  useAcceptInvitation,
  useInvitation,
  type AcceptInvitationForm as Values,
  type Invitation,
} from '../api/accept-invitation';

const ACCEPT_FIELDS = ['password'] as const;

function BadLink() {
  return (
    <Alert title="This invitation does not work">
      The invitation link is invalid, expired, revoked or already used. Ask the clinic’s admin to send you a new one.
    </Alert>
  );
}

function roleText(invitation: Invitation): string {
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  return invitation.credential ? `${role} (${invitation.credential})` : role;
}

/**
 * Shows who invited the person to which clinic as what, lets them choose a password, then signs them in — or, when
 * their role must use a second factor (ADR 0038), sends them to the sign-in page to set it up (`onSignInNeeded`).
 */
export function AcceptInvitationForm({
  token,
  onSignedIn,
  onSignInNeeded,
}: {
  token: string | null;
  onSignedIn: (user: User) => void;
  onSignInNeeded: (email: string) => void;
}) {
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(acceptInvitationSchema),
    defaultValues: { password: '', confirmPassword: '' },
  });

  const invalid = (error: unknown) => error instanceof ApiError && error.type === INVALID_INVITATION_TOKEN;
  if (token === null || (invitation.status === 'error' && invalid(invitation.error)) || invalid(accept.error))
    return <BadLink />;
  if (invitation.status === 'pending') {
    return (
      <p className="muted" role="status">
        Loading the invitation…
      </p>
    );
  }
  if (invitation.status === 'error') return <Alert>{errorMessage(invitation.error)}</Alert>;
  const invited = invitation.invitation;

  const onSubmit = handleSubmit((values) => {
    accept.mutate(
      { token, password: values.password },
      {
        onSuccess: ({ email, answer }) => (isChallenge(answer) ? onSignInNeeded(email) : onSignedIn(answer.user)),
        onError: (error) => applyServerFieldErrors(error, ACCEPT_FIELDS, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Accept the invitation">
      <div className="invitation-summary">
        <p>
          <strong>{invited.invitedByName}</strong> invited you to <strong>{invited.clinicName}</strong> as a{' '}
          <strong>{roleText(invited)}</strong>.
        </p>
        <dl className="details invitation-facts">
          <div className="detail">
            <dt>Name</dt>
            <dd>{invited.name}</dd>
          </div>
          <div className="detail">
            <dt>Email</dt>
            <dd>{invited.email}</dd>
          </div>
        </dl>
      </div>
      <FormErrorAlert error={accept.error} fields={ACCEPT_FIELDS} />
      <input type="email" autoComplete="username" value={invited.email} readOnly hidden />
      <TextField
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        required
        hint={PASSWORD_HINT}
        error={errors.password?.message}
        {...register('password')}
      />
      <TextField
        label="Repeat password"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword?.message}
        {...register('confirmPassword')}
      />
      <Button type="submit" pending={accept.isPending} className="btn-block">
        {accept.isPending ? 'Opening your account…' : 'Accept and sign in'}
      </Button>
    </form>
  );
}
