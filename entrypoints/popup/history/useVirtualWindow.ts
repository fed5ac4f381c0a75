import { useCallback, useEffect, useLayoutEffect, useRef, useState, type UIEvent } from 'react';

export interface VirtualWindow {
  /** The first row to render and the one after the last. */
  readonly start: number;
  readonly end: number;
}

/** Rows to render: those in view and `overscan` more on each side (what Tab reaches next). */
export function visibleRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): VirtualWindow {
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + viewportHeight) / rowHeight);
  return {
    start: Math.max(0, Math.min(count, first - overscan)),
    end: Math.max(0, Math.min(count, last + overscan)),
  };
}

/**
 * Windowing for a scroll container of fixed-height rows: only the rows in view are in the
 * DOM, so 10,000 sessions scroll like 10. Returns the container's ref and scroll handler,
 * `reach` (how many rows from the top the view needs now, overscan included: a filter can
 * stop there), `rangeOf` (the rows to render out of `count`), and a way to go back to the
 * top (after the filter changed).
 * `shown` is false while the container is hidden (another tab): hiding loses an element's
 * scroll offset, so it is put back when the container is shown again.
 */
export function useVirtualWindow(rowHeight: number, shown: boolean, overscan = 4) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const lastScrollTop = useRef(0);
  // Until the first measurement: the tallest the popup gets, so the first paint is full.
  const [viewportHeight, setViewportHeight] = useState(600);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      // 0 while the tab is hidden: keep the last size rather than render nothing on return.
      if (element.clientHeight > 0) setViewportHeight(element.clientHeight);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (shown && scroller.current) scroller.current.scrollTop = lastScrollTop.current;
  }, [shown]);

  const onScroll = useCallback((event: UIEvent<HTMLElement>) => {
    lastScrollTop.current = event.currentTarget.scrollTop;
    setScrollTop(event.currentTarget.scrollTop);
  }, []);

  const scrollToTop = useCallback(() => {
    // Setting scrollTop lays the page out at once (a keystroke has just changed the search
    // box), so only when the list is not at the top already.
    if (scroller.current && lastScrollTop.current !== 0) scroller.current.scrollTop = 0;
    lastScrollTop.current = 0;
    setScrollTop(0);
  }, []);

  const rangeOf = (count: number) =>
    visibleRange(count, rowHeight, scrollTop, viewportHeight, overscan);
  return { scroller, onScroll, scrollToTop, scrollTop, reach: rangeOf(Infinity).end, rangeOf };
}
