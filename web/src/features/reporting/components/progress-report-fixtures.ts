import type { ProgressReport, ProgressReportSummary } from '../api/progress-report-types';

export function aReport(overrides: Partial<ProgressReport> = {}): ProgressReport {
  return {
    id: 'report-1',
    childId: 'child-1',
    periodStart: '2026-06-04',
    periodEnd: '2026-12-03',
    status: 'draft',
    summary: '',
    goals: '',
    recommendations: '',
    signedBy: null,
    signedAt: null,
    supersedes: null,
    supersededBy: null,
    createdAt: '2026-12-03T10:00:00Z',
    updatedAt: '2026-12-03T10:00:00Z',
    version: 2,
    figures: {
      periodStart: '2026-06-04',
      periodEnd: '2026-12-03',
      childName: 'Ava Chen',
      computedAt: '2026-12-03T10:00:00Z',
      targets: [
        {
          targetId: 'target-1',
          programId: 'program-1',
          programName: 'Receptive ID',
          name: 'dog',
          measurement: 'percent_correct',
          phase: 'intervention',
          criterion: { percent: 80, consecutiveSessions: 3, minTrials: 5 },
          masteredAt: null,
          baseline: 40,
          current: 80,
          points: [],
          phaseChanges: [],
        },
      ],
      mastered: [
        { targetId: 'target-2', programName: 'Receptive ID', name: 'cat', masteredAt: '2026-10-02T15:00:00Z' },
      ],
      hours: {
        deliveredMinutes: 195,
        authorizedMinutes: 600,
        authorizations: [
          {
            payer: 'Aetna',
            number: 'A-1',
            serviceCode: '97153',
            units: 40,
            startsOn: '2026-06-01',
            endsOn: '2026-12-31',
          },
        ],
      },
      attendance: {
        appointments: 4,
        completed: 2,
        cancelledByFamily: 1,
        cancelledByClinic: 0,
        noShows: 1,
        open: 0,
        rate: 50,
      },
    },
    ...overrides,
  };
}

export function aSummary(overrides: Partial<ProgressReportSummary> = {}): ProgressReportSummary {
  return {
    id: 'report-1',
    childId: 'child-1',
    periodStart: '2026-06-04',
    periodEnd: '2026-12-03',
    status: 'signed',
    signedBy: { id: 'bcba-1', name: 'Maya Okafor, BCBA' },
    signedAt: '2026-12-03T16:30:00Z',
    supersedes: null,
    supersededBy: null,
    updatedAt: '2026-12-03T16:30:00Z',
    version: 3,
    ...overrides,
  };
}
