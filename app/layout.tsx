import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Forecast Desk", template: "%s · Forecast Desk" },
  description: "Scenario forecasting for analyst teams: crowd forecasts, proper scoring rules, calibration.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next puts the CSP nonce of proxy.ts on its scripts only then.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
