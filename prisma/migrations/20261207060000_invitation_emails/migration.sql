-- Issue 20: an invitation's link also goes by email when the server sends email. The link is
-- kept, sealed (AES-256-GCM, keyed from NEXTAUTH_SECRET), only until the message has gone.
ALTER TABLE "invitations" ADD COLUMN "email_state" "EmailState",
ADD COLUMN "sealed_url" TEXT;
CREATE INDEX "invitations_email_state_idx" ON "invitations"("email_state") WHERE "email_state" = 'pending';
