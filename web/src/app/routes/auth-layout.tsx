import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Frame of the screens used before signing in: brand, one card, no navigation. */
export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="auth-screen">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <main id="main" tabIndex={-1} className="auth-main">
        <div className="auth-brand">
          <img src="/icons/icon.svg" alt="" width="48" height="48" />
          <p className="auth-brand-name">SPARKTherapy</p>
        </div>
        <div className="auth-card">
          <h1 className="auth-title">{title}</h1>
          {children}
        </div>
        {footer && <div className="auth-footer">{footer}</div>}
      </main>
    </div>
  );
}
