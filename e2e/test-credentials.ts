/** The first admin that `scripts/start.sh` creates for the e2e run (passed as VIGIL_ADMIN_* by playwright.config.ts). */
export const adminCredentials = { username: 'admin', password: 'e2e-Admin-Passw0rd' } as const;
