import { useState } from 'react';
import { ApiError } from './api-error';

/** True for the server's 412 Precondition Failed: the record's version (`If-Match`) is no longer the latest one. */
export function isPreconditionFailed(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

/**
 * Optimistic concurrency in an edit form: the record whose version guards the next save, and what to do when the
 * save fails because someone else changed the record meanwhile (412). Then the latest version is loaded, handed to
 * `onReloaded` (to reset the form to it) and becomes the version the next save is guarded by; `reloaded` is true
 * until the next `startSave()`, for the form to say so (`ReloadedAlert`). A dialog that also creates records passes
 * `null`: nothing to reload then.
 */
export function usePreconditionReload<T extends { id: string } | null>({
  record,
  load,
  onReloaded,
}: {
  record: T;
  load: (id: string) => Promise<NonNullable<T>>;
  onReloaded: (latest: NonNullable<T>) => void;
}) {
  const [current, setCurrent] = useState<T>(record);
  const [reloaded, setReloaded] = useState(false);

  /** Call when a save starts: the notice of an earlier reload goes away. */
  const startSave = () => setReloaded(false);

  /**
   * Call with a failed save's error. Returns true when it was a 412 (and the latest version is loaded, when it can
   * be), false when the error is another one, for the form to show as usual.
   */
  const handleSaveError = async (error: unknown): Promise<boolean> => {
    if (!isPreconditionFailed(error) || current === null) return false;
    const latest = await load(current.id).catch(() => null);
    if (latest) {
      setCurrent(latest);
      onReloaded(latest);
      setReloaded(true);
    }
    return true;
  };

  return { current, reloaded, startSave, handleSaveError };
}
