/** Environment variables the jest global setup hands to every test worker. */
export const TEST_ADMIN_URL_ENV = 'CURBSIDE_TEST_ADMIN_URL';
export const TEST_RUN_ID_ENV = 'CURBSIDE_TEST_RUN_ID';

/** Every database a test run creates starts with this, so teardown can find and drop them. */
export function testDatabasePrefix(runId: string): string {
  return `curbside_t_${runId}`;
}
