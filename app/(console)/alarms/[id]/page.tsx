import { redirect } from 'next/navigation';

/** /alarms/<id> is an alias of the detail view at /alarms?id=<id> (the form other pages link to). */
export default async function AlarmAlias({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/alarms?id=${encodeURIComponent(id)}`);
}
