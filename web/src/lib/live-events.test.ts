import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
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

  it('invalidates matching queries and calls the subscribers of the type', () => {
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

    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['scheduling', 'appointments'] }, { cancelRefetch: false });
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

    for (const key of keys) {
      const state = queryClient.getQueryState(key);
      expect(state?.isInvalidated, key.join('/')).toBe(key[0] !== 'children');
    }
  });
});
