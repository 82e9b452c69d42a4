import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Forecast Desk", template: "%s · Forecast Desk" },
  description: "Scenario forecasting for analyst teams: crowd forecasts, proper scoring rules, calibration.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
