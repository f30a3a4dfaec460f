import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { getNotes, saveNotes } from "@/lib/server/notes/notes";
import { saveNotesSchema } from "@/lib/validations/notes";

// 200,000 characters of up to 4 bytes each, plus JSON escaping.
const MAX_REQUEST_BYTES = 1024 * 1024;

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => getNotes({ userId: user.id, reportId: params.id }));

export const PUT = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, saveNotesSchema, MAX_REQUEST_BYTES);
  return saveNotes({ userId: user.id, reportId: params.id, ...input });
});
