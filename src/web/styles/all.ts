/**
 * Mantine's full stylesheet (in its `mantine` cascade layer), for every page beyond the first screens:
 * lazyPage waits for it before it shows such a page (src/web/lazy-page.tsx; first-screen.css has the
 * rest). A module of its own so that Vite loads it as a separate stylesheet on demand.
 */
import '@mantine/core/styles.layer.css';
