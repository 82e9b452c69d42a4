import { LocalTime } from "@/components/forecast/LocalTime";
import { resolutionDeadline } from "@/lib/question-lifecycle";

/**
 * The deadline that matters now: "Closes …" while the question can still take forecasts, then
 * "Resolve by …", or "Closed …" when there is no resolve-by date (lib resolutionDeadline).
 */
export function QuestionDeadline({
  question,
  forecastingOver,
}: {
  question: { closeTime: number; resolveBy: number | null };
  forecastingOver: boolean;
}) {
  if (!forecastingOver)
    return (
      <>
        Closes <LocalTime ms={question.closeTime} style="deadline" relative />
      </>
    );
  return (
    <>
      {question.resolveBy !== null ? "Resolve by " : "Closed "}
      <LocalTime ms={resolutionDeadline(question)} style="deadline" relative />
    </>
  );
}
