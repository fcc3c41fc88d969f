import { useEffect, useState } from 'react';
import { apiFetchBlob } from '../../../lib/api-client';

/** `GET /api/attachments/{id}` with the access token, as a Blob (members only; 404 otherwise). */
export async function getAttachment(attachmentId: string, signal?: AbortSignal): Promise<Blob> {
  return apiFetchBlob(`/api/attachments/${encodeURIComponent(attachmentId)}`, { signal });
}

/**
 * An object URL of the attachment, fetched when `enabled`; revoked when the component goes away, so the file
 * does not outlive the screen that shows it.
 */
export function useAttachmentUrl(attachmentId: string, enabled = true) {
  const [state, setState] = useState<{ id: string; url?: string; failed?: boolean }>({ id: attachmentId });
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let url: string | undefined;
    getAttachment(attachmentId, controller.signal)
      .then((blob) => {
        url = URL.createObjectURL(blob);
        setState({ id: attachmentId, url });
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError'))
          setState({ id: attachmentId, failed: true });
      });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachmentId, enabled]);
  return state.id === attachmentId ? state : { id: attachmentId };
}
