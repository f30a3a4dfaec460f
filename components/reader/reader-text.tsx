import type { ComponentProps } from "react";
import type { SideBySideData } from "@/lib/domain/side-by-side";
import { ReportDocument } from "./report-document";
import { SideBySideText } from "./side-by-side/side-by-side-text";

type DocumentProps = ComponentProps<typeof ReportDocument>;
type SideProps = Omit<ComponentProps<typeof SideBySideText>, "data" | "passages" | "highlights">;

/** The reader's grid: beside a counterpart the text takes the outline's place too. */
export const readerGrid = (both: boolean) =>
  `mx-auto grid max-w-[1440px] grid-cols-1 gap-x-10 px-4 pb-32 sm:px-6 lg:pb-16 xl:gap-x-16 ${
    both ? "lg:grid-cols-[minmax(0,1fr)_360px]" : "lg:grid-cols-[12rem_minmax(0,42rem)_360px]"
  }`;

/** The report text: alone (in the editor, or as static text when long), or beside its counterpart. */
export function ReaderText({
  sideBySide,
  side,
  document,
}: {
  sideBySide: SideBySideData | null;
  side: SideProps;
  document: DocumentProps;
}) {
  if (sideBySide) return <SideBySideText {...side} data={sideBySide} passages={document.passages} highlights={document.highlights} />;
  return <ReportDocument {...document} />;
}
