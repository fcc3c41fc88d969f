import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { messagingKeys, type Message } from './messaging-types';

export interface NewMessage {
  body: string;
  files: File[];
}

/**
 * `POST /api/conversations/{id}/messages`: JSON for text only, multipart/form-data (`body`, `files`) with
 * attachments. All or nothing: a refused file stores nothing.
 */
export async function postMessage(conversationId: string, message: NewMessage): Promise<Message> {
  const path = `/api/conversations/${encodeURIComponent(conversationId)}/messages`;
  if (message.files.length === 0) {
    return apiFetch<Message>(path, { method: 'POST', body: { body: message.body } });
  }
  const form = new FormData();
  form.append('body', message.body);
  message.files.forEach((file) => form.append('files', file, file.name));
  return apiFetch<Message>(path, { method: 'POST', body: form });
}

export function usePostMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: NewMessage) => postMessage(conversationId, message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: messagingKeys.conversations }),
  });
}
