import { useNavigate } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { IntakeForm } from '../../features/children/components/intake-form';
import { useAuth } from '../../lib/auth';

export function NewChildPage() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const asParent = user?.role === 'parent';
  return (
    <Page
      title={asParent ? 'Add a child' : 'New child'}
      lead={
        <p>
          {asParent
            ? 'Tell the clinic about your child. The clinic reviews it and sets up the care team.'
            : 'The child starts in intake; link guardians and the care team on the next page.'}
        </p>
      }
    >
      <IntakeForm asParent={asParent} onCreated={(child) => navigate(`/children/${child.id}`)} />
    </Page>
  );
}
