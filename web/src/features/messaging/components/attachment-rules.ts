/** The server's limits, checked before sending so people learn at once (the server checks again, by content). */
export const ALLOWED_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'] as const;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
export const MAX_TEXT_LENGTH = 5000;

/** The first problem with the chosen files, or null when they may be sent. */
export function checkFiles(files: readonly File[]): string | null {
  if (files.length > MAX_FILES) return `Attach at most ${MAX_FILES} files.`;
  for (const file of files) {
    if (!(ALLOWED_TYPES as readonly string[]).includes(file.type)) {
      return `${file.name} is not an image (PNG, JPEG, WebP, GIF) or a PDF.`;
    }
    if (file.size > MAX_FILE_BYTES) return `${file.name} is larger than 10 MB.`;
    if (file.size === 0) return `${file.name} is empty.`;
  }
  return null;
}

/** "2.4 MB", "812 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
