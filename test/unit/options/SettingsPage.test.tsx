// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageHandler } from '../../../entrypoints/background/router.ts';
import { SettingsPage } from '../../../entrypoints/options/SettingsPage.tsx';
import { DEFAULT_REMINDER_TEMPLATE } from '../../../lib/settings.ts';
import { readSettings } from '../../../storage/settings.ts';
import { ask } from '../../../utils/ask.ts';

/*
 * The settings form as a user meets it, saved through the real background (its router behind
 * fakeBrowser's runtime messaging, as invoices.test.ts wires it).
 */

beforeEach(() => {
  const handle = createMessageHandler();
  const optionsPage = {
    id: browser.runtime.id,
    url: browser.runtime.getURL('/options.html'),
    frameId: 0,
  };
  browser.runtime.onMessage.addListener((message: unknown) => handle(message, optionsPage));
});

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

async function renderPage() {
  const initial = await ask({ type: 'getState' });
  render(<SettingsPage initial={initial} />);
  return userEvent.setup();
}

describe('the settings form', () => {
  it('saves what is typed and says Saved', async () => {
    const user = await renderPage();
    await user.type(screen.getByLabelText('Business name'), 'Lin Studio');
    await user.clear(screen.getByLabelText('History limit'));
    await user.type(screen.getByLabelText('History limit'), '250');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    const stored = await readSettings();
    expect(stored.business.name).toBe('Lin Studio');
    expect(stored.historyCap).toBe(250);
  });

  it('takes the next edit as unsaved: Saved goes away', async () => {
    const user = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    await user.type(screen.getByLabelText('Business name'), 'L');
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('saves nothing wrong: it marks the first wrong field and moves focus to it', async () => {
    const user = await renderPage();
    await user.type(screen.getByLabelText('Default success URL'), 'http://shop.example/done');
    await user.type(screen.getByLabelText('Business email'), 'billing@');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const success = screen.getByLabelText('Default success URL');
    await expect.poll(() => document.activeElement).toBe(success);
    expect(success.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use an https:// address.')).toBeTruthy();
    expect(screen.getByLabelText('Business email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('Saved')).toBeNull();
    expect((await readSettings()).successUrl).toBe('');
  });

  it('keeps the Reminder message: the default shown and stored as the default, an edit saved', async () => {
    const user = await renderPage();
    const reminder = screen.getByRole('textbox', { name: 'Reminder message' });
    expect((reminder as HTMLTextAreaElement).value).toBe(DEFAULT_REMINDER_TEMPLATE);
    expect(screen.getByText(/A reminder about invoice INV-0042/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect((await readSettings()).reminderTemplate).toBe(DEFAULT_REMINDER_TEMPLATE);
    await user.clear(reminder);
    await user.type(reminder, 'Hi, {{number} is due {{due}: {{url}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect((await readSettings()).reminderTemplate).toBe('Hi, {number} is due {due}: {url}');
  });
});

describe('Settings → Invoices: a shared series', () => {
  it('says under Invoice prefix which other profiles share its numbers, following the typed prefix', async () => {
    await ask({ type: 'addProfile', name: 'Mia Studio' });
    await ask({ type: 'switchProfile', profileId: 'default' });
    const user = await renderPage();
    const prefix = screen.getByRole('textbox', { name: 'Invoice prefix' });
    const sentence = 'Shared with Mia Studio: numbers are never repeated across them.';
    expect(prefix.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(sentence)).toBeTruthy();
    await user.clear(prefix);
    await user.type(prefix, 'LIN-');
    expect(screen.queryByText(sentence)).toBeNull();
  });

  it('says nothing while the prefix is this profile’s alone', async () => {
    await renderPage();
    expect(screen.queryByText(/Shared with/)).toBeNull();
  });
});

describe('Settings says when a copy of the key in clear may remain on disk', () => {
  const KEY = 'pfk_test_settings_0123456789abcd';
  const warning = () =>
    screen
      .queryAllByRole('alert')
      .find((alert) => alert.textContent?.includes('may stay readable'));

  it('on locking a key saved in clear, and on removing it, with the link to rotate it', async () => {
    const user = await renderPage();
    await user.type(screen.getByLabelText('API key'), KEY);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(warning()).toBeUndefined();
    await user.type(screen.getByLabelText('New passphrase'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Lock with passphrase' }));
    await expect.poll(warning).toBeDefined();
    const link = screen.getByRole('link', { name: /Rotate the key at Payfect/ });
    expect(link.getAttribute('href')).toBe('https://payfect.finance');
    await user.click(screen.getByRole('button', { name: 'Remove key' }));
    expect(await screen.findByText('The key was removed from this browser.')).toBeTruthy();
    expect(warning()).toBeDefined();
  });

  it('never for a key saved with its passphrase, locked and removed', async () => {
    const user = await renderPage();
    await user.type(screen.getByLabelText('API key'), KEY);
    await user.type(
      screen.getByLabelText('Lock with a passphrase (optional)'),
      'correct horse battery',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Lock now' }));
    expect(await screen.findByText(/^Locked: the passphrase is needed/)).toBeTruthy();
    expect(warning()).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Remove key' }));
    expect(await screen.findByText('The key was removed from this browser.')).toBeTruthy();
    expect(warning()).toBeUndefined();
  });
});
