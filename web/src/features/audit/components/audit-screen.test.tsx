import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { AuditScreen } from './audit-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockImplementation(() =>
    Promise.resolve(jsonResponse({ content: [], page: { number: 0, size: 50, totalElements: 0, totalPages: 0 } })),
  );
});

const urls = () => fetchMock.mock.calls.map(([url]) => String(url));

describe('AuditScreen filters', () => {
  it('say what is wrong and do not search', async () => {
    const { user } = renderWithProviders(<AuditScreen />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));

    await user.type(screen.getByLabelText('Child ID'), 'not-an-id');
    await user.type(screen.getByLabelText('From'), '2026-03-10');
    await user.type(screen.getByLabelText('To'), '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(screen.getByLabelText('Child ID')).toHaveAccessibleDescription('Enter a child ID (a UUID)');
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription('The end date must not be before the start date');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('search with the trimmed filters, and clear them', async () => {
    const childId = '0b7e2c7a-52f4-4c7e-9a55-1f0a3c1d2e3f';
    const { user } = renderWithProviders(<AuditScreen />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));

    await user.type(screen.getByLabelText('Child ID'), `  ${childId} `);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await vi.waitFor(() => expect(urls().some((url) => url.includes(`childId=${childId}`))).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByLabelText('Child ID')).toHaveValue('');
  });
});

describe('AuditScreen account events', () => {
  it('show the event in words with the account concerned, and filter by event', async () => {
    fetchMock.mockImplementation(() =>
      Promise.resolve(
        jsonResponse({
          content: [
            {
              id: 'e1',
              at: '2026-12-03T10:00:00Z',
              userId: 'a1',
              userName: 'Ada Admin',
              role: 'admin',
              action: 'role_changed',
              resourceType: 'account',
              resourceId: 'b2',
              childId: null,
              endpoint: 'PUT /api/users/{id}',
              address: '192.0.2.1',
              outcome: 'success',
              subjectName: 'Theo Therapist',
              detail: 'therapist → admin',
            },
            {
              id: 'e2',
              at: '2026-12-03T09:00:00Z',
              userId: null,
              userName: null,
              role: null,
              action: 'sign_in_failed',
              resourceType: 'account',
              resourceId: null,
              childId: null,
              endpoint: 'POST /api/auth/login',
              address: '192.0.2.2',
              outcome: 'denied',
              subjectName: null,
              detail: 'unknown e-mail email-sha256:0011223344556677',
            },
          ],
          page: { number: 0, size: 50, totalElements: 2, totalPages: 1 },
        }),
      ),
    );
    const { user } = renderWithProviders(<AuditScreen />);

    const table = within(await screen.findByRole('table'));
    expect(table.getByText('Role changed')).toBeInTheDocument();
    expect(table.getByText('Theo Therapist')).toBeInTheDocument();
    expect(table.getByText('therapist → admin')).toBeInTheDocument();
    expect(table.getByText('Sign-in failed')).toBeInTheDocument();
    expect(table.getByText('No account')).toBeInTheDocument();
    expect(table.getByText('Anonymous')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Event'), 'Locked out');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await vi.waitFor(() => expect(urls().some((url) => url.includes('action=locked_out'))).toBe(true));

    await user.selectOptions(screen.getByLabelText('Event'), 'All account events');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await vi.waitFor(() => expect(urls().some((url) => url.includes('kind=account'))).toBe(true));
  });
});

describe('AuditScreen integrity check', () => {
  function answerVerify(verification: Record<string, unknown>) {
    fetchMock.mockImplementation((input) =>
      Promise.resolve(
        String(input).includes('/api/audit/verify')
          ? jsonResponse(verification)
          : jsonResponse({ content: [], page: { number: 0, size: 50, totalElements: 0, totalPages: 0 } }),
      ),
    );
  }
  const intact = {
    valid: true,
    checked: 120,
    firstInvalidId: null,
    problem: null,
    checkpoints: 3,
    checkpointSeq: null,
  };

  it('say the log is intact, and name the newest entries the sealer has not chained yet', async () => {
    answerVerify({ ...intact, unsealed: 2, oldestUnsealedAt: '2026-12-04T20:00:00Z' });
    const { user } = renderWithProviders(<AuditScreen />);

    await user.click(screen.getByRole('button', { name: 'Verify integrity' }));

    expect(await screen.findByText(/The audit log is intact: 120 entries checked against 3 signed/)).toHaveTextContent(
      '2 newer entries are not sealed into the chain yet',
    );
  });

  it('say nothing of unsealed entries when every entry is sealed', async () => {
    answerVerify({ ...intact, unsealed: 0, oldestUnsealedAt: null });
    const { user } = renderWithProviders(<AuditScreen />);

    await user.click(screen.getByRole('button', { name: 'Verify integrity' }));

    expect(await screen.findByText(/The audit log is intact/)).not.toHaveTextContent('not sealed');
  });
});

describe('AuditScreen integrity check wording', () => {
  it('name one checkpoint in the singular', async () => {
    fetchMock.mockImplementation((input) =>
      Promise.resolve(
        String(input).includes('/api/audit/verify')
          ? jsonResponse({
              valid: true,
              checked: 7,
              firstInvalidId: null,
              problem: null,
              checkpoints: 1,
              checkpointSeq: null,
              unsealed: 0,
              oldestUnsealedAt: null,
            })
          : jsonResponse({ content: [], page: { number: 0, size: 50, totalElements: 0, totalPages: 0 } }),
      ),
    );
    const { user } = renderWithProviders(<AuditScreen />);

    await user.click(screen.getByRole('button', { name: 'Verify integrity' }));

    expect(await screen.findByText(/The audit log is intact/)).toHaveTextContent(
      'The audit log is intact: 7 entries checked against 1 signed checkpoint.',
    );
  });
});
