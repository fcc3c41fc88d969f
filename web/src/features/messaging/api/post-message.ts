import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys, type Message } from './messaging-types';

export interface NewMessage {
  body: string;
  files: File[];
  /** The same for every attempt at sending this message (ADR 0053): a repeat is answered with the first post. */
  idempotencyKey: string;
}

/**
 * `POST /api/conversations/{id}/messages`: JSON for text only, multipart/form-data (`body`, `files`) with
 * attachments. All or nothing: a refused file stores nothing. The `Idempotency-Key` lets the API client (and NGINX)
 * send it again after a lost answer without posting it twice.
 */
export async function postMessage(conversationId: string, message: NewMessage): Promise<Message> {
  const path = `/api/conversations/${encodeURIComponent(conversationId)}/messages`;
  const headers = { 'Idempotency-Key': message.idempotencyKey };
  if (message.files.length === 0) {
    return apiFetch<Message>(path, { method: 'POST', body: { body: message.body }, headers });
  }
  const form = new FormData();
  form.append('body', message.body);
  message.files.forEach((file) => form.append('files', file, file.name));
  return apiFetch<Message>(path, { method: 'POST', body: form, headers });
}

export function usePostMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: NewMessage) => postMessage(conversationId, message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: messagingKeys.conversations }),
  });
}
