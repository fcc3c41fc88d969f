import type { Conversation, Message, MessagePage } from '../api/messaging-types';

/** Test data for the messaging components. */
export function aConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c0000000-0000-4000-8000-000000000001',
    kind: 'child',
    title: 'Avery Lane',
    childId: 'ch000000-0000-4000-8000-000000000001',
    audience: null,
    createdAt: '2026-11-20T10:00:00Z',
    lastMessageAt: '2026-11-24T10:00:00Z',
    unreadCount: 0,
    canPost: true,
    member: true,
    members: [
      { id: 'parent-1', name: 'Pat Lane', role: 'parent' },
      { id: 'therapist-1', name: 'Tess Rivera', role: 'therapist' },
    ],
    reads: [],
    ...overrides,
  };
}

let sequence = 0;

export function aMessage(overrides: Partial<Message> = {}): Message {
  sequence += 1;
  return {
    id: `m0000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    conversationId: 'c0000000-0000-4000-8000-000000000001',
    author: { id: 'therapist-1', name: 'Tess Rivera', role: 'therapist' },
    body: `Message ${sequence}`,
    postedAt: '2026-11-24T10:00:00Z',
    editedAt: null,
    edited: false,
    deleted: false,
    attachments: [],
    ...overrides,
  };
}

export function aMessagePage(overrides: Partial<MessagePage> = {}): MessagePage {
  return { conversation: aConversation(), messages: [aMessage()], nextBefore: null, ...overrides };
}
