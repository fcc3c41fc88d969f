import { useEffect, useMemo, useRef } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/api-error';
import { useMessages } from '../api/list-messages';
import { useMarkRead } from '../api/mark-read';
import { AUDIENCE_LABELS, type Conversation } from '../api/messaging-types';
import { ComposeForm } from './compose-form';
import { MessageItem } from './message-item';

/**
 * One conversation: messages oldest to newest with "load older", compose when the user may write, and the
 * conversation marked read up to its newest message while it is on screen.
 */
export function ConversationView({ conversationId, userId }: { conversationId: string; userId: string }) {
  const messages = useMessages(conversationId);
  const markRead = useMarkRead(conversationId);
  const markedUpTo = useRef<string | null>(null);
  const endRef = useRef<HTMLDivElement>(null);

  const conversation = messages.data?.pages[0]?.conversation;
  const list = useMemo(
    () => (messages.data ? [...messages.data.pages].reverse().flatMap((page) => page.messages) : []),
    [messages.data],
  );
  const newest = list.at(-1);

  useEffect(() => {
    if (!conversation?.member || !newest || markedUpTo.current === newest.id) return;
    markedUpTo.current = newest.id;
    markRead.mutate(newest.id);
  }, [conversation?.member, newest, markRead]);

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [newest?.id]);

  if (messages.isPending) return <p className="muted">Loading messages…</p>;
  if (messages.isError) return <Alert>{errorMessage(messages.error)}</Alert>;
  if (!conversation) return null;

  return (
    <div className="conversation">
      <ConversationHeader conversation={conversation} />
      {messages.hasNextPage && (
        <Button
          variant="secondary"
          size="sm"
          className="load-older"
          pending={messages.isFetchingNextPage}
          onClick={() => void messages.fetchNextPage()}
        >
          Load older messages
        </Button>
      )}
      {list.length === 0 ? (
        <p className="empty-state">No messages yet.</p>
      ) : (
        // The log wraps the list: a role on the <ol> itself would take its list semantics from the <li>s.
        <div role="log" aria-label="Messages" aria-live="polite">
          <ol className="message-list">
            {list.map((message) => (
              <MessageItem key={message.id} message={message} mine={message.author?.id === userId} />
            ))}
          </ol>
        </div>
      )}
      <div ref={endRef} />
      {conversation.canPost ? (
        <ComposeForm conversationId={conversationId} />
      ) : (
        <p className="muted">
          {conversation.kind === 'announcement'
            ? 'Announcements are read-only.'
            : 'You can read this conversation for supervision; its members write in it.'}
        </p>
      )}
    </div>
  );
}

function ConversationHeader({ conversation }: { conversation: Conversation }) {
  if (conversation.kind === 'announcement') {
    return (
      <p className="conversation-members">
        <Badge tone="info">Announcement</Badge> to {AUDIENCE_LABELS[conversation.audience ?? 'everyone'].toLowerCase()}
      </p>
    );
  }
  return (
    <p className="conversation-members">
      <span className="muted">Members: </span>
      {conversation.members.map((member) => member.name).join(', ')}
    </p>
  );
}
