/** Values the global setups hand to the test files (`inject(...)` in a test, `provide(...)` in a setup). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a `dumpDataDir()` tarball of a freshly migrated PGlite database. */
    pgliteSnapshot: string;
    /** Name of the migrated template database on the SINGGAH_TEST_DATABASE_URL server. */
    postgresTemplate: string;
  }
}

export {};
