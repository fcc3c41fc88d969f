import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/textarea-field';
import { applyServerFieldErrors, serverFormErrors } from '../../../lib/form-errors';
import { usePostMessage } from '../api/post-message';
import { ALLOWED_TYPES, MAX_TEXT_LENGTH, checkFiles, formatSize } from './attachment-rules';

const composeSchema = z.object({
  body: z.string().max(MAX_TEXT_LENGTH, `At most ${MAX_TEXT_LENGTH} characters.`),
});
type ComposeValues = z.infer<typeof composeSchema>;

const BODY_FIELDS = ['body'] as const;

/** What was sent, to tell "Send" again after a failure (same key: stored once) from a changed message (new key). */
interface Attempt {
  body: string;
  files: File[];
  key: string;
}

function sameMessage(attempt: Attempt | null, body: string, files: File[]): attempt is Attempt {
  return (
    attempt !== null &&
    attempt.body === body &&
    attempt.files.length === files.length &&
    attempt.files.every((file, index) => file === files[index])
  );
}

/** Write a message with optional attachments (checked here for type, size and count; the server checks again). */
export function ComposeForm({ conversationId, onSent }: { conversationId: string; onSent?: () => void }) {
  const post = usePostMessage(conversationId);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [lastAttempt, setLastAttempt] = useState<Attempt | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<ComposeValues>({ resolver: zodResolver(composeSchema), defaultValues: { body: '' } });

  const chooseFiles = (chosen: FileList | null) => {
    const next = [...files, ...Array.from(chosen ?? [])];
    const problem = checkFiles(next);
    setFileError(problem);
    if (!problem) setFiles(next);
    if (fileInput.current) fileInput.current.value = '';
  };

  const onSubmit = handleSubmit((values) => {
    if (!values.body.trim() && files.length === 0) {
      setError('body', { type: 'required', message: 'Write a message or attach a file.' });
      return;
    }
    const key = sameMessage(lastAttempt, values.body, files) ? lastAttempt.key : crypto.randomUUID();
    setLastAttempt({ body: values.body, files, key });
    post.mutate(
      { body: values.body, files, idempotencyKey: key },
      {
        onSuccess: () => {
          setLastAttempt(null);
          reset({ body: '' });
          setFiles([]);
          setFileError(null);
          onSent?.();
        },
        onError: (error) => applyServerFieldErrors(error, BODY_FIELDS, setError),
      },
    );
  });

  const serverError = serverFormErrors(post.error, BODY_FIELDS).alert.join(' ');

  return (
    <form className="compose" onSubmit={onSubmit} noValidate aria-label="Write a message">
      <TextareaField
        label="Message"
        rows={3}
        maxLength={MAX_TEXT_LENGTH}
        error={errors.body?.message}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void onSubmit();
        }}
        {...register('body')}
      />
      {files.length > 0 && (
        <ul className="compose-files" aria-label="Files to send">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              {file.name} <span className="muted">({formatSize(file.size)})</span>{' '}
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${file.name}`}
                onClick={() => setFiles(files.filter((_, i) => i !== index))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {fileError && (
        <p role="alert" className="field-error">
          {fileError}
        </p>
      )}
      {serverError && (
        <p role="alert" className="field-error">
          {serverError}
        </p>
      )}
      <div className="compose-actions">
        <label className="btn btn-secondary compose-attach">
          Attach files
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            multiple
            accept={ALLOWED_TYPES.join(',')}
            onChange={(event) => chooseFiles(event.target.files)}
          />
        </label>
        <span className="muted compose-hint">Images or PDF, up to 5 files of 10 MB</span>
        <Button type="submit" pending={post.isPending}>
          Send
        </Button>
      </div>
    </form>
  );
}
