import { lazy } from 'react';

/*
 * What the popup needs only after its form is on screen: History (with CSV export and its QR
 * dialog) and the QR code (with its encoder). As separate chunks they are not parsed before
 * the form takes input; `prefetchLater` fetches them once the popup is idle, so a click on
 * History or a created link rarely waits for them.
 */
const loadHistoryView = () => import('./HistoryView.tsx');
const loadQrCode = () => import('../../components/QrCode.tsx');

export const LazyHistoryView = lazy(() =>
  loadHistoryView().then((module) => ({ default: module.HistoryView })),
);

export const LazyQrCode = lazy(() => loadQrCode().then((module) => ({ default: module.QrCode })));

function logFailure(error: unknown) {
  console.warn('Could not load a part of the popup ahead of time', error);
}

export function prefetchLater(): void {
  const prefetch = () => {
    loadQrCode().catch(logFailure);
    loadHistoryView().catch(logFailure);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prefetch, { timeout: 1000 });
  else setTimeout(prefetch, 200);
}
