import { unitsToHours, usageShares, usageText, type Authorization } from '../api/authorization-types';

type Usage = Pick<
  Authorization,
  'authorizationNumber' | 'unitsAuthorized' | 'unitsUsed' | 'unitsScheduled' | 'unitsRemaining'
>;

/**
 * How much of an authorization is used (completed appointments), scheduled and left: a meter whose value is the used
 * units, with the same numbers in words for everyone ("60 of 96 units used, 12 scheduled, 24 left").
 */
export function UsageBar({ authorization, compact = false }: { authorization: Usage; compact?: boolean }) {
  const shares = usageShares(authorization);
  const text = usageText(authorization);
  const { unitsAuthorized, unitsUsed } = authorization;
  return (
    <div className={compact ? 'usage usage-compact' : 'usage'}>
      <div
        className={shares.over ? 'usage-bar usage-bar-over' : 'usage-bar'}
        role="meter"
        aria-label={`Units of authorization ${authorization.authorizationNumber}`}
        aria-valuemin={0}
        aria-valuemax={unitsAuthorized}
        aria-valuenow={Math.min(unitsUsed, unitsAuthorized)}
        aria-valuetext={text}
      >
        <span className="usage-used" style={{ width: `${shares.used}%` }} />
        <span className="usage-scheduled" style={{ width: `${shares.scheduled}%` }} />
      </div>
      <p className="usage-text">
        {text}
        {!compact && (
          <span className="muted">
            {' '}
            ({unitsToHours(unitsUsed)} used of {unitsToHours(unitsAuthorized)})
          </span>
        )}
      </p>
      {!compact && (
        <p className="usage-legend" aria-hidden="true">
          <span>
            <span className="usage-swatch usage-used" />
            Used
          </span>
          <span>
            <span className="usage-swatch usage-scheduled" />
            Scheduled
          </span>
          <span>
            <span className="usage-swatch usage-left" />
            Left
          </span>
        </p>
      )}
    </div>
  );
}
