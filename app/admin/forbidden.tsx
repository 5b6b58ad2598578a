import { ForbiddenMessage } from "@/components/admin/forbidden-message";

/** Shown with status 403 when a signed-in user lacks the role a page needs (forbidden() in requirePageUser). */
export default function AdminForbidden() {
  return <ForbiddenMessage />;
}
