import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/use-document-title';

interface PageProps {
  title: string;
  /** The browser tab title when it must differ from the heading, e.g. to keep a child's name out of history. */
  documentTitle?: string;
  /** Shown under the heading. */
  lead?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * A screen's frame: sets the tab title and renders the h1. After an in-app navigation the heading
 * takes focus, so screen-reader users hear where they arrived (as a page load would tell them).
 */
export function Page({ title, documentTitle, lead, actions, children }: PageProps) {
  useDocumentTitle(documentTitle ?? title);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (location.key !== 'default') headingRef.current?.focus({ preventScroll: false });
  }, [location.key]);
  return (
    <>
      <div className="page-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1} className="page-title">
            {title}
          </h1>
          {lead && <div className="page-lead">{lead}</div>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
