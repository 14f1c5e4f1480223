import { redirect } from 'next/navigation';
import { readSessionUser } from './_lib/read-session-user';

// The root has no content of its own: it sends people to the console or to the login screen.
export default async function RootPage() {
  const user = await readSessionUser();
  redirect(user ? '/dashboard' : '/login');
}
