import { describe, expect, it } from "vitest";
import { emailDomainAllowed, passwordLoginEnabled, ssoButton, ssoSettings } from "./sso-settings";

const full = { OIDC_ISSUER: "https://id.example.org/realms/r/", OIDC_CLIENT_ID: "marginalia", OIDC_CLIENT_SECRET: "s3cret" };

describe("ssoSettings", () => {
  it("is off without any OIDC_* setting", () => {
    expect(ssoSettings({})).toBeNull();
    expect(ssoButton({})).toBeNull();
  });

  it("reads the issuer without its trailing slash, the label, and the allowed domains lower-cased", () => {
    expect(ssoSettings({ ...full, OIDC_NAME: "Keycloak", OIDC_ALLOWED_DOMAINS: " Example.org, @partner.example ,," })).toEqual({
      issuer: "https://id.example.org/realms/r",
      clientId: "marginalia",
      clientSecret: "s3cret",
      name: "Keycloak",
      allowedDomains: ["example.org", "partner.example"],
    });
    expect(ssoSettings(full)?.name).toBe("single sign-on");
  });

  it("refuses a half configuration instead of quietly turning single sign-on off", () => {
    expect(() => ssoSettings({ OIDC_ISSUER: full.OIDC_ISSUER, OIDC_CLIENT_ID: "x" })).toThrow(/OIDC_CLIENT_SECRET/);
  });

  it("gives pages the label and nothing secret", () => {
    const button = ssoButton({ ...full, OIDC_NAME: "Entra ID" });
    expect(button).toEqual({ name: "Entra ID" });
    expect(JSON.stringify(button)).not.toContain("s3cret");
  });
});

describe("passwordLoginEnabled", () => {
  it("is on unless MARGINALIA_PASSWORD_LOGIN turns it off", () => {
    expect(passwordLoginEnabled({})).toBe(true);
    expect(passwordLoginEnabled({ MARGINALIA_PASSWORD_LOGIN: "1" })).toBe(true);
    for (const off of ["0", "false", "off", " OFF "]) expect(passwordLoginEnabled({ MARGINALIA_PASSWORD_LOGIN: off })).toBe(false);
  });
});

describe("emailDomainAllowed", () => {
  it("allows every domain when none is listed, else exactly the listed ones", () => {
    expect(emailDomainAllowed("a@anything.example", [])).toBe(true);
    expect(emailDomainAllowed("a@Example.org", ["example.org"])).toBe(true);
    expect(emailDomainAllowed("a@mail.example.org", ["example.org"])).toBe(false);
    expect(emailDomainAllowed("a@example.org.evil.example", ["example.org"])).toBe(false);
  });
});
