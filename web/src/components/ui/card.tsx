import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface CardProps {
  title: string;
  description: string;
  /** Where the card leads. Without it, the card is a "coming soon" placeholder and not interactive. */
  to?: string;
  meta?: ReactNode;
}

/** A home-screen tile: a link when it leads somewhere, plain text marked "Coming soon" otherwise. */
export function Card({ title, description, to, meta }: CardProps) {
  if (to) {
    return (
      <li className="card card-link">
        <h2 className="card-title">
          <Link to={to} className="card-anchor">
            {title}
          </Link>
        </h2>
        <p className="card-text">{description}</p>
        {meta}
      </li>
    );
  }
  return (
    <li className="card card-soon">
      <h2 className="card-title">{title}</h2>
      <p className="card-text">{description}</p>
      <p className="badge badge-muted">Coming soon</p>
    </li>
  );
}

export function CardGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="card-grid" aria-label={label}>
      {children}
    </ul>
  );
}
