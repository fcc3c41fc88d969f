import { useNavigate } from 'react-router-dom';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/api-error';
import { useOpenChildConversation } from '../api/get-child-conversation';

/** On a child's page: opens the child's conversation with its care team (started on first use). */
export function MessageCareTeamButton({
  childId,
  label = 'Message the care team',
}: {
  childId: string;
  label?: string;
}) {
  const open = useOpenChildConversation(childId);
  const navigate = useNavigate();
  return (
    <>
      <Button
        variant="secondary"
        pending={open.isPending}
        onClick={() =>
          open.mutate(undefined, { onSuccess: (conversation) => navigate(`/messages/${conversation.id}`) })
        }
      >
        {label}
      </Button>
      {open.isError && <span role="alert">{errorMessage(open.error)}</span>}
    </>
  );
}
