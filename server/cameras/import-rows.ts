import { splitStreamUrl } from '../../lib/cameras/stream-url';
import { createCameraBodySchema, type CreateCameraBody, type ImportCameraRow, type ImportRowError } from '../../lib/contracts/cameras';

/**
 * Checks every row of a bulk import as the camera API would check it one by one, plus names repeated in the file or
 * already taken, and reports each problem with its row number (1 = first data row). Pure: the caller brings the names.
 */
export function checkImportRows(rows: readonly ImportCameraRow[], takenNames: ReadonlySet<string>): { cameras: CreateCameraBody[]; errors: ImportRowError[] } {
  const cameras: CreateCameraBody[] = [];
  const errors: ImportRowError[] = [];
  const firstRowOfName = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const parsed = createCameraBodySchema.safeParse(withoutBlanks(raw));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, path: issue.path.map(String).join('.') || 'row', message: issue.message });
      return;
    }
    const camera = parsed.data;
    const split = splitStreamUrl(camera.streamUrl);
    const inUrl = split.ok && Boolean(split.value.username || split.value.password);
    if (inUrl && (camera.username || camera.password)) errors.push({ row, path: 'streamUrl', message: 'credentials in the URL and in username/password: give them once' });
    const earlier = firstRowOfName.get(camera.name);
    if (earlier !== undefined) errors.push({ row, path: 'name', message: `the name "${camera.name}" is already used by row ${earlier}` });
    else if (takenNames.has(camera.name)) errors.push({ row, path: 'name', message: `a camera named "${camera.name}" already exists` });
    else firstRowOfName.set(camera.name, row);
    cameras.push(camera);
  });
  return { cameras: errors.length === 0 ? cameras : [], errors };
}

/** Empty CSV cells mean "not given", not an empty password or location. */
function withoutBlanks(row: ImportCameraRow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined && !(typeof value === 'string' && value.trim() === '')));
}
