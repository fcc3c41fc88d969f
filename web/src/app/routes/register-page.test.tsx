import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../test/render';
import { RegisterPage } from './register-page';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const STRONG = 'tundra-marble-psalm-harbor';

async function fillIn(user: ReturnType<typeof renderWithProviders>['user']) {
  await user.type(screen.getByLabelText('Your name'), 'Robin Parent');
  await user.type(screen.getByLabelText('Email'), 'robin@example.test');
  await user.type(screen.getByLabelText('Password'), STRONG);
  await user.type(screen.getByLabelText('Repeat password'), STRONG);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('RegisterPage', () => {
  it('asks the person to check their e-mail: no account is open yet', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ detail: 'Check your e-mail' }, { status: 202 }));
    const { user } = renderWithProviders(<RegisterPage />);

    await fillIn(user);

    expect(await screen.findByRole('heading', { name: 'Check your e-mail' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('robin@example.test');
    expect(screen.getByRole('status')).toHaveTextContent('your account opens then, not before');
    await user.click(screen.getByRole('button', { name: 'Use another address' }));
    expect(screen.getByRole('heading', { name: 'Create a parent account' })).toBeInTheDocument();
  });

  it('says when too many requests came from here', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(
        429,
        {
          type: 'https://sparktherapy.org/problems/too-many-registrations',
          title: 'Too many registrations',
          detail: 'Too many registration requests for this e-mail address or from this network. Try again later.',
        },
        { 'Retry-After': '900' },
      ),
    );
    const { user } = renderWithProviders(<RegisterPage />);

    await fillIn(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many registration requests');
  });
});
