import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../lib/api-error';
import { Alert } from './alert';

interface HomeSectionProps {
  title: string;
  /** How many things wait here; shown beside the title once known. */
  count?: number;
  /** Where the whole list lives. */
  link?: { to: string; label: string };
  /** The data is still loading. */
  loading?: boolean;
  /** Loading the data failed. */
  error?: unknown;
  /** Said in words when the count is 0. */
  empty: string;
  children?: ReactNode;
}

/**
 * One part of a home page: a titled panel with how many things wait there, what they are, and where to see them all.
 * It says so while loading, when loading failed, and when nothing waits.
 */
export function HomeSection({ title, count, link, loading, error, empty, children }: HomeSectionProps) {
  const id = useId();
  let body: ReactNode;
  if (error) body = <Alert>{errorMessage(error)}</Alert>;
  else if (loading) {
    body = (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  } else if (count === 0) body = <p className="muted home-empty">{empty}</p>;
  else body = children;
  return (
    <section className="panel home-section" aria-labelledby={id}>
      <div className="home-section-header">
        <h2 id={id} className="section-title">
          {title}
          {count !== undefined && !loading && !error && (
            <span className="badge badge-info home-count" aria-label={`${count} waiting`}>
              {count}
            </span>
          )}
        </h2>
        {link && (
          <Link to={link.to} className="home-section-link">
            {link.label}
          </Link>
        )}
      </div>
      {body}
    </section>
  );
}

/** The sections of a home page, side by side where there is room. */
export function HomeGrid({ children }: { children: ReactNode }) {
  return <div className="home-grid">{children}</div>;
}

/** A short list inside a home section. */
export function HomeList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="home-list" aria-label={label}>
      {children}
    </ul>
  );
}
