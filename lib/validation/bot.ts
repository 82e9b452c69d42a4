import * as z from "zod";

// The admin's "mark as bot" form on the Users page: which account, the model or script it runs, its owner.

export const markBotInput = z.object({
  userId: z.string({ error: "Account is required" }).min(1, { error: "Account is required" }).max(100),
  model: z
    .string({ error: "Model is required" })
    .trim()
    .min(1, { error: "Model is required: name the model or script, e.g. gpt-5.1 zero-shot" })
    .max(200, { error: "Model must be at most 200 characters" }),
  ownerId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().max(100).optional()),
});

export const unmarkBotInput = z.object({ userId: z.string({ error: "Account is required" }).min(1, { error: "Account is required" }).max(100) });

export const crowdIncludesBotsInput = z.object({ include: z.enum(["yes", "no"], { error: "Choose yes or no" }) });
