import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetSessionForTests } from '../lib/auth-session';

// findBy* and waitFor wait for async work (mocked fetches, IndexedDB, React Query) up to 5 s, not 1 s: a busy
// shared CI machine is slow, and a wait for a positive condition proves the same however long it may take
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  resetSessionForTests();
});
