import { EditionNotFoundMessage } from "@/components/editions/edition-not-found-message";
import { getRequestLang } from "@/lib/server/request-lang";

/** An unknown, draft or malformed edition slug. */
export default async function EditionNotFound() {
  return <EditionNotFoundMessage lang={await getRequestLang()} />;
}
