import { Link } from 'react-router-dom';
import { HomeList, HomeSection } from '../../../components/ui/home-section';
import { useConversations } from '../api/list-conversations';

/** Conversations with messages not read yet, and how many. */
export function UnreadMessagesSection() {
  const conversations = useConversations();
  const unread = (conversations.data?.content ?? []).filter((conversation) => conversation.unreadCount > 0);
  return (
    <HomeSection
      title="Unread messages"
      count={conversations.data?.unreadTotal}
      loading={conversations.isPending}
      error={conversations.error}
      empty="You have read every message."
      link={{ to: '/messages', label: 'All messages' }}
    >
      <HomeList label="Conversations with unread messages">
        {unread.slice(0, 5).map((conversation) => (
          <li key={conversation.id}>
            <Link to={`/messages/${conversation.id}`}>{conversation.title ?? 'Conversation'}</Link>
            <span className="home-item-meta">
              {conversation.unreadCount} unread {conversation.unreadCount === 1 ? 'message' : 'messages'}
            </span>
          </li>
        ))}
      </HomeList>
    </HomeSection>
  );
}
