import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { Child, ChildAccess } from '../api/child-types';
import { PrivacySection } from './privacy-section';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const child = {
  id: 'c1',
  firstName: 'Samuel',
  lastName: 'Lee',
  preferredName: 'Sam',
  guardians: [],
  careTeam: [],
} as unknown as Child;

const ADMIN: ChildAccess = { canAdmin: true, isGuardian: false, isSupervisor: false, isCareTeam: false };
const GUARDIAN: ChildAccess = { canAdmin: false, isGuardian: true, isSupervisor: false, isCareTeam: false };
const THERAPIST: ChildAccess = { canAdmin: false, isGuardian: false, isSupervisor: true, isCareTeam: true };

describe('PrivacySection', () => {
  it("lets a guardian download their family's data through a one-time link, and nothing more", async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        { url: '/api/reports/clinic-export/download?token=once', expiresAt: '2026-12-04T10:01:00Z' },
        { status: 201 },
      ),
    );
    const followed: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      followed.push(this.getAttribute('href') ?? '');
    });
    const notices: string[] = [];
    const { user } = renderWithProviders(
      <PrivacySection child={child} access={GUARDIAN} onNotice={(notice) => notices.push(notice)} />,
    );

    expect(screen.queryByRole('button', { name: 'Erase the family' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "Download my family's data" }));

    await vi.waitFor(() => expect(notices).toEqual(['Download started: your browser saves the archive.']));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/children/c1/data-export/links');
    expect(init?.method).toBe('POST');
    expect(followed).toEqual(['/api/reports/clinic-export/download?token=once']);
  });

  it('offers no second erasure of an erased family and says when it was erased', () => {
    const erased = {
      ...child,
      firstName: 'Child-7F3A2C',
      lastName: 'Erased',
      erasedAt: '2026-12-04T10:00:00Z',
    } as Child;
    renderWithProviders(<PrivacySection child={erased} access={ADMIN} onNotice={() => {}} />);

    expect(screen.queryByRole('button', { name: 'Erase the family' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: "Download the family's data" })).toBeInTheDocument();
    expect(screen.getByText(/This family was erased on/)).toBeInTheDocument();
  });

  it('shows nothing to the care team', () => {
    renderWithProviders(<PrivacySection child={child} access={THERAPIST} onNotice={() => {}} />);
    expect(screen.queryByRole('heading', { name: 'Privacy' })).not.toBeInTheDocument();
  });

  it("erases only once the child's name is typed, after spelling out what is kept", async () => {
    fetchMock.mockResolvedValue(
      jsonResponse({
        childId: 'c1',
        displayName: 'Child-7F3A2C Erased',
        erasedAt: '2026-12-04T10:00:00Z',
        guardiansErased: ['p1'],
        guardiansKept: [],
      }),
    );
    const notices: string[] = [];
    const { user } = renderWithProviders(
      <PrivacySection child={child} access={ADMIN} onNotice={(notice) => notices.push(notice)} />,
    );

    await user.click(screen.getByRole('button', { name: 'Erase the family' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Erase this family?' });
    expect(dialog).toHaveTextContent('cannot be undone');
    expect(dialog).toHaveTextContent(/Kept for the retention periods: programs, sessions/);
    const confirm = within(dialog).getByRole('button', { name: 'Erase the family' });
    expect(confirm).toBeDisabled();
    const field = within(dialog).getByRole('textbox', { name: "Type the child's name, Samuel Lee, to confirm" });
    expect(field).toHaveFocus();
    await user.type(field, 'Samuel Le');
    expect(confirm).toBeDisabled();
    await user.type(field, 'e');
    await user.click(confirm);

    await vi.waitFor(() =>
      expect(notices).toEqual(['The family was erased. The child is now shown as Child-7F3A2C Erased.']),
    );
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/children/c1/erasure');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ confirmation: 'Samuel Lee' });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('says why when the server refuses the erasure, and erases nothing', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(409, {
        title: 'Family already erased',
        detail: "This child's family was erased already; there is nothing identifying left to erase.",
      }),
    );
    const { user } = renderWithProviders(<PrivacySection child={child} access={ADMIN} onNotice={() => {}} />);

    await user.click(screen.getByRole('button', { name: 'Erase the family' }));
    const dialog = screen.getByRole('alertdialog');
    await user.type(within(dialog).getByRole('textbox'), 'samuel lee');
    await user.click(within(dialog).getByRole('button', { name: 'Erase the family' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('erased already');
  });
});
