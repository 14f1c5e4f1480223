/** The console's zone (the server's, which follows TZ), as app/_i18n/server-i18n.ts renders dates in: "today" is its day. */
export const consoleTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
