import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { ValidationError } from "../errors";
import { msg } from "../i18n/msg";
import { idList } from "../web/form-fields";
import { inviteMembers } from "../invitations/invite-members";
import { searchParamsOf } from "../web/search-params";
import { resendForMembers } from "../invitations/pending";
import { userFilterSchema, userWhere } from "./list";
import { deactivateMembers, reactivateMembers } from "./activation";
import { type BulkResult } from "./bulk-step";

export const BULK_LIMIT = 1000;

const ids = idList(msg("Users.server.selectFromList"), BULK_LIMIT);

/** A bulk step from the Users page: the ticked rows, or every row matching the filter in `query`. */
export const bulkSchema = z.strictObject({
  op: z.enum(["deactivate", "reactivate", "resend", "invite"], { error: msg("Users.server.chooseWhatToDo") }),
  membershipIds: ids,
  all: z.enum(["1"]).optional(),
  query: z.string().max(2000).default(""),
});

/** The Users page's bulk menu: the step for every target, all or none (each step asserts its own permission too). */
export async function runBulk(db: Db, actor: Actor, input: z.infer<typeof bulkSchema>): Promise<BulkResult> {
  assertCan(actor.role, "users:manage");
  let targets = input.membershipIds;
  if (input.all) {
    const filter = userFilterSchema.parse(searchParamsOf(new URLSearchParams(input.query)));
    const t = tenantDb(db, actor.organizationId);
    const rows = await t.membership.findMany({
      where: await userWhere(t, actor, filter),
      select: { id: true },
      take: BULK_LIMIT + 1,
    });
    if (rows.length > BULK_LIMIT) throw new ValidationError(msg("Users.server.tooManyMatch", { limit: BULK_LIMIT }));
    targets = rows.map((r) => r.id);
  }
  if (targets.length === 0) throw new ValidationError(msg("Users.server.selectAtLeastOne"));
  const run = { deactivate: deactivateMembers, reactivate: reactivateMembers, resend: resendForMembers, invite: inviteMembers }[input.op];
  return run(db, actor, targets);
}
