import { type ComponentType, lazy } from 'react';
import { loadAllTexts } from './i18n.js';

/** Mantine's full stylesheet; the first screens come with only their own components' styles. */
const loadAllStyles = () => import('./styles/all.js');

type PageModule<P> = { default: ComponentType<P> };

/** A page component loaded on demand that can also be asked for early (`preload`). */
export type LazyPage<P extends object> = ComponentType<P> & { preload: () => Promise<void> };

export interface LazyPageOptions {
  /**
   * The texts the component needs: `all` (default) waits for the rest of the texts too (src/web/i18n.ts);
   * `first-screen` for the components of the first screens, whose texts are loaded before the first
   * render (src/web/i18n-split.test.ts checks that they use no other text).
   */
  texts?: 'all' | 'first-screen';
}

/**
 * Like React.lazy, but the download can be started before the page is rendered (the start-up asks for
 * the page of the address being opened while the session is checked), and once the code is in, the
 * page renders straight away instead of suspending for a moment. Every such component also waits for
 * Mantine's full stylesheet (the first screens load only their components' styles: styles/first-screen.css).
 */
export function lazyPage<P extends object>(load: () => Promise<PageModule<P>>, { texts = 'all' }: LazyPageOptions = {}): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<PageModule<P>> | undefined;
  const start = () => {
    pending ??= Promise.all([load(), loadAllStyles(), texts === 'all' ? loadAllTexts() : undefined]).then(([page]) => page).then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(start);
  // biome-ignore lint/correctness/noComponentHookFactories: like React.lazy, called once per page at module level
  function Page(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  Page.preload = () => start().then(() => undefined);
  return Page;
}
