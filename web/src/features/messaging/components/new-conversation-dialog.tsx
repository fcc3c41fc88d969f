import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { ROLE_LABELS } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/api-error';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useCreateConversation } from '../api/create-conversation';
import { useContacts } from '../api/list-contacts';
import type { Conversation } from '../api/messaging-types';
import { MAX_TEXT_LENGTH } from './attachment-rules';

const schema = z.object({
  memberIds: z.array(z.string()).min(1, 'Choose at least one person.'),
  title: z.string().max(200, 'At most 200 characters.'),
  body: z.string().trim().min(1, 'Write a message.').max(MAX_TEXT_LENGTH, `At most ${MAX_TEXT_LENGTH} characters.`),
});
type Values = z.infer<typeof schema>;

const CONVERSATION_FIELDS = ['memberIds', 'title', 'body'] as const;

/** Staff start a direct conversation with other staff (the existing one opens when it is the same people). */
export function NewConversationDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (conversation: Conversation) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="New message" description="A direct conversation with other staff.">
      {open && <NewConversationForm onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function NewConversationForm({ onClose, onCreated }: { onClose: () => void; onCreated: (c: Conversation) => void }) {
  const contacts = useContacts(true);
  const create = useCreateConversation();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { memberIds: [], title: '', body: '' } });

  const onSubmit = handleSubmit((values) =>
    create.mutate(
      { memberIds: values.memberIds, title: values.title.trim() || undefined, body: values.body },
      { onSuccess: onCreated, onError: (error) => applyServerFieldErrors(error, CONVERSATION_FIELDS, setError) },
    ),
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="New message">
      <FormErrorAlert error={create.error} fields={CONVERSATION_FIELDS} />
      <fieldset className="fieldset">
        <legend className="fieldset-legend">To</legend>
        {contacts.isPending && <p className="muted">Loading staff…</p>}
        {contacts.isError && <Alert>{errorMessage(contacts.error)}</Alert>}
        <div className="contact-choices">
          {contacts.data?.map((person) => (
            <label key={person.id} className="field-checkbox">
              <input type="checkbox" className="checkbox" value={person.id} {...register('memberIds')} />
              <span>
                {person.name} <span className="muted">({ROLE_LABELS[person.role]})</span>
              </span>
            </label>
          ))}
        </div>
        {errors.memberIds && (
          <p className="field-error" role="alert">
            {errors.memberIds.message}
          </p>
        )}
      </fieldset>
      <TextField label="Title (optional)" error={errors.title?.message} {...register('title')} />
      <TextareaField label="Message" required rows={4} error={errors.body?.message} {...register('body')} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Send
        </Button>
      </div>
    </form>
  );
}
