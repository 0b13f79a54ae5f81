-- CreateIndex
CREATE INDEX "NotificationEmail_createdAt_idx" ON "NotificationEmail"("createdAt");
