import { Page } from '../../components/ui/page';
import { ChildrenScreen } from '../../features/children/components/children-screen';
import type { Role } from '../../lib/api-types';
import { useAuth } from '../../lib/auth';

const CHILDREN_TITLES: Record<Role, string> = {
  admin: 'Children',
  therapist: 'My caseload',
  parent: 'My children',
};

const LEADS: Record<Role, string> = {
  admin: 'Every child at the clinic.',
  therapist: 'The children on your care teams.',
  parent: 'The children you are a guardian of.',
};

export function ChildrenPage() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Page title={CHILDREN_TITLES[user.role]} lead={<p>{LEADS[user.role]}</p>}>
      <ChildrenScreen role={user.role} />
    </Page>
  );
}
