import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { User } from './api-types';

/**
 * Who may use this device without the network: the therapist who last signed in here, so that a reload while
 * offline can reopen the sessions being recorded (an "offline session"). Kept in IndexedDB, never localStorage;
 * it holds the user's id, name and role only: no token, nothing clinical. Written after every successful sign-in
 * or refresh, deleted when the user signs out or the server refuses the session.
 */
export type OfflineIdentity = Pick<User, 'id' | 'name' | 'role'>;

interface IdentitySchema extends DBSchema {
  identity: { key: string; value: OfflineIdentity };
}

const DB_NAME = 'spark-offline-identity';
const KEY = 'current';
let dbPromise: Promise<IDBPDatabase<IdentitySchema>> | null = null;
let writes: Promise<unknown> = Promise.resolve();

function openIdentityDb(): Promise<IDBPDatabase<IdentitySchema>> {
  dbPromise ??= openDB<IdentitySchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('identity');
    },
  });
  return dbPromise;
}

/** Runs writes one after the other, in the order they were asked for; a failure only loses that write. */
function write(task: (db: IDBPDatabase<IdentitySchema>) => Promise<unknown>): Promise<void> {
  const result = writes.then(async () => task(await openIdentityDb()));
  writes = result.catch(() => undefined);
  return result.then(() => undefined);
}

/** Remembers a therapist for offline use; anyone else replaces (forgets) whoever was remembered. */
export function rememberOfflineIdentity(user: User): Promise<void> {
  if (user.role !== 'therapist') return forgetOfflineIdentity();
  const identity: OfflineIdentity = { id: user.id, name: user.name, role: user.role };
  return write((db) => db.put('identity', identity, KEY));
}

export function forgetOfflineIdentity(): Promise<void> {
  return write((db) => db.delete('identity', KEY));
}

/** The therapist remembered on this device, if any. */
export async function loadOfflineIdentity(): Promise<OfflineIdentity | null> {
  await writes;
  const identity = await (await openIdentityDb()).get('identity', KEY);
  return identity?.role === 'therapist' ? identity : null;
}
