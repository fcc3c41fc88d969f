/** Shapes of the messaging API, named after the generated API types (src/types/api.ts). */
import type { Schema } from '../../../lib/api-types';

/**
 * `title`: the child's name for a child's conversation, the other members' names or a title for the others.
 * `member` is false for an admin reading a child's conversation for supervision.
 */
export type Conversation = Schema<'ConversationResponse'>;
export type ConversationKind = Conversation['kind'];
export type Audience = NonNullable<Conversation['audience']>;
export type Person = Schema<'ConversationPerson'>;
export type ReadPosition = Schema<'ReadPosition'>;
export type ConversationList = Schema<'ConversationListResponse'>;
export type Attachment = Schema<'AttachmentResponse'>;
/** `body` is plain text, never markup; null once deleted. */
export type Message = Schema<'MessageResponse'>;
/** `messages` run oldest to newest within the page; `nextBefore` is the `before` cursor of the next older page. */
export type MessagePage = Schema<'MessagesResponse'>;

/**
 * Query keys. The live-updates client invalidates by these prefixes: `['messaging', 'conversations']` (the list,
 * unread counts and every conversation's messages) and `['messaging', 'conversations', id, 'messages']`.
 */
export const messagingKeys = {
  all: ['messaging'] as const,
  conversations: ['messaging', 'conversations'] as const,
  unreadCount: ['messaging', 'conversations', 'unread-count'] as const,
  messages: (conversationId: string) => ['messaging', 'conversations', conversationId, 'messages'] as const,
  childConversation: (childId: string) => ['messaging', 'children', childId, 'conversation'] as const,
  contacts: ['messaging', 'contacts'] as const,
  attachment: (attachmentId: string) => ['messaging', 'attachments', attachmentId] as const,
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  everyone: 'Everyone',
  admin: 'Admins',
  therapist: 'Therapists',
  parent: 'Parents',
};
