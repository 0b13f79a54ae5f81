-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "locale" TEXT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "defaultLocale" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;
