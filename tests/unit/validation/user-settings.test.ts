import * as z from "zod";
import { describe, expect, it } from "vitest";
import { userSettingsInput } from "@/lib/validation/user-settings";

const errorsOf = (input: unknown) => {
  const r = userSettingsInput.safeParse(input);
  return r.success ? null : z.flattenError(r.error).fieldErrors;
};

describe("userSettingsInput", () => {
  it("takes a whole number of days in 1..365 and one of the three e-mail modes", () => {
    expect(userSettingsInput.parse({ staleAfterDays: "14", emailMode: "digest" })).toEqual({ staleAfterDays: 14, emailMode: "digest" });
    expect(userSettingsInput.parse({ staleAfterDays: "365", emailMode: "off" }).staleAfterDays).toBe(365);
  });
  it("names the field and the rule for bad input", () => {
    expect(errorsOf({ staleAfterDays: "0", emailMode: "digest" })).toEqual({ staleAfterDays: ["Needs update after must be at least 1 day"] });
    expect(errorsOf({ staleAfterDays: "366", emailMode: "digest" })).toEqual({ staleAfterDays: ["Needs update after must be at most 365 days"] });
    expect(errorsOf({ staleAfterDays: "2.5", emailMode: "digest" })?.staleAfterDays).toEqual(["Needs update after must be a whole number of days"]);
    expect(errorsOf({ staleAfterDays: "abc", emailMode: "digest" })?.staleAfterDays).toEqual(["Needs update after must be a whole number of days"]);
    expect(errorsOf({ staleAfterDays: "7", emailMode: "weekly" })).toEqual({ emailMode: ["E-mail must be one of: daily digest, each notification, off"] });
  });
});
