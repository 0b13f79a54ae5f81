import { useTranslations } from "next-intl";
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
import { localize, type Translate } from "@/lib/i18n/msg";
import { sizeValues } from "@/lib/files/limits";
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
  /** Whose files, when they are not the viewer's own: the coachee's name. */
  name?: string;
  maxBytes: number;
  /** The organisation's storage (getStorageUsage): said beside the form, and checked before sending. */
  storage: { used: number; quota: number; remaining: number };
  actions: FileActions;
};

/** A coachee's files as the viewer may see them, with the upload form; the uploader shares, unshares and deletes their own. */
export function FilesView({ org, coacheeId, list, filter, zone, name, maxBytes, storage, actions }: Props) {
  const t = useTranslations("Files.list");
  const words = useTranslations();
  const say = (text: string) => localize(text, words as unknown as Translate);
  const size = (bytes: number) => words("Files.server.size", sizeValues("", bytes));
  const defaults = { ...FILES_LIST_DEFAULTS };
  const download = (f: FileItem, inline = false) => `/${org}/files/${f.id}/download${inline ? "?inline=1" : ""}`;
  return (
    <div className="space-y-8">
      <Section id="upload-heading" title={t("upload")}>
        <UploadForm
          org={org}
          coacheeId={coacheeId}
          maxBytes={maxBytes}
          maxLabel={size(maxBytes)}
          storage={storage}
          allowed={say(ALLOWED_SUMMARY)}
          sharedLabel={name === undefined ? t("sharedOwn") : t("sharedWith", { name })}
        />
      </Section>
      <Section id="files-heading" title={t("heading")}>
        <p className="mb-3 text-sm text-muted">{t("explain", { zone })}</p>
        {list.total > 0 ? (
          <>
            <SortLinks
              filter={filter}
              defaults={defaults}
              columns={[
                ["created", t("uploaded")],
                ["name", t("name")],
                ["size", t("size")],
                ["type", t("type")],
              ]}
            />
            <ResultCount total={list.total} noun="file" filtered={false} />
          </>
        ) : null}
        <DataTable
          caption={name === undefined ? t("captionOwn") : t("caption", { name })}
          captionHidden
          rows={list.files}
          rowKey={(f) => f.id}
          empty={<EmptyState>{t("empty")}</EmptyState>}
          columns={[
            {
              header: t("name"),
              cell: (f) => (
                <span id={`file-${f.id}`} className="flex flex-col gap-1">
                  <TextLink href={download(f)} download strong aria-label={t("download", { name: f.originalName })}>
                    <Clipped text={f.originalName} max={80} />
                  </TextLink>
                  {INLINE_IMAGES.has(f.mimeType) ? (
                    <TextLink href={download(f, true)} target="_blank" rel="noopener" aria-label={t("previewOf", { name: f.originalName })}>
                      {t("preview")}
                    </TextLink>
                  ) : null}
                </span>
              ),
            },
            { header: t("size"), cell: (f) => size(f.size), nowrap: true },
            { header: t("type"), cell: (f) => say(typeLabel(f.mimeType)) },
            { header: t("uploadedBy"), cell: (f) => (f.mine ? t("you") : f.uploaderName) },
            { header: t("uploaded"), cell: (f) => <Time at={f.createdAt} zone={zone} />, nowrap: true },
            {
              header: t("whoSees"),
              cell: (f) => <VisibilityBadge visibility={f.visibility} />,
            },
            {
              header: t("actions"),
              cell: (f) =>
                f.mine ? (
                  <div className="flex flex-wrap gap-2">
                    <ActionButton
                      action={actions.share}
                      fields={{ org, fileId: f.id, shared: f.visibility === "SHARED" ? "false" : "true" }}
                      label={f.visibility === "SHARED" ? t("makePrivate", { name: f.originalName }) : t("share", { name: f.originalName })}
                      quiet
                    />
                    <ConfirmForm
                      action={actions.remove}
                      fields={{ org, fileId: f.id }}
                      label={t("delete", { name: f.originalName })}
                      title={t("deleteTitle", { name: f.originalName })}
                      explain={t("deleteExplain")}
                      confirmLabel={t("deleteConfirm")}
                      tone="danger"
                      quiet
                    />
                  </div>
                ) : (
                  <span className="text-sm text-faint">{t("notYours")}</span>
                ),
            },
          ]}
        />
        <Pagination page={list.page} pages={list.pages} href={(p) => queryWith(filter, { page: p }, defaults)} />
      </Section>
    </div>
  );
}
