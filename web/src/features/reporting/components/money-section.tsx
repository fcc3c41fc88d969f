import { Link } from 'react-router-dom';
import { formatDay } from '../../../lib/dates';
import { formatMoney, formatPercent, useMoneyReport } from '../api/oversight-reports';
import type { ReportPeriod } from '../api/report-period';
import { ReportBarChart } from './report-bar-chart';
import { ReportSection } from './report-section';

const AGES = [
  { key: 'days0To30', label: '0–30 days' },
  { key: 'days31To60', label: '31–60 days' },
  { key: 'days61To90', label: '61–90 days' },
  { key: 'over90', label: 'Over 90 days' },
] as const;

/**
 * Money: charged and collected in the period, what was outstanding at its end (today while it runs) by age, and
 * denials by payer.
 */
export function MoneySection({ period }: { period: ReportPeriod }) {
  const report = useMoneyReport(period);
  // a body without the figures (another report's, an older server) shows nothing rather than failing
  const money = Array.isArray(report.data?.outstanding) ? report.data : undefined;
  const insurance = money?.outstanding.find((row) => row.source === 'insurance');
  const families = money?.outstanding.find((row) => row.source === 'families');
  const total = money?.outstanding.find((row) => row.source === 'total');
  return (
    <ReportSection
      title="Money"
      period={period}
      loading={report.isPending}
      error={report.error}
      csv={[
        { path: '/api/reports/money/totals.csv', name: 'money-totals', label: 'Totals as CSV' },
        { path: '/api/reports/money/outstanding.csv', name: 'money-outstanding', label: 'Outstanding as CSV' },
        { path: '/api/reports/money/denials.csv', name: 'money-denials', label: 'Denials as CSV' },
      ]}
      description={
        <p>
          Charged: charges of the period&apos;s service days. Collected: insurers&apos; remittances and families&apos;
          payments (less refunds) of the period. Outstanding: open at the end of the period&apos;s last day (today while
          the period runs), by age on that day; what is dated later does not count.
        </p>
      }
    >
      {money && (
        <>
          <dl className="report-figures">
            <div>
              <dt>
                <Link to={money.links.charges}>Charged</Link>
              </dt>
              <dd>{formatMoney(money.charged, money.currency)}</dd>
              <dd className="muted">
                {money.charges} charges: insurance {formatMoney(money.chargedInsurance, money.currency)}, private pay{' '}
                {formatMoney(money.chargedPrivatePay, money.currency)}
              </dd>
            </div>
            <div>
              <dt>Collected</dt>
              <dd>{formatMoney(money.collected, money.currency)}</dd>
              <dd className="muted">
                <Link to={money.links.remittances}>insurers</Link>{' '}
                {formatMoney(money.collectedInsurance, money.currency)}, <Link to={money.links.payments}>families</Link>{' '}
                {formatMoney(money.collectedFamilies, money.currency)}
              </dd>
            </div>
            <div>
              <dt>
                <Link to={money.links.aging}>Outstanding</Link>
              </dt>
              <dd>{total ? formatMoney(total.total, money.currency) : '—'}</dd>
              <dd className="muted">as of {formatDay(money.outstandingOn)}</dd>
            </div>
          </dl>
          <ReportBarChart
            title={`Outstanding by age (${money.currency})`}
            labelHeading="Age"
            series={[
              { key: 'insurance', label: 'Insurers', tone: 1 },
              { key: 'families', label: 'Families', tone: 2 },
            ]}
            data={AGES.map((age) => ({
              key: age.key,
              label: age.label,
              values: { insurance: Number(insurance?.[age.key] ?? 0), families: Number(families?.[age.key] ?? 0) },
              href: money.links.aging,
            }))}
            format={(value) => value.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
          />
          <ReportBarChart
            title="Denial rate by payer (%)"
            labelHeading="Payer"
            series={[{ key: 'rate', label: 'Denied %', tone: 3 }]}
            data={money.denials.map((row) => ({
              key: row.payerId ?? row.payerName ?? 'unknown',
              label: `${row.payerName ?? 'Unknown payer'} (${row.denied} of ${row.adjudicated})`,
              values: { rate: Number(row.ratePercent) },
              href: row.link,
            }))}
            format={(value) => formatPercent(String(value))}
            empty="No payer answered a claim in this period."
          />
        </>
      )}
    </ReportSection>
  );
}
