-- AlterTable
ALTER TABLE "PasswordResetRequest" ADD COLUMN     "locale" TEXT;

-- AlterTable
ALTER TABLE "SignUpRequest" ADD COLUMN     "locale" TEXT;
