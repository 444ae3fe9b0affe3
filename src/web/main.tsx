import './styles/first-screen.css';
import './app.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app.js';
import { prefetchPageData, prefetchSession } from './boot/prefetch.js';
import { i18nReady } from './i18n.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Everything the first screen needs is asked for at once (boot/prefetch.ts); the app renders when the
// texts, the session and the page's code are in, and the page's data (or after a while without it),
// so its first render is the page, not a spinner that re-renders when the rows arrive.
const PAGE_DATA_WAIT_MS = 2_500;
const pageData = Promise.race([prefetchPageData(window.location), new Promise((resolve) => setTimeout(resolve, PAGE_DATA_WAIT_MS))]);
const session = prefetchSession();
const ready = Promise.all([i18nReady, session, preloadRoute(window.location.pathname, session), pageData]);

/**
 * A search typed into the server-drawn worklist (src/server/http/first-screen.ts) before the app took
 * over is not lost: it goes into the address, which the app's worklist reads.
 */
function keepSearchTypedBeforeStart(): void {
  const input = document.getElementById('first-screen-q');
  if (!(input instanceof HTMLInputElement) || input.value === input.defaultValue) return;
  const url = new URL(window.location.href);
  const typed = input.value.trim();
  if (typed) url.searchParams.set('q', typed);
  else url.searchParams.delete('q');
  url.searchParams.delete('page');
  window.history.replaceState(window.history.state, '', url);
}

void ready.then(() => {
  keepSearchTypedBeforeStart();
  // A transition: React renders the page in slices and lets the browser in between, instead of
  // blocking the main thread for the whole first render.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
});
