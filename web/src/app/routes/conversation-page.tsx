import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/ui/page';
import { useMessages } from '../../features/messaging/api/list-messages';
import { ConversationView } from '../../features/messaging/components/conversation-view';
import { conversationTitle } from '../../features/messaging/components/inbox';
import { useAuth } from '../../lib/auth';
import { Alert } from '../../components/ui/alert';
import { FullPageStatus } from '../../components/ui/full-page-status';
import { ApiError, errorMessage } from '../../lib/api-error';

export function ConversationPage() {
  const { id = '' } = useParams();
  const { user } = useAuth();
  const messages = useMessages(id);
  const conversation = messages.data?.pages[0]?.conversation;
  if (!user) return null;
  // a 404 on a refetch means the reader left (e.g. taken off the child's care team): stop showing what they had
  const missing = messages.error instanceof ApiError && messages.error.status === 404;
  if (!conversation || missing) {
    if (!messages.error) return <FullPageStatus>Loading…</FullPageStatus>;
    return (
      <Page title={missing ? 'Conversation not found' : 'Something went wrong'}>
        {missing ? (
          <p>It does not exist, or you are not one of its members.</p>
        ) : (
          <Alert>{errorMessage(messages.error)}</Alert>
        )}
        <p>
          <Link to="/messages">Back to messages</Link>
        </p>
      </Page>
    );
  }
  return (
    // the tab title stays generic: a child's name must not land in the browser history
    <Page
      title={conversationTitle(conversation)}
      documentTitle="Conversation"
      lead={
        <p>
          <Link to="/messages">All messages</Link>
          {conversation.childId && conversation.member && (
            <>
              {' · '}
              <Link to={`/children/${conversation.childId}`}>Child record</Link>
            </>
          )}
        </p>
      }
    >
      <ConversationView conversationId={id} userId={user.id} />
    </Page>
  );
}
