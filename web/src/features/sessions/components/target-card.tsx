import { useEffect, useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import {
  OUTCOMES,
  OUTCOME_LABELS,
  PROMPT_LEVEL_OPTIONS,
  phaseLabel,
  type NewSessionEvent,
  type PromptLevel,
} from '../api/session-types';
import type { DraftTarget } from '../offline/outbox-db';
import { describeTally, formatSeconds, type LocalTally } from '../offline/tallies';

export interface TargetCardProps {
  target: DraftTarget;
  tally: LocalTally;
  /** The prompt level last used for this target; "independent" until changed. */
  promptLevel: PromptLevel;
  onPromptLevelChange: (level: PromptLevel) => void;
  onRecord: (event: NewSessionEvent) => void;
  /** For task analyses: the step recorded last, so that the next one is proposed. */
  lastStep?: number;
}

/** One target's recording controls, sized for a thumb, with its running tally. */
export function TargetCard({ target, tally, promptLevel, onPromptLevelChange, onRecord, lastStep }: TargetCardProps) {
  const headingId = useId();
  return (
    <section className="rec-card" aria-labelledby={headingId}>
      <div className="rec-card-header">
        <h3 id={headingId} className="rec-card-title">
          {target.name}
        </h3>
        {target.phase !== 'intervention' && <span className="badge badge-neutral">{phaseLabel(target.phase)}</span>}
      </div>
      <p className="rec-tally" aria-live="polite">
        {describeTally(target.measurement, tally)}
      </p>
      {target.measurement === 'percent_correct' && (
        <>
          <PromptSelect target={target} value={promptLevel} onChange={onPromptLevelChange} />
          <div className="rec-outcomes">
            {OUTCOMES.map((outcome) => (
              <button
                key={outcome}
                type="button"
                className={`btn rec-btn rec-btn-${outcome}`}
                onClick={() => onRecord({ type: 'trial', targetId: target.targetId, outcome, promptLevel })}
              >
                {OUTCOME_LABELS[outcome]}
              </button>
            ))}
          </div>
        </>
      )}
      {target.measurement === 'task_analysis' && (
        <TaskStepControls
          target={target}
          promptLevel={promptLevel}
          onPromptLevelChange={onPromptLevelChange}
          onRecord={onRecord}
          lastStep={lastStep ?? 0}
        />
      )}
      {(target.measurement === 'frequency' || target.measurement === 'rate') && (
        <button
          type="button"
          className="btn rec-btn rec-btn-count"
          aria-label={`+1 ${target.name}`}
          onClick={() => onRecord({ type: 'frequency', targetId: target.targetId, count: 1 })}
        >
          +1
        </button>
      )}
      {target.measurement === 'duration' && <DurationControls target={target} onRecord={onRecord} />}
    </section>
  );
}

function PromptSelect({
  target,
  value,
  onChange,
}: {
  target: DraftTarget;
  value: PromptLevel;
  onChange: (level: PromptLevel) => void;
}) {
  return (
    <SelectField
      label={`Prompt level for ${target.name}`}
      options={PROMPT_LEVEL_OPTIONS}
      value={value}
      className="input select rec-select"
      onChange={(event) => onChange(event.target.value as PromptLevel)}
    />
  );
}

function TaskStepControls({
  target,
  promptLevel,
  onPromptLevelChange,
  onRecord,
  lastStep,
}: Omit<TargetCardProps, 'tally' | 'lastStep'> & { lastStep: number }) {
  const [recordedAfter, setRecordedAfter] = useState(lastStep);
  const [step, setStep] = useState(String(lastStep + 1));
  // When a step is recorded or undone elsewhere, propose the one after the last recorded step.
  if (recordedAfter !== lastStep) {
    setRecordedAfter(lastStep);
    setStep(String(lastStep + 1));
  }
  const number = Number(step);
  const valid = Number.isInteger(number) && number >= 1 && number <= 999;
  return (
    <div className="rec-task">
      <div className="rec-task-fields">
        <label className="field">
          <span className="field-label">Step</span>
          <input
            className="input rec-select"
            type="number"
            inputMode="numeric"
            min={1}
            value={step}
            aria-invalid={!valid || undefined}
            onChange={(event) => setStep(event.target.value)}
          />
        </label>
        <PromptSelect target={target} value={promptLevel} onChange={onPromptLevelChange} />
      </div>
      <Button
        className="rec-btn"
        disabled={!valid}
        onClick={() => onRecord({ type: 'task_step', targetId: target.targetId, step: number, promptLevel })}
      >
        Record step
      </Button>
    </div>
  );
}

function DurationControls({ target, onRecord }: { target: DraftTarget; onRecord: (event: NewSessionEvent) => void }) {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);

  const stop = () => {
    if (startedAt === null) return;
    const seconds = Math.max(1, Math.round((Date.now() - startedAt) / 1000));
    setStartedAt(null);
    onRecord({ type: 'duration', targetId: target.targetId, seconds });
  };

  return (
    <div className="rec-duration">
      {startedAt !== null && (
        <p className="rec-timer" aria-hidden="true">
          {formatSeconds(Math.max(0, Math.round((now - startedAt) / 1000)))}
        </p>
      )}
      {startedAt === null ? (
        <Button
          className="rec-btn"
          onClick={() => {
            setNow(Date.now());
            setStartedAt(Date.now());
          }}
        >
          Start timer
        </Button>
      ) : (
        <Button variant="danger" className="rec-btn" onClick={stop}>
          Stop timer
        </Button>
      )}
    </div>
  );
}
