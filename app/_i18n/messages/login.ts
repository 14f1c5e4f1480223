import { defineCatalogue } from '../define-catalogue';

export const login = defineCatalogue({
  en: {
    title: 'Log in',
    lede: 'Video analytics',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    wrongCredentials: 'Wrong username or password',
    rateLimited: 'Too many attempts. Wait a moment and try again.',
    unexpected: 'Login failed unexpectedly. Try again.',
  },
  'zh-CN': {
    title: '登录',
    lede: '视频分析',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    wrongCredentials: '用户名或密码错误',
    rateLimited: '尝试次数过多，请稍后再试。',
    unexpected: '登录意外失败，请重试。',
  },
});
