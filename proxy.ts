import { NextResponse, type NextRequest } from 'next/server';
import { requestedPathHeader } from './app/_lib/requested-path-header';

/** Layouts are not told the URL: pass it on so the console can send a logged-out visitor back after login. */
export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(requestedPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/pipelines/:path*', '/cameras/:path*', '/algorithms/:path*', '/alarms/:path*', '/training/:path*', '/workflows/:path*', '/settings/:path*'],
};
