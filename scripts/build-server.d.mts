/** Types for scripts/build-server.mjs (plain JavaScript, imported by TypeScript tests and benchmarks). */
export declare const SERVER_BUNDLE: string;
export declare function serverNodeArgs(env?: Record<string, string | undefined>): string[];
export declare function buildServer(): Promise<void>;
