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
    expect(signUpInput.parse({ name: " Ana ", email: "Ana@X.org", password: "plum tree at dusk" })).toEqual({
      name: "Ana",
      email: "ana@x.org",
      password: "plum tree at dusk",
    });
    const r = signUpInput.safeParse({ name: "", email: "nope", password: "short" });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path[0]);
    expect(new Set(paths)).toEqual(new Set(["name", "email", "password"]));
  });
  it("rejects a bad explicit handle", () => {
    expect(createUserInput.safeParse({ name: "A", email: "a@x.org", password: "plum tree at dusk", handle: "Bad Handle" }).success).toBe(false);
  });
});

describe("the one rule set for names and new passwords", () => {
  const firstError = (input: object) => {
    const r = signUpInput.safeParse({ name: "Ana", email: "ana@x.org", password: "plum tree at dusk", ...input });
    return r.success ? null : `${String(r.error.issues[0].path[0])}: ${r.error.issues[0].message}`;
  };
  it.each([
    [{ name: "" }, "name: Name is required"],
    [{ name: "   " }, "name: Name is required"],
    [{ name: "x".repeat(101) }, "name: Name must be at most 100 characters"],
    [{ name: "x".repeat(5_000) }, "name: Name must be at most 100 characters"],
    [{ name: "Ana\u0000" }, "name: Name must not contain control or text-direction characters"],
    [{ name: "Ana\nBob" }, "name: Name must not contain control or text-direction characters"],
    [{ name: "\u202Egnp.exe" }, "name: Name must not contain control or text-direction characters"],
    [{ name: "Ana \u2067x" }, "name: Name must not contain control or text-direction characters"],
    [{ password: "password" }, "password: Password must be at least 12 characters"],
    [{ password: "12345678" }, "password: Password must be at least 12 characters"],
    [{ password: " ".repeat(8) }, "password: Password must be at least 12 characters"],
    [{ password: " ".repeat(12) }, "password: Password must not be only spaces"],
    [{ password: "qwerty123456" }, "password: Password is one of the most common passwords; choose another"],
    [{ password: "1QAZ2WSX3EDC" }, "password: Password is one of the most common passwords; choose another"],
    [{ password: "x".repeat(129) }, "password: Password must be at most 128 characters"],
  ])("%j → %s", (input, message) => {
    expect(firstError(input)).toBe(message);
  });
  it("accepts 100-character names (counted in code points), accents and a 12-character passphrase", () => {
    expect(firstError({ name: "é".repeat(100) })).toBeNull();
    expect(firstError({ name: "😀".repeat(100) })).toBeNull();
    expect(firstError({ name: "😀".repeat(101) })).toBe("name: Name must be at most 100 characters");
    expect(firstError({ name: "Ana Pérez-Ödön" })).toBeNull();
    expect(firstError({ password: "river-otter1" })).toBeNull();
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
    // the issue's case: /signin?next=%2F%09%2Fevil.example%2F decodes to this
    ["/\t/evil.example/", "/questions"],
    ["/\n/evil.example", "/questions"],
    ["/\r\n/evil.example", "/questions"],
    ["\t//evil.example", "/questions"],
    ["/ /evil.example", "/questions"],
    ["\\\\evil.example", "/questions"],
    ["/\\/evil.example", "/questions"],
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/%5C/evil.example", "/%5C/evil.example"],
    ["///evil.example", "/questions"],
    ["javascript:alert(1)", "/questions"],
    ["/javascript:alert(1)", "/javascript:alert(1)"],
    ["data:text/html,x", "/questions"],
    ["http:/evil.example", "/questions"],
    ["/questions/q1#comments", "/questions/q1#comments"],
    ["/\u0000/evil.example", "/questions"],
    ["/\u2028/evil.example", "/questions"],
  ])("%j → %s", (next, path) => {
    expect(safeRedirectPath(next)).toBe(path);
    // whatever comes back stays on the desk when a browser resolves it
    expect(new URL(safeRedirectPath(next), "https://desk.example").origin).toBe("https://desk.example");
  });
});
