/** Replaces the password (and user) of any URL inside `text` by `***`, so stream URLs can be logged and shown. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:]+)(:[^\s/@]*)?@/gi, (_match, scheme: string) => `${scheme}***:***@`);
}
