import { z } from "zod";
import { idField } from "./common";
import { EMAIL_MODES, isTimeZone } from "@/lib/domain/notification-settings";
import { NOTIFICATION_KINDS } from "@/lib/domain/notifications";

export const markReadSchema = z
  .object({
    ids: z.array(idField("ids")).max(500).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, "Send { all: true } or the ids to mark read.");

const deliveredMode = z.enum(["instant", "daily", "weekly"]);

/** PUT /api/v1/me/notification-settings: any of the fields; those left out keep their value. */
export const notificationSettingsSchema = z
  .object({
    email: z.enum(EMAIL_MODES).optional(),
    byKind: z
      .partialRecord(z.enum(NOTIFICATION_KINDS), deliveredMode.nullable())
      .optional()
      .describe("Kinds that go another way than `email`; null removes a kind's own way."),
    digestHour: z.number().int().min(0, "digestHour is an hour from 0 to 23.").max(23, "digestHour is an hour from 0 to 23.").optional(),
    timeZone: z.string().max(64).refine(isTimeZone, "timeZone must be an IANA time zone, such as Asia/Beirut or Europe/Paris.").optional(),
  })
  .strict();
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;

/** POST /api/v1/email/unsubscribe: the signed token of the link (in the query, for one-click, or in the body). */
export const unsubscribeSchema = z.object({ token: z.string().min(1).max(512) });
