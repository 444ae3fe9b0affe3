import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
  uploadDir: string;
  /** Largest attachment upload, in bytes. */
  uploadMaxBytes: number;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Failed logins before an account is locked, and for how long. */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Behind a reverse proxy terminating HTTPS: trust X-Forwarded-* and mark cookies Secure. */
  trustProxy: boolean;
  webDistDir: string;
  logLevel: string;
  /** Seconds between checks for stages past their standard time (0: off). */
  overdueCheckSeconds: number;
  /** SMTP server for e-mail copies of notifications (e.g. `smtp://user:pass@mail.example.go.id:587`); none: no e-mail. */
  smtpUrl?: string;
  /** Sender address of those e-mails. */
  smtpFrom: string;
  /** The address users reach the app at, for links in e-mails (e.g. `https://singgah.example.go.id`). */
  publicUrl?: string;
}

/** Read the configuration from the environment; every setting has a safe default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    uploadDir: path.resolve(env.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
    uploadMaxBytes: Number(env.UPLOAD_MAX_BYTES ?? 10 * 1024 * 1024),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 120),
    loginMaxFailures: Number(env.LOGIN_MAX_FAILURES ?? 5),
    loginLockMinutes: Number(env.LOGIN_LOCK_MINUTES ?? 15),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    overdueCheckSeconds: Number(env.OVERDUE_CHECK_SECONDS ?? 60),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || 'Singgah <no-reply@localhost>',
    publicUrl: env.PUBLIC_URL || undefined,
  };
}
