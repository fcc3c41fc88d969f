import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useCreateConversation } from '../api/create-conversation';
import { AUDIENCE_LABELS, type Audience, type Conversation } from '../api/messaging-types';
import { MAX_TEXT_LENGTH } from './attachment-rules';

const AUDIENCES = Object.keys(AUDIENCE_LABELS) as Audience[];

const schema = z.object({
  audience: z.enum(['everyone', 'admin', 'therapist', 'parent']),
  title: z.string().trim().min(1, 'Give the announcement a title.').max(200, 'At most 200 characters.'),
  body: z
    .string()
    .trim()
    .min(1, 'Write the announcement.')
    .max(MAX_TEXT_LENGTH, `At most ${MAX_TEXT_LENGTH} characters.`),
});
type Values = z.infer<typeof schema>;

const ANNOUNCEMENT_FIELDS = ['audience', 'title', 'body'] as const;

/** An admin's announcement to a role or to everyone; recipients read it, only admins write. */
export function AnnouncementDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (conversation: Conversation) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="New announcement" description="Everyone in the audience can read it.">
      {open && <AnnouncementForm onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function AnnouncementForm({ onClose, onCreated }: { onClose: () => void; onCreated: (c: Conversation) => void }) {
  const create = useCreateConversation();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { audience: 'everyone', title: '', body: '' } });

  const onSubmit = handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => applyServerFieldErrors(error, ANNOUNCEMENT_FIELDS, setError),
    }),
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="New announcement">
      <FormErrorAlert error={create.error} fields={ANNOUNCEMENT_FIELDS} />
      <SelectField
        label="Audience"
        options={AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] }))}
        error={errors.audience?.message}
        {...register('audience')}
      />
      <TextField label="Title" required error={errors.title?.message} {...register('title')} />
      <TextareaField label="Announcement" required rows={5} error={errors.body?.message} {...register('body')} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Post announcement
        </Button>
      </div>
    </form>
  );
}
