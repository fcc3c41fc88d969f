import { beforeEach, describe, expect, it } from 'vitest';
import { aTherapist, aUser, anAdmin } from '../test/fixtures';
import { forgetOfflineIdentity, loadOfflineIdentity, rememberOfflineIdentity } from './offline-identity';

beforeEach(async () => {
  await forgetOfflineIdentity();
});

describe('offline identity', () => {
  it('remembers a therapist’s id, name and role only', async () => {
    const therapist = aTherapist({ name: 'Tess Therapist' });

    await rememberOfflineIdentity(therapist);

    expect(await loadOfflineIdentity()).toEqual({ id: therapist.id, name: 'Tess Therapist', role: 'therapist' });
  });

  it('remembers nobody else, and forgets the therapist when someone else signs in', async () => {
    await rememberOfflineIdentity(aTherapist());

    await rememberOfflineIdentity(aUser({ role: 'parent' }));
    expect(await loadOfflineIdentity()).toBeNull();

    await rememberOfflineIdentity(anAdmin());
    expect(await loadOfflineIdentity()).toBeNull();
  });

  it('forgets the therapist, also when asked right after remembering', async () => {
    void rememberOfflineIdentity(aTherapist());
    void forgetOfflineIdentity();

    expect(await loadOfflineIdentity()).toBeNull();
  });

  it('keeps nothing in localStorage', async () => {
    await rememberOfflineIdentity(aTherapist());

    expect(localStorage.length).toBe(0);
  });
});
