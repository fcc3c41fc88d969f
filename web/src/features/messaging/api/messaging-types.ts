import type { Role } from '../../../lib/api-types';

export type ConversationKind = 'child' | 'direct' | 'announcement';
export type Audience = 'everyone' | 'admin' | 'therapist' | 'parent';

export interface Person {
  id: string;
  name: string;
  role: Role;
}

export interface ReadPosition {
  accountId: string;
  lastReadMessageId: string;
  readAt: string;
}

export interface Conversation {
  id: string;
  kind: ConversationKind;
  /** The child's name for a child's conversation, the other members' names or a title for the others. */
  title: string | null;
  childId: string | null;
  audience: Audience | null;
  createdAt: string;
  lastMessageAt: string | null;
  unreadCount: number;
  canPost: boolean;
  /** False for an admin reading a child's conversation for supervision. */
  member: boolean;
  members: Person[];
  reads: ReadPosition[];
}

export interface ConversationList {
  content: Conversation[];
  page: { number: number; size: number; totalElements: number; totalPages: number };
  unreadTotal: number;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface Message {
  id: string;
  conversationId: string;
  author: Person | null;
  /** Plain text, never markup; null once deleted. */
  body: string | null;
  postedAt: string;
  editedAt: string | null;
  edited: boolean;
  deleted: boolean;
  attachments: Attachment[];
}

export interface MessagePage {
  conversation: Conversation;
  /** Oldest to newest within the page. */
  messages: Message[];
  /** The `before` cursor of the next older page, if there is one. */
  nextBefore: string | null;
}

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
