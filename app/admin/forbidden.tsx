import { ForbiddenMessage } from "@/components/admin/forbidden-message";
import { getRequestLang } from "@/lib/server/request-lang";

/** Shown with status 403 when a signed-in user lacks the role a page needs (forbidden() in requirePageUser). */
export default async function AdminForbidden() {
  return <ForbiddenMessage lang={await getRequestLang()} />;
}
