import { CreateUserForm } from "@/components/admin/create-user-form";
import { RoleForm } from "@/components/admin/role-form";
import { requirePageUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { listUsers } from "@/lib/server/users/list-users";
import { changeRoleAction, createUserAction } from "./actions";

export const dynamic = "force-dynamic";

/** Users and their roles (admins only): create a user, change a role. */
export default async function AdminUsersPage() {
  const me = await requirePageUser("/admin/users", { role: "admin" });
  const users = await listUsers(await getDatabase());
  const cell = "border-b border-slate-200 px-3 py-2 align-middle";
  return (
    <>
      <section aria-labelledby="users-heading" className="space-y-4">
        <h1 id="users-heading" className="text-2xl font-bold">
          Users
        </h1>
        <p className="text-slate-700">
          Editors upload and publish editions; admins also manage users. A role change applies on the user&apos;s next
          request.
        </p>
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="users-table">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={cell}>
                  Email
                </th>
                <th scope="col" className={cell}>
                  Name
                </th>
                <th scope="col" className={cell}>
                  Created (UTC)
                </th>
                <th scope="col" className={cell}>
                  Role
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
                        {user.role} <span className="text-slate-500">(you)</span>
                      </span>
                    ) : (
                      <RoleForm action={changeRoleAction} userId={user.id} email={user.email} role={user.role} />
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
          Create a user
        </h2>
        <CreateUserForm action={createUserAction} />
      </section>
    </>
  );
}
