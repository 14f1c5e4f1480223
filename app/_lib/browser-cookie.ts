/** Reads a cookie that is visible to scripts (the CSRF cookie is deliberately not httpOnly). */
export function readBrowserCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}
