import { describe, expect, it } from 'vitest';
import { syncStatusText } from './sync-status';

describe('syncStatusText', () => {
  it('names each state of the outbox', () => {
    expect(syncStatusText({ online: true, waiting: 0, error: null })).toBe('All saved');
    expect(syncStatusText({ online: true, waiting: 3, error: null })).toBe('3 waiting to send');
    expect(syncStatusText({ online: false, waiting: 3, error: null })).toBe('Offline — 3 waiting');
    expect(syncStatusText({ online: false, waiting: 0, error: null })).toBe('All saved');
  });

  it('puts a sync error first', () => {
    expect(syncStatusText({ online: true, waiting: 2, error: 'Unknown target' })).toBe('Sync error: Unknown target');
  });
});
