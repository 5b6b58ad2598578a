import type { TLang } from "@/lib/view-state";

// Text of the admin sign-in page in English and Chinese (the rest of the admin area is English for now).

const en = {
  title: "Sign in to Torch Atlas admin",
  intro: "For editors and admins who upload and publish yearbook editions. Reading the dashboard needs no account.",
  email: "Email",
  password: "Password",
  submit: "Sign in",
  submitting: "Signing in…",
  otherLanguage: "中文",
  backToDashboard: "Back to the dashboard",
  noAccount: "No account? An admin creates one for you (or run npm run admin:create on the server).",
  errors: {
    MISSING: "Enter your email and password.",
    INVALID_CREDENTIALS: "Wrong email or password. Check both and try again.",
    RATE_LIMITED: (seconds: number) => `Too many sign-in attempts. Wait ${seconds} seconds and try again.`,
    FOREIGN_ORIGIN: "This sign-in came from another site and was refused. Open this page directly and try again.",
    UNAVAILABLE: "Sign-in is unavailable right now (the database cannot be reached). Try again in a minute.",
    FAILED: (status: number) => `Sign-in failed (error ${status}). Try again; if it persists, tell an admin.`,
  },
};

export type TAdminDictionary = typeof en;

const zh: TAdminDictionary = {
  title: "登录 Torch Atlas 管理后台",
  intro: "供上传和发布年鉴版本的编辑和管理员使用。浏览数据看板无需账号。",
  email: "电子邮箱",
  password: "密码",
  submit: "登录",
  submitting: "正在登录…",
  otherLanguage: "English",
  backToDashboard: "返回数据看板",
  noAccount: "没有账号？请管理员为你创建（或在服务器上运行 npm run admin:create）。",
  errors: {
    MISSING: "请输入电子邮箱和密码。",
    INVALID_CREDENTIALS: "邮箱或密码错误，请检查后重试。",
    RATE_LIMITED: (seconds: number) => `登录尝试过于频繁，请等待 ${seconds} 秒后重试。`,
    FOREIGN_ORIGIN: "此登录请求来自其他网站，已被拒绝。请直接打开本页面后重试。",
    UNAVAILABLE: "暂时无法登录（无法连接数据库），请稍后重试。",
    FAILED: (status: number) => `登录失败（错误 ${status}）。请重试；如仍失败，请联系管理员。`,
  },
};

export function adminDictionary(lang: TLang): TAdminDictionary {
  return lang === "zh" ? zh : en;
}
