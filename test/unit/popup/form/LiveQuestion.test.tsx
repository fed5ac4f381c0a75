// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LiveQuestion } from '../../../../lib/live-question.ts';
import { DEFAULT_SETTINGS } from '../../../../lib/settings.ts';
import { CreateForm } from '../../../../entrypoints/popup/form/CreateForm.tsx';
import { freshDraft } from '../../../../entrypoints/popup/view.ts';

/*
 * "This creates a real payment link" on the form: asked before sending when the popup knows,
 * and asked when the worker refuses because this popup did not (a second popup, a stale
 * state). Each answer goes with one create. submitOrder, the call that reaches the worker,
 * is a mock.
 */

const submitOrder = vi.hoisted(() => vi.fn());
vi.mock('../../../../entrypoints/popup/form/submit.ts', () => ({ submitOrder, dismiss: vi.fn() }));

const KNOWN = 'This profile’s key is a live key: your client pays real USDT.';

async function renderFilled(liveQuestion?: LiveQuestion) {
  const onCreated = vi.fn(async () => undefined);
  render(
    <CreateForm
      settings={DEFAULT_SETTINGS}
      initialDraft={freshDraft(DEFAULT_SETTINGS)}
      initialError={null}
      onCreated={onCreated}
      onPending={vi.fn()}
      liveQuestion={liveQuestion}
    />,
  );
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Item name'), 'Logo design');
  await user.type(screen.getByLabelText('Unit price'), '80');
  return { user, onCreated };
}

function confirmedFlags(): unknown[] {
  return submitOrder.mock.calls.map(
    (call) => (call[1] as { liveConfirmed?: boolean }).liveConfirmed,
  );
}

beforeEach(() => {
  submitOrder.mockReset();
  submitOrder.mockResolvedValue({ kind: 'created', requestId: 'r1', session: { url: 'u' } });
});

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('the live question on the form', () => {
  it('asks before sending, and sends the answer with the create', async () => {
    const { user, onCreated } = await renderFilled('live');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    const confirm = screen.getByRole('button', { name: 'Create real link' });
    expect(document.activeElement).toBe(confirm);
    expect(submitOrder).not.toHaveBeenCalled();
    await user.click(confirm);
    expect(confirmedFlags()).toEqual([true]);
    expect(onCreated).toHaveBeenCalled();
  });

  it('asks when the worker refuses a create this popup thought needed no answer', async () => {
    submitOrder.mockResolvedValueOnce({ kind: 'ask', question: KNOWN });
    const { user, onCreated } = await renderFilled(undefined);
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    const confirm = await screen.findByRole('button', { name: 'Create real link' });
    expect(document.activeElement).toBe(confirm);
    expect(screen.getByText(KNOWN)).toBeTruthy();
    expect(onCreated).not.toHaveBeenCalled();
    await user.click(confirm);
    expect(confirmedFlags()).toEqual([false, true]);
    expect(onCreated).toHaveBeenCalledTimes(1);
  });

  it('sends nothing more on Cancel', async () => {
    submitOrder.mockResolvedValueOnce({ kind: 'ask', question: KNOWN });
    const { user } = await renderFilled(undefined);
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Create real link' })).toBeNull();
    expect(submitOrder).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create link' }));
  });

  it('asks again after a create that failed: an answer is for one create', async () => {
    submitOrder.mockResolvedValueOnce({
      kind: 'failed',
      error: { message: 'No answer', fields: {}, openSettings: false },
    });
    const { user } = await renderFilled('live');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    await user.click(screen.getByRole('button', { name: 'Create real link' }));
    await screen.findByText('No answer');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(screen.getByRole('button', { name: 'Create real link' })).toBeTruthy();
    expect(confirmedFlags()).toEqual([true]);
  });
});
