import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, startSession } from '../../lib/auth-session';
import { aTherapist, aTokenResponse } from '../../test/fixtures';
import { jsonResponse, problemResponse, renderWithProviders } from '../../test/render';
import { aConversation, aMessage, aMessagePage } from '../../features/messaging/components/messaging-fixtures';
import { messagingKeys } from '../../features/messaging/api/messaging-types';
import { ConversationPage } from './conversation-page';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  startSession(aTokenResponse(aTherapist({ id: 'therapist-1' })));
});

afterEach(() => {
  endSession();
});

describe('ConversationPage', () => {
  it('stops showing a conversation its reader has left', async () => {
    let member = true;
    fetchMock.mockImplementation(async (url) => {
      if (!member) return problemResponse(404, { title: 'Not found' });
      if (String(url).endsWith('/read')) return new Response(null, { status: 204 });
      return jsonResponse(
        aMessagePage({
          conversation: aConversation({ id: 'c1', title: 'Avery Lane' }),
          messages: [aMessage({ body: 'Avery slept badly last night.' })],
        }),
      );
    });
    const { queryClient } = renderWithProviders(
      <Routes>
        <Route path="/messages/:id" element={<ConversationPage />} />
      </Routes>,
      { route: '/messages/c1' },
    );
    await screen.findByText('Avery slept badly last night.');

    // taken off the care team: the live signal refetches, and the server no longer knows them as a member
    member = false;
    await queryClient.invalidateQueries({ queryKey: messagingKeys.messages('c1') });

    expect(await screen.findByRole('heading', { level: 1, name: 'Conversation not found' })).toBeInTheDocument();
    expect(screen.queryByText('Avery slept badly last night.')).not.toBeInTheDocument();
  });
});
