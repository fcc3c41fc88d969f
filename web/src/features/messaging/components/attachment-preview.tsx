import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { getAttachment, useAttachmentUrl } from '../api/get-attachment';
import type { Attachment } from '../api/messaging-types';
import { formatSize } from './attachment-rules';

/**
 * An attachment, fetched with the access token (an <img src> cannot send it): images as thumbnails that open in
 * full size, PDFs as a download.
 */
export function AttachmentPreview({ attachment }: { attachment: Attachment }) {
  return attachment.contentType.startsWith('image/') ? (
    <ImageAttachment attachment={attachment} />
  ) : (
    <FileAttachment attachment={attachment} />
  );
}

function ImageAttachment({ attachment }: { attachment: Attachment }) {
  const { url, failed } = useAttachmentUrl(attachment.id);
  if (failed) return <span className="attachment-file muted">{attachment.fileName} could not be loaded.</span>;
  if (!url)
    return <span className="attachment-thumb attachment-loading" aria-label={`Loading ${attachment.fileName}`} />;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="attachment-thumb">
      <img src={url} alt={attachment.fileName} />
    </a>
  );
}

function FileAttachment({ attachment }: { attachment: Attachment }) {
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(false);
    try {
      const url = URL.createObjectURL(await getAttachment(attachment.id));
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="attachment-file">
      <Button variant="secondary" size="sm" pending={busy} onClick={() => void download()}>
        Download {attachment.fileName}
      </Button>
      <span className="muted"> PDF, {formatSize(attachment.size)}</span>
      {error && <span role="alert"> The file could not be downloaded.</span>}
    </span>
  );
}
