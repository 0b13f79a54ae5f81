import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { downloadFile, getFile, listFiles } from "../../../lib/files/files";
import { uploadFile } from "../../../lib/files/upload";
import { localDisk } from "../../../lib/files/storage";
import { listNotifications } from "../../../lib/notifications/centre";
import type { TestActor } from "../../factories/actor";
import { anyShows, shows, type PrivacyKind, type Viewer } from "../../support/privacy";

// Files on a coachee's profile: a private file is its uploader's alone; a shared one is the coachee's
// and every current coach's. Read paths: the list, get by id, the download, the notification centre.
export const files: PrivacyKind = {
  kind: "files",
  models: ["CoacheeFile"],
  async items(db, w) {
    const disk = localDisk(mkdtempSync(path.join(os.tmpdir(), "pathwise-privacy-files-")));
    const circle = ["coach", "secondCoach", "coachee"] as const;
    const made: Array<{ label: string; by: TestActor; visibility: "PRIVATE" | "SHARED"; readers: readonly Viewer[] }> = [
      { label: "coach's private file", by: w.coach, visibility: "PRIVATE", readers: ["coach"] },
      { label: "coach's shared file", by: w.coach, visibility: "SHARED", readers: circle },
      { label: "coachee's private file", by: w.coachee, visibility: "PRIVATE", readers: ["coachee"] },
      { label: "coachee's shared file", by: w.coachee, visibility: "SHARED", readers: circle },
    ];
    return Promise.all(
      made.map(async ({ label, by, visibility, readers }) => {
        const name = `Secret ${crypto.randomUUID()}.txt`;
        const file = await uploadFile(
          db,
          by,
          { coacheeMembershipId: w.coachee.membershipId, visibility, name, body: Readable.from([Buffer.from("secret words\n")]) },
          { disk },
        );
        return {
          label,
          readers,
          sees: (viewer: TestActor) =>
            anyShows([
              () => shows(listFiles(db, viewer, w.coachee.membershipId), (l) => l.files.some((f) => f.originalName === name)),
              () => shows(getFile(db, viewer, { fileId: file.id }), (f) => f.originalName === name),
              () =>
                shows(downloadFile(db, viewer, { fileId: file.id }, { disk }), (d) => {
                  d.stream.destroy();
                  return true;
                }),
              // The centre is everyone's: the uploader's own change never reaches their own centre.
              () => shows(listNotifications(db, viewer), (n) => n.items.some((i) => i.sentence.includes(name))),
            ]),
        };
      }),
    );
  },
};
