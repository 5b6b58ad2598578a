import { EditionNotFoundMessage } from "@/components/editions/edition-not-found-message";

/** An unknown, draft or malformed edition slug. */
export default function EditionNotFound() {
  return <EditionNotFoundMessage />;
}
