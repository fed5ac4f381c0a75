import { lazy, useState, type ComponentType } from 'react';
import type { QrCode as QrCodeComponent } from '../../components/QrCode.tsx';
import type { HistoryView as HistoryViewComponent } from './HistoryView.tsx';
import type { PendingView as PendingViewComponent } from './PendingView.tsx';
import type { ResultView as ResultViewComponent } from './ResultView.tsx';

/*
 * What the popup needs only after its form is on screen: History (with CSV export and its QR
 * dialog), the QR code (with its encoder) and the views after "Create link" (result,
 * pending). As separate chunks they are
 * not parsed before the form takes input; `prefetchLater` fetches them once the popup is
 * idle. A popup that opens on a result or a pending create loads that view before it mounts
 * (App.tsx `load`), as does a create before it shows one: they never show a fallback.
 */

interface Deferred<P extends object> {
  /** Renders the component, straight away once its chunk is in, else through Suspense. */
  readonly Component: ComponentType<P>;
  /** Fetches the chunk; resolves once the component renders without suspending. */
  readonly load: () => Promise<unknown>;
}

function deferred<P extends object>(fetchChunk: () => Promise<ComponentType<P>>): Deferred<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const load = () => {
    loading ??= fetchChunk().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };
  const ViaSuspense = lazy(() => load().then((component) => ({ default: component })));
  function Component(props: P) {
    // React.lazy suspends on its first render even when the chunk is already in, and React
    // then holds the fallback for 300 ms: a loaded chunk is rendered directly instead. Chosen
    // once per mount, so a later render never swaps the element type and loses its state.
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? ViaSuspense);
    return <Chosen {...props} />;
  }
  return { Component, load };
}

export const historyView = deferred<Parameters<typeof HistoryViewComponent>[0]>(() =>
  import('./HistoryView.tsx').then((module) => module.HistoryView),
);

export const qrCode = deferred<Parameters<typeof QrCodeComponent>[0]>(() =>
  import('../../components/QrCode.tsx').then((module) => module.QrCode),
);

export const resultView = deferred<Parameters<typeof ResultViewComponent>[0]>(() =>
  import('./ResultView.tsx').then((module) => module.ResultView),
);

export const pendingView = deferred<Parameters<typeof PendingViewComponent>[0]>(() =>
  import('./PendingView.tsx').then((module) => module.PendingView),
);

/** The chunk a view is drawn with, fetched; at once for the views in the first chunk. */
export function viewLoaded(kind: string): Promise<unknown> {
  if (kind === 'result') return resultView.load();
  if (kind === 'pending') return pendingView.load();
  return Promise.resolve();
}

function logFailure(error: unknown) {
  console.warn('Could not load a part of the popup ahead of time', error);
}

export function prefetchLater(): void {
  const prefetch = () => {
    resultView.load().catch(logFailure);
    pendingView.load().catch(logFailure);
    qrCode.load().catch(logFailure);
    historyView.load().catch(logFailure);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prefetch, { timeout: 500 });
  else setTimeout(prefetch, 100);
}
