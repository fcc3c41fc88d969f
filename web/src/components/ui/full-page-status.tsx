import type { ReactNode } from 'react';

/** A whole-screen waiting message, e.g. while the silent sign-in runs. */
export function FullPageStatus({ children }: { children: ReactNode }) {
  return (
    <div className="full-page-status" role="status">
      <span className="spinner spinner-lg" aria-hidden="true" />
      <p>{children}</p>
    </div>
  );
}
