import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { useDeleteMessage } from '../api/delete-message';
import { useEditMessage } from '../api/edit-message';
import type { Message } from '../api/messaging-types';
import { AttachmentPreview } from './attachment-preview';
import { MAX_TEXT_LENGTH } from './attachment-rules';

const EDIT_WINDOW_MS = 15 * 60 * 1000;

/** The edited text, as typed: the server judges it (an empty text is refused there, with its message below). */
const editSchema = z.object({ body: z.string() });

/**
 * One message. Its text is rendered as text (React escapes it), never as HTML: a "<script>" shows as those
 * characters. A deleted message shows as a tombstone.
 */
export function MessageItem({ message, mine, now }: { message: Message; mine: boolean; now?: number }) {
  // the edit window is judged when the message is shown; the server decides for good
  const [shownAt] = useState(() => now ?? Date.now());
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const edit = useEditMessage(message.conversationId);
  // the draft outlives a cancelled edit, as long as the message is shown
  const { register, handleSubmit } = useForm<z.infer<typeof editSchema>>({
    resolver: zodResolver(editSchema),
    defaultValues: { body: message.body ?? '' },
  });
  const save = handleSubmit(({ body }) =>
    edit.mutate({ messageId: message.id, body }, { onSuccess: () => setEditing(false) }),
  );
  const remove = useDeleteMessage(message.conversationId);
  const editable = mine && !message.deleted && shownAt - Date.parse(message.postedAt) < EDIT_WINDOW_MS;

  return (
    <li
      className={`message${mine ? ' message-mine' : ''}`}
      aria-label={`Message from ${message.author?.name ?? 'someone'}`}
    >
      <div className="message-meta">
        <span className="message-author">{mine ? 'You' : (message.author?.name ?? 'Former member')}</span>
        <time dateTime={message.postedAt}>{formatDateTime(message.postedAt)}</time>
        {message.edited && !message.deleted && <span className="muted">(edited)</span>}
      </div>
      {message.deleted ? (
        <p className="message-body message-deleted">Message deleted</p>
      ) : editing ? (
        <form className="message-edit" onSubmit={save}>
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            Edit message
          </label>
          <textarea
            id={`edit-${message.id}`}
            className="input textarea"
            maxLength={MAX_TEXT_LENGTH}
            {...register('body')}
          />
          {edit.isError && (
            <p role="alert" className="field-error">
              {errorMessage(edit.error)}
            </p>
          )}
          <div className="message-actions">
            <Button size="sm" type="submit" pending={edit.isPending}>
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        message.body && <p className="message-body">{message.body}</p>
      )}
      {!message.deleted && message.attachments.length > 0 && (
        <ul className="attachment-list" aria-label="Attachments">
          {message.attachments.map((attachment) => (
            <li key={attachment.id}>
              <AttachmentPreview attachment={attachment} />
            </li>
          ))}
        </ul>
      )}
      {mine && !message.deleted && !editing && (
        <div className="message-actions">
          {editable && (
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          <Button size="sm" variant="ghost" onClick={() => setConfirmingDelete(true)}>
            Delete
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirmingDelete}
        title="Delete this message?"
        description="Its text and attachments are removed for everyone; the conversation shows that a message was deleted."
        confirmLabel="Delete message"
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : undefined}
        onConfirm={() => remove.mutate(message.id, { onSuccess: () => setConfirmingDelete(false) })}
        onClose={() => {
          remove.reset();
          setConfirmingDelete(false);
        }}
      />
    </li>
  );
}
