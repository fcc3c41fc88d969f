import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Page, Schema, User } from '../../../lib/api-types';
import { periodQuery, type ReportPeriod } from './report-period';

/** A person the supervision log names: an RBT technician or a BCBA/BCaBA supervisor. */
export interface SupervisionPerson {
  id: string;
  name: string;
}

/**
 * A logged contact. `technicians` names them from the server (in the order of `technicianIds`), so a technician
 * that no picker lists still has their name (typed by hand until the lead regenerates the API types).
 */
export type SupervisionContact = Schema<'SupervisionContactResponse'> & { technicians: SupervisionPerson[] };
export type SupervisionContactRequest = Schema<'SupervisionContactRequest'>;

/** Contacts per page of the supervision log. */
export const SUPERVISION_CONTACTS_PAGE_SIZE = 20;

/** Who a supervision contact can name: the RBT technicians, and (for admins) the BCBA/BCaBA supervisors. */
export interface SupervisionPeople {
  technicians: SupervisionPerson[];
  supervisors: SupervisionPerson[];
}

const contactsKey = ['reports', 'oversight', 'supervision-contacts'] as const;
/** The supervision report's key (see `useSupervisionReport`): a logged contact changes its figures. */
const supervisionReportKey = ['reports', 'oversight', 'supervision'] as const;

/**
 * `GET /api/reports/supervision-contacts`: one page (zero-based) of the caller's own contacts (a supervisor) or
 * everyone's (an admin), latest first; the previous page stays on screen while the next loads.
 */
export function useSupervisionContacts(period: ReportPeriod, page = 0) {
  return useQuery({
    queryKey: [...contactsKey, period, page],
    queryFn: ({ signal }) =>
      apiFetch<Page<SupervisionContact>>(
        `/api/reports/supervision-contacts${periodQuery(period, {
          page: String(page),
          size: String(SUPERVISION_CONTACTS_PAGE_SIZE),
        })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

/** The technicians a contact names, by name; a name the server could not give shows as "Unknown technician". */
export function technicianNames(contact: Pick<SupervisionContact, 'technicians'>): string {
  return (contact.technicians ?? []).map((technician) => technician.name || 'Unknown technician').join(', ');
}

/** `POST /api/reports/supervision-contacts`; refreshes the contacts list and the supervision report. */
export function useLogSupervisionContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SupervisionContactRequest) =>
      apiFetch<SupervisionContact>('/api/reports/supervision-contacts', { method: 'POST', body }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: contactsKey }),
        queryClient.invalidateQueries({ queryKey: supervisionReportKey }),
      ]);
    },
  });
}

interface CareTeamChild {
  careTeam: Schema<'CareTeamMember'>[];
}

function byName(a: SupervisionPerson, b: SupervisionPerson): number {
  return a.name.localeCompare(b.name);
}

/**
 * Admins: the active therapists (`GET /api/users?role=therapist&active=true`), RBTs as technicians and BCBAs/BCaBAs
 * as supervisors. A supervisor cannot list accounts; they get the RBTs on the care teams of the children they see
 * (`GET /api/children`, then each child's care team).
 */
async function listSupervisionPeople(isAdmin: boolean, signal?: AbortSignal): Promise<SupervisionPeople> {
  if (isAdmin) {
    const page = await apiFetch<Page<User>>('/api/users?role=therapist&active=true&size=200&sort=name,asc', {
      signal,
    });
    const person = (user: User): SupervisionPerson => ({ id: user.id, name: user.name });
    return {
      technicians: page.content.filter((user) => user.credential === 'RBT').map(person),
      supervisors: page.content.filter((user) => user.credential === 'BCBA' || user.credential === 'BCaBA').map(person),
    };
  }
  const children = await apiFetch<Page<{ id: string }>>('/api/children?size=100&sort=lastName,asc', { signal });
  const teams = await Promise.all(
    children.content.map((child) =>
      apiFetch<CareTeamChild>(`/api/children/${encodeURIComponent(child.id)}`, { signal }),
    ),
  );
  const technicians = new Map<string, SupervisionPerson>();
  for (const member of teams.flatMap((child) => child.careTeam ?? [])) {
    if (member.credential === 'RBT') technicians.set(member.userId, { id: member.userId, name: member.name });
  }
  return { technicians: [...technicians.values()].sort(byName), supervisors: [] };
}

export function useSupervisionPeople(isAdmin: boolean) {
  return useQuery({
    queryKey: [...contactsKey, 'people', isAdmin],
    queryFn: ({ signal }) => listSupervisionPeople(isAdmin, signal),
  });
}
