import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/app/_auth/auth";

// better-auth's HTTP endpoints (/api/auth/*); the pages use server actions instead.
const handler = (request: Request) => getAuth().handler(request);

export const { GET, POST } = toNextJsHandler(handler);
