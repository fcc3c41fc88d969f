import { describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { dispatchLiveEvent, queryPrefixesFor, resyncLiveQueries, subscribeLiveEvent } from './live-events';

describe('live events', () => {
  it('maps event types to the query-key prefixes they make stale', () => {
    expect(queryPrefixesFor('message.created')).toEqual([['messaging']]);
    expect(queryPrefixesFor('conversation.read')).toEqual([['messaging']]);
    expect(queryPrefixesFor('notification.created')).toEqual([['notifications']]);
    expect(queryPrefixesFor('appointment.changed')).toEqual([
      ['scheduling', 'appointments'],
      ['billing', 'authorizations'],
    ]);
    expect(queryPrefixesFor('something.else')).toEqual([]);
  });

  it('invalidates matching queries and calls the subscribers of the type', async () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const onAppointment = vi.fn();
    const onAny = vi.fn();
    const onOther = vi.fn();
    const unsubscribe = subscribeLiveEvent('appointment.changed', onAppointment);
    subscribeLiveEvent('*', onAny);
    subscribeLiveEvent('message.created', onOther);
    const event = { id: '3', type: 'appointment.changed', data: { appointmentId: 'a', change: 'moved' } };

    dispatchLiveEvent(queryClient, event);
    unsubscribe();
    dispatchLiveEvent(queryClient, event);

    await vi.waitFor(() => expect(invalidate).toHaveBeenCalledTimes(2));
    // the two events of one task make one refetch of each prefix
    expect(invalidate.mock.calls).toEqual([
      [{ queryKey: ['scheduling', 'appointments'] }],
      [{ queryKey: ['billing', 'authorizations'] }],
    ]);
    expect(onAppointment).toHaveBeenCalledTimes(1);
    expect(onAny).toHaveBeenCalledTimes(2);
    expect(onOther).not.toHaveBeenCalled();
  });

  it('a resync marks stale every query that live events keep fresh, and nothing else', async () => {
    const queryClient = new QueryClient();
    const observe = (key: string[]) =>
      queryClient.fetchQuery({
        queryKey: key,
        queryFn: () => key.join('/'),
      });
    const keys = [
      ['messaging', 'conversations'],
      ['notifications', 'list'],
      ['scheduling', 'appointments', 'w'],
      ['billing', 'authorizations', 'child', 'c1'],
      ['children'],
    ];
    await Promise.all(keys.map(observe));

    resyncLiveQueries(queryClient);
    await new Promise((resolve) => setTimeout(resolve, 0));

    for (const key of keys) {
      const state = queryClient.getQueryState(key);
      expect(state?.isInvalidated, key.join('/')).toBe(key[0] !== 'children');
    }
  });

  it('an event that arrives while a fetch is running refetches, so the older answer does not win', async () => {
    const queryClient = new QueryClient();
    let unread = 0;
    const answers: Array<() => void> = [];
    const observer = new QueryObserver(queryClient, {
      queryKey: ['messaging', 'conversations'],
      // the server reads the count when the request arrives; the answer comes back later
      queryFn: () => {
        const read = unread;
        return new Promise<number>((resolve) => answers.push(() => resolve(read)));
      },
    });
    const seen: Array<number | undefined> = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    await vi.waitFor(() => expect(answers).toHaveLength(1));

    // a message is posted after the first read, and its event arrives before the first answer
    unread = 1;
    dispatchLiveEvent(queryClient, { id: '7', type: 'message.created', data: {} });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers.forEach((answer) => answer());

    await vi.waitFor(() => expect(queryClient.getQueryData(['messaging', 'conversations'])).toBe(1));
    expect(seen).not.toContain(0);
    unsubscribe();
  });
});
