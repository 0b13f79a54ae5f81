import { ActionButton } from "@/components/ui/action-button";
import { VisibilityBadge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import { ResultCount, SortLinks } from "@/components/ui/list-controls";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Clipped, DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { FormAction } from "@/components/ui/use-form-action";
import { FILES_LIST_DEFAULTS, type FileItem, type FilesList } from "@/lib/files/files";
import { formatBytes } from "@/lib/files/limits";
import { ALLOWED_SUMMARY, INLINE_IMAGES, typeLabel } from "@/lib/files/sniff";
import { queryWith } from "@/lib/web/search-params";
import { UploadForm } from "./upload-form";

export type FileActions = { share: FormAction; remove: FormAction };

type Props = {
  org: string;
  coacheeId: string;
  /** What listFiles gave. */
  list: { files: FileItem[]; total: number; page: number; pages: number };
  filter: FilesList;
  zone: string;
  /** "Pat's" or "your" */
  whose: string;
  /** The shared option's words: "Shared with Pat and their coaches". */
  sharedLabel: string;
  maxBytes: number;
  /** The organisation's storage (getStorageUsage): said beside the form, and checked before sending. */
  storage: { used: number; quota: number; remaining: number };
  actions: FileActions;
};

/** A coachee's files as the viewer may see them, with the upload form; the uploader shares, unshares and deletes their own. */
export function FilesView({ org, coacheeId, list, filter, zone, whose, sharedLabel, maxBytes, storage, actions }: Props) {
  const defaults = { ...FILES_LIST_DEFAULTS };
  const download = (f: FileItem, inline = false) => `/${org}/files/${f.id}/download${inline ? "?inline=1" : ""}`;
  return (
    <div className="space-y-8">
      <Section id="upload-heading" title="Upload a file">
        <UploadForm
          org={org}
          coacheeId={coacheeId}
          maxBytes={maxBytes}
          maxLabel={formatBytes(maxBytes)}
          storage={storage}
          allowed={ALLOWED_SUMMARY}
          sharedLabel={sharedLabel}
        />
      </Section>
      <Section id="files-heading" title="Files">
        <p className="mb-3 text-sm text-muted">
          A private file is seen only by whoever uploaded it; a shared one by the coachee and all their coaches. Times in your time zone (
          {zone}).
        </p>
        {list.total > 0 ? (
          <>
            <SortLinks
              filter={filter}
              defaults={defaults}
              columns={[
                ["created", "Uploaded"],
                ["name", "Name"],
                ["size", "Size"],
                ["type", "Type"],
              ]}
            />
            <ResultCount total={list.total} noun="file" filtered={false} />
          </>
        ) : null}
        <DataTable
          caption={`${whose} files`}
          captionHidden
          rows={list.files}
          rowKey={(f) => f.id}
          empty={
            <EmptyState>
              No files yet. Upload one above: choose a file, say who sees it, and press Upload. Shared files appear here for the coachee and
              their coaches.
            </EmptyState>
          }
          columns={[
            {
              header: "Name",
              cell: (f) => (
                <span id={`file-${f.id}`} className="flex flex-col gap-1">
                  <TextLink href={download(f)} download strong aria-label={`Download ${f.originalName}`}>
                    <Clipped text={f.originalName} max={80} />
                  </TextLink>
                  {INLINE_IMAGES.has(f.mimeType) ? (
                    <TextLink href={download(f, true)} target="_blank" rel="noopener" aria-label={`Preview ${f.originalName}`}>
                      Preview
                    </TextLink>
                  ) : null}
                </span>
              ),
            },
            { header: "Size", cell: (f) => formatBytes(f.size), nowrap: true },
            { header: "Type", cell: (f) => typeLabel(f.mimeType) },
            { header: "Uploaded by", cell: (f) => (f.mine ? "You" : f.uploaderName) },
            { header: "Uploaded", cell: (f) => <Time at={f.createdAt} zone={zone} />, nowrap: true },
            {
              header: "Who sees it",
              cell: (f) => <VisibilityBadge visibility={f.visibility} />,
            },
            {
              header: "Actions",
              cell: (f) =>
                f.mine ? (
                  <div className="flex flex-wrap gap-2">
                    <ActionButton
                      action={actions.share}
                      fields={{ org, fileId: f.id, shared: f.visibility === "SHARED" ? "false" : "true" }}
                      label={f.visibility === "SHARED" ? `Make ${f.originalName} private` : `Share ${f.originalName}`}
                      quiet
                    />
                    <ConfirmForm
                      action={actions.remove}
                      fields={{ org, fileId: f.id }}
                      label={`Delete ${f.originalName}`}
                      title={`Delete ${f.originalName}?`}
                      explain="The file is removed for everyone who could see it. This cannot be undone."
                      confirmLabel="Delete the file"
                      tone="danger"
                      quiet
                    />
                  </div>
                ) : (
                  <span className="text-sm text-faint">Only the uploader can change it</span>
                ),
            },
          ]}
        />
        <Pagination page={list.page} pages={list.pages} href={(p) => queryWith(filter, { page: p }, defaults)} />
      </Section>
    </div>
  );
}
