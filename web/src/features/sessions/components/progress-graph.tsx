import { useEffect, useId, useRef, useState } from 'react';
import { Table } from '../../../components/ui/table';
import type { TargetProgress } from '../api/get-child-progress';
import { phaseLabel } from '../api/session-types';
import { Y_LABELS, isPercent, layoutGraph, type GraphBox } from './graph-scale';

const HEIGHT = 260;
const MARGIN = { top: 36, right: 16, bottom: 40, left: 48 };

/** The width of an element, following it as the window resizes. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

function shortDate(instant: string): string {
  return new Date(instant).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

function formatValue(value: number | null, percent: boolean): string {
  if (value === null) return '—';
  return percent ? `${value}%` : String(value);
}

/** One target's graph: sessions left to right, phase changes and the mastery criterion as dashed lines. */
export function ProgressGraph({ target }: { target: TargetProgress }) {
  const [ref, width] = useWidth(640);
  const titleId = useId();
  const descId = useId();
  const box: GraphBox = { width: Math.max(280, width), height: HEIGHT, margin: MARGIN };
  const layout = layoutGraph(target, box);
  const percent = isPercent(target.measurement);
  const bottom = HEIGHT - MARGIN.bottom;
  const last = layout.points.at(-1);
  const description = [
    `${target.points.length} ${target.points.length === 1 ? 'session' : 'sessions'}`,
    last ? `latest ${formatValue(last.value, percent)} ${Y_LABELS[target.measurement]}` : '',
    target.criterion && percent ? `criterion ${target.criterion.percent}%` : '',
    `phase ${phaseLabel(target.phase)}`,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <figure className="graph" aria-labelledby={titleId}>
      <figcaption className="graph-caption">
        <h3 id={titleId} className="graph-title">
          {target.name}
        </h3>
        <span className="muted">
          {target.programName} · {Y_LABELS[target.measurement]} · Phase: {phaseLabel(target.phase)}
          {target.masteredAt ? ` · Mastered ${shortDate(target.masteredAt)}` : ''}
        </span>
      </figcaption>
      <div ref={ref} className="graph-box">
        {target.points.length === 0 ? (
          <p className="muted">No sessions with this target in this period.</p>
        ) : (
          <svg
            width={box.width}
            height={HEIGHT}
            viewBox={`0 0 ${box.width} ${HEIGHT}`}
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
            className="graph-svg"
          >
            <desc id={descId}>{description}</desc>
            {layout.yTicks.map((tick) => (
              <g key={tick.value}>
                <line x1={MARGIN.left} x2={box.width - MARGIN.right} y1={tick.y} y2={tick.y} className="graph-grid" />
                <text x={MARGIN.left - 6} y={tick.y} className="graph-tick" textAnchor="end" dominantBaseline="middle">
                  {Math.round(tick.value * 10) / 10}
                </text>
              </g>
            ))}
            <text
              x={12}
              y={MARGIN.top + (bottom - MARGIN.top) / 2}
              className="graph-axis-label"
              textAnchor="middle"
              transform={`rotate(-90 12 ${MARGIN.top + (bottom - MARGIN.top) / 2})`}
            >
              {Y_LABELS[target.measurement]}
            </text>
            {layout.criterionY !== null && (
              <g className="graph-criterion">
                <line x1={MARGIN.left} x2={box.width - MARGIN.right} y1={layout.criterionY} y2={layout.criterionY} />
                <text x={MARGIN.left + 4} y={layout.criterionY - 4}>
                  Criterion {target.criterion?.percent}%
                </text>
              </g>
            )}
            {layout.phaseLines.map((line, index) => {
              const flip = line.x > box.width * 0.7;
              return (
                <g key={index} className="graph-phase" data-phase={line.label}>
                  <line x1={line.x} x2={line.x} y1={MARGIN.top - 4} y2={bottom} />
                  <text
                    x={line.x + (flip ? -4 : 4)}
                    y={MARGIN.top - 22 + line.stack * 12}
                    textAnchor={flip ? 'end' : 'start'}
                  >
                    {line.label}
                  </text>
                </g>
              );
            })}
            {layout.segments.map((segment, index) => (
              <polyline
                key={index}
                className="graph-line"
                points={segment.map((point) => `${point.x},${point.y}`).join(' ')}
              />
            ))}
            {layout.points.map((point) =>
              point.y === null ? null : (
                <circle
                  key={point.sessionId}
                  className={point.meets ? 'graph-point graph-point-meets' : 'graph-point'}
                  cx={point.x}
                  cy={point.y}
                  r={5}
                />
              ),
            )}
            <line x1={MARGIN.left} x2={box.width - MARGIN.right} y1={bottom} y2={bottom} className="graph-axis" />
            {layout.labelled.map((point) => (
              <text key={point.sessionId} x={point.x} y={bottom + 18} className="graph-tick" textAnchor="middle">
                {shortDate(point.date)}
              </text>
            ))}
          </svg>
        )}
      </div>
      {target.points.length > 0 && (
        <details className="graph-data">
          <summary>Data table</summary>
          <Table caption={`Sessions of ${target.name}`}>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">{Y_LABELS[target.measurement]}</th>
                <th scope="col">Trials</th>
                <th scope="col">Meets criterion</th>
              </tr>
            </thead>
            <tbody>
              {layout.points.map((point) => (
                <tr key={point.sessionId}>
                  <th scope="row">{shortDate(point.date)}</th>
                  <td>{formatValue(point.value, percent)}</td>
                  <td>{target.points.find((item) => item.sessionId === point.sessionId)?.trials ?? 0}</td>
                  <td>{point.meets ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {target.phaseChanges.length > 0 && (
            <ul className="plain-list graph-phase-list">
              {target.phaseChanges.map((change, index) => (
                <li key={index}>
                  {phaseLabel(change.phase)} from {shortDate(change.at)}
                  {change.automatic ? ' (automatic)' : change.by ? ` (${change.by.name})` : ''}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </figure>
  );
}
