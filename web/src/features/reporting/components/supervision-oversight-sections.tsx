import type { ReportPeriod } from '../api/report-period';
import { AuthorizationsBurnDownSection } from './authorizations-burn-down-section';
import { MoneySection } from './money-section';
import { SupervisionLogSection } from './supervision-log-section';
import { SupervisionSection } from './supervision-section';

/**
 * The dashboard's oversight figures (ADR 0035), in the order the dashboard shows them: RBT supervision,
 * authorizations' burn-down, money. Each section carries its anchor (`#supervision`, `#authorizations`, `#money`),
 * which notices link to.
 */
export function SupervisionOversightSections({ period }: { period: ReportPeriod }) {
  return (
    <>
      <div id="supervision">
        <SupervisionSection period={period} />
        <SupervisionLogSection period={period} />
      </div>
      <div id="authorizations">
        <AuthorizationsBurnDownSection period={period} />
      </div>
      <div id="money">
        <MoneySection period={period} />
      </div>
    </>
  );
}
