/** Typed settings, built once at boot from the environment. Nothing else reads process.env. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** API processes sharing the port (node:cluster); 1 runs the API in this process. */
  apiWorkers: number;
  /** External PostgreSQL; undefined means the embedded server under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** undefined until resolved (generated and kept in dataDir in embedded mode). */
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  bootstrapAdminEmail: string | undefined;
  bootstrapAdminPassword: string | undefined;
  seedDemo: boolean;
  redisUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Specialists offered a case per requested specialty. */
  routingFanout: number;
  /** Hours a specialist has to respond to an offer, by urgency. */
  consultDueHoursUrgent: number;
  consultDueHoursRoutine: number;
  /** Run the job queue (consult expiry and re-routing) in this process. */
  jobsEnabled: boolean;
  /** Query limits, checked before execution. */
  queryMaxCost: number;
  queryMaxDepth: number;
  queryMaxAliases: number;
  queryMaxTokens: number;
  /** Cost budgets (token buckets) per minute, refilled continuously. */
  rateLimitAppPerMinute: number;
  rateLimitUserPerMinute: number;
  rateLimitAddressPerMinute: number;
  /** A budget holds this many seconds' worth of points: how large a burst a client may send at once. */
  rateLimitBurstSeconds: number;
  /** Requests one partner app or user may have in progress on one instance at once. */
  rateLimitMaxInFlight: number;
  /** Introspection and "did you mean" suggestions (off by default in production). */
  graphqlIntrospection: boolean;
  /** Browser origins allowed by CORS (partner web apps); empty means none. */
  corsOrigins: string[];
  /** Largest request body accepted, in kilobytes. */
  bodyLimitKb: number;
  /** Express "trust proxy" setting, so throttling sees the client address behind a load balancer. */
  trustProxy: boolean;
}

/** A configuration problem, reported as one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = blankToUndefined(env[name]);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number between ${min} and ${max}`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}`);
  return value;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = blankToUndefined(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, 'must be true or false');
}

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = blankToUndefined(env[name]);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}`);
  return raw as T;
}

function readUrl(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = blankToUndefined(env[name]);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL (${protocols.join(' or ')})`);
  }
  if (!protocols.includes(url.protocol))
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}//`);
  return raw;
}

function readOrigins(env: Env, name: string): string[] {
  const raw = blankToUndefined(env[name]);
  if (raw === undefined) return [];
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new ConfigError(
        name,
        'must be a comma-separated list of origins such as https://portal.example.org',
      );
    }
    if (url.origin !== trimmed || !['http:', 'https:'].includes(url.protocol)) {
      throw new ConfigError(name, 'must list bare origins (scheme://host[:port]) separated by commas');
    }
    return trimmed;
  });
}

/** A budget smaller than the most expensive allowed query would refuse that query forever. */
function assertBudgetsHoldTheLargestQuery(config: AppConfig): void {
  for (const [variable, perMinute] of [
    ['RATE_LIMIT_APP_PER_MINUTE', config.rateLimitAppPerMinute],
    ['RATE_LIMIT_USER_PER_MINUTE', config.rateLimitUserPerMinute],
    ['RATE_LIMIT_ADDRESS_PER_MINUTE', config.rateLimitAddressPerMinute],
  ] as const) {
    if ((perMinute / 60) * config.rateLimitBurstSeconds < config.queryMaxCost) {
      throw new ConfigError(
        variable,
        'times RATE_LIMIT_BURST_SECONDS / 60 must be at least QUERY_MAX_COST, or the largest allowed query could never run',
      );
    }
  }
}

export function loadConfig(env: Env): AppConfig {
  const nodeEnv = readEnum(env, 'NODE_ENV', NODE_ENVS, 'development');
  const databaseUrl = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const jwtSecret = blankToUndefined(env.JWT_SECRET);
  if (jwtSecret !== undefined && jwtSecret.length < 32)
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  if (databaseUrl && nodeEnv === 'production' && jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production and DATABASE_URL is set');
  }
  const bootstrapAdminEmail = blankToUndefined(env.BOOTSTRAP_ADMIN_EMAIL);
  const bootstrapAdminPassword = blankToUndefined(env.BOOTSTRAP_ADMIN_PASSWORD);
  if (bootstrapAdminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(bootstrapAdminEmail)) {
    throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL', 'must be an email address');
  }
  if (Boolean(bootstrapAdminEmail) !== Boolean(bootstrapAdminPassword)) {
    throw new ConfigError(
      bootstrapAdminEmail ? 'BOOTSTRAP_ADMIN_PASSWORD' : 'BOOTSTRAP_ADMIN_EMAIL',
      'must be set together with the other BOOTSTRAP_ADMIN_ variable',
    );
  }
  const config: AppConfig = {
    nodeEnv,
    port: readInt(env, 'PORT', 3000, 0, 65535),
    apiWorkers: readInt(env, 'API_WORKERS', 1, 1, 64),
    databaseUrl,
    dataDir: blankToUndefined(env.DATA_DIR) ?? './.data',
    jwtSecret,
    accessTokenTtlSeconds: readInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlDays: readInt(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    bootstrapAdminEmail,
    bootstrapAdminPassword,
    seedDemo: readBool(env, 'SEED_DEMO', databaseUrl === undefined),
    redisUrl: readUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: readBool(env, 'TRUST_PROXY', false),
    routingFanout: readInt(env, 'ROUTING_FANOUT', 3, 1, 20),
    consultDueHoursUrgent: readInt(env, 'CONSULT_DUE_HOURS_URGENT', 4, 1, 72),
    consultDueHoursRoutine: readInt(env, 'CONSULT_DUE_HOURS_ROUTINE', 48, 1, 720),
    jobsEnabled: readBool(env, 'JOBS_ENABLED', true),
    queryMaxCost: readInt(env, 'QUERY_MAX_COST', 5000, 10, 10_000_000),
    queryMaxDepth: readInt(env, 'QUERY_MAX_DEPTH', 12, 2, 100),
    queryMaxAliases: readInt(env, 'QUERY_MAX_ALIASES', 30, 0, 1000),
    queryMaxTokens: readInt(env, 'QUERY_MAX_TOKENS', 5000, 100, 1_000_000),
    rateLimitAppPerMinute: readInt(env, 'RATE_LIMIT_APP_PER_MINUTE', 60_000, 10, 100_000_000),
    rateLimitUserPerMinute: readInt(env, 'RATE_LIMIT_USER_PER_MINUTE', 10_000, 10, 100_000_000),
    rateLimitAddressPerMinute: readInt(env, 'RATE_LIMIT_ADDRESS_PER_MINUTE', 20_000, 10, 100_000_000),
    rateLimitBurstSeconds: readInt(env, 'RATE_LIMIT_BURST_SECONDS', 30, 1, 3600),
    rateLimitMaxInFlight: readInt(env, 'RATE_LIMIT_MAX_IN_FLIGHT', 8, 1, 10_000),
    graphqlIntrospection: readBool(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    corsOrigins: readOrigins(env, 'CORS_ORIGINS'),
    bodyLimitKb: readInt(env, 'BODY_LIMIT_KB', 200, 16, 10_240),
  };
  assertBudgetsHoldTheLargestQuery(config);
  return config;
}
