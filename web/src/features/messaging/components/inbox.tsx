import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import type { Role } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { useConversations } from '../api/list-conversations';
import { AUDIENCE_LABELS, type Conversation } from '../api/messaging-types';
import { AnnouncementDialog } from './announcement-dialog';
import { NewConversationDialog } from './new-conversation-dialog';

const KIND_LABELS = { child: 'Care team', direct: 'Staff', announcement: 'Announcement' } as const;

/**
 * The inbox: the user's conversations, most recently active first, with unread badges; staff start direct
 * conversations, admins post announcements.
 */
export function Inbox({ role }: { role: Role }) {
  const conversations = useConversations();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'direct' | 'announcement' | null>(null);
  const open = (conversation: Conversation) => {
    setDialog(null);
    navigate(`/messages/${conversation.id}`);
  };

  return (
    <div className="stack-sections">
      {role !== 'parent' && (
        <div className="action-bar">
          <Button onClick={() => setDialog('direct')}>New message</Button>
          {role === 'admin' && (
            <Button variant="secondary" onClick={() => setDialog('announcement')}>
              New announcement
            </Button>
          )}
        </div>
      )}
      {conversations.isPending && <p className="muted">Loading conversations…</p>}
      {conversations.isError && <Alert>{errorMessage(conversations.error)}</Alert>}
      {conversations.data && conversations.data.content.length === 0 && (
        <p className="empty-state">
          {role === 'parent'
            ? 'No conversations yet. Open your child’s page and choose “Message the care team”.'
            : 'No conversations yet.'}
        </p>
      )}
      {conversations.data && conversations.data.content.length > 0 && (
        <ul className="conversation-list" aria-label="Conversations">
          {conversations.data.content.map((conversation) => (
            <li key={conversation.id}>
              <Link
                to={`/messages/${conversation.id}`}
                className={`conversation-link${conversation.unreadCount > 0 ? ' conversation-unread' : ''}`}
              >
                <span className="conversation-title">{conversationTitle(conversation)}</span>
                <span className="conversation-meta">
                  <Badge tone={conversation.kind === 'announcement' ? 'info' : 'muted'}>
                    {KIND_LABELS[conversation.kind]}
                  </Badge>
                  {conversation.lastMessageAt && (
                    <time dateTime={conversation.lastMessageAt}>{formatDateTime(conversation.lastMessageAt)}</time>
                  )}
                </span>
                {conversation.unreadCount > 0 && (
                  <span className="unread-badge">
                    {conversation.unreadCount}
                    <span className="visually-hidden"> unread</span>
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <NewConversationDialog open={dialog === 'direct'} onClose={() => setDialog(null)} onCreated={open} />
      {role === 'admin' && (
        <AnnouncementDialog open={dialog === 'announcement'} onClose={() => setDialog(null)} onCreated={open} />
      )}
    </div>
  );
}

/** What a conversation is called in lists and headings. */
export function conversationTitle(conversation: Conversation): string {
  if (conversation.title) return conversation.title;
  if (conversation.kind === 'announcement')
    return `Announcement to ${AUDIENCE_LABELS[conversation.audience ?? 'everyone']}`;
  return 'Conversation';
}
