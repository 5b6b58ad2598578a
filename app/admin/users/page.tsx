import { CreateUserForm } from "@/components/admin/create-user-form";
import { RoleForm } from "@/components/admin/role-form";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { requirePageUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { listUsers } from "@/lib/server/users/list-users";
import { changeRoleAction, createUserAction } from "./actions";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Users and their roles (admins only): create a user, change a role. */
export default async function AdminUsersPage({ searchParams }: { searchParams: TSearchParams }) {
  const lang = langFrom(await searchParams);
  const me = await requirePageUser(withLang("/admin/users", lang), { role: "admin" });
  const users = await listUsers(await getDatabase());
  const t = appDictionary(lang).admin;
  const cell = "border-b border-slate-200 px-3 py-2 align-middle";
  return (
    <>
      <section aria-labelledby="users-heading" className="space-y-4">
        <h1 id="users-heading" className="text-2xl font-bold">
          {t.users.heading}
        </h1>
        <p className="text-slate-700">{t.users.intro}</p>
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="users-table">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={cell}>
                  {t.users.columns.email}
                </th>
                <th scope="col" className={cell}>
                  {t.users.columns.name}
                </th>
                <th scope="col" className={cell}>
                  {t.users.columns.created}
                </th>
                <th scope="col" className={cell}>
                  {t.users.columns.role}
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td className={cell}>{user.email}</td>
                  <td className={cell}>{user.name}</td>
                  <td className={`${cell} tabular-nums`}>{user.createdAt.toISOString().slice(0, 10)}</td>
                  <td className={cell}>
                    {user.id === me.id ? (
                      <span>
                        {t.roles[user.role]} <span className="text-slate-500">{t.users.you}</span>
                      </span>
                    ) : (
                      <RoleForm action={changeRoleAction} userId={user.id} email={user.email} role={user.role} lang={lang} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="new-user-heading" className="space-y-4">
        <h2 id="new-user-heading" className="text-xl font-semibold">
          {t.users.createHeading}
        </h2>
        <CreateUserForm action={createUserAction} lang={lang} />
      </section>
    </>
  );
}
