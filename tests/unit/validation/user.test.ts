import { describe, expect, it } from "vitest";
import { createUserInput, firstFreeHandle, handleFromName, HANDLE_PATTERN, safeRedirectPath, signUpInput } from "@/lib/validation/user";

describe("handles", () => {
  it.each([
    ["Ana Pérez", "ana-perez"],
    ["  O'Brien, Pat  ", "o-brien-pat"],
    ["Д. Иванов", "forecaster"],
    ["x".repeat(60), "x".repeat(40)],
  ])("%s → %s", (name, handle) => {
    expect(handleFromName(name)).toBe(handle);
    expect(handle).toMatch(HANDLE_PATTERN);
  });
  it("de-duplicates with -2, -3 …", () => {
    const taken = new Set(["ana", "ana-2"]);
    expect(firstFreeHandle("ana", (h) => taken.has(h))).toBe("ana-3");
    expect(firstFreeHandle("bob", (h) => taken.has(h))).toBe("bob");
  });
});

describe("signUpInput / createUserInput", () => {
  it("lowercases the email and names the failing field", () => {
    expect(signUpInput.parse({ name: " Ana ", email: "Ana@X.org", password: "12345678" })).toEqual({
      name: "Ana",
      email: "ana@x.org",
      password: "12345678",
    });
    const r = signUpInput.safeParse({ name: "", email: "nope", password: "short" });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path[0]);
    expect(new Set(paths)).toEqual(new Set(["name", "email", "password"]));
  });
  it("rejects a bad explicit handle", () => {
    expect(createUserInput.safeParse({ name: "A", email: "a@x.org", password: "12345678", handle: "Bad Handle" }).success).toBe(false);
  });
});

describe("safeRedirectPath", () => {
  it.each([
    ["/questions/q1?tab=open", "/questions/q1?tab=open"],
    ["/", "/"],
    ["//evil.example/x", "/questions"],
    ["/\\evil.example", "/questions"],
    ["https://evil.example", "/questions"],
    ["questions", "/questions"],
    ["", "/questions"],
    [null, "/questions"],
  ])("%s → %s", (next, path) => {
    expect(safeRedirectPath(next)).toBe(path);
  });
});
