import { useMemo } from 'react';
import { useI18n } from './i18n.tsx';

/** Today in China (YYYY-MM-DD), whatever the browser's zone: the day the API checks dates against. */
export function todayInChina(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Instants in Beijing time in the admin's language; `seconds` for the audit log. */
export function useDateTime(options: { seconds?: boolean } = {}): Intl.DateTimeFormat {
  const { language } = useI18n();
  const seconds = options.seconds ?? false;
  return useMemo(
    () =>
      new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
        dateStyle: 'short',
        timeStyle: seconds ? 'medium' : 'short',
        timeZone: 'Asia/Shanghai',
      }),
    [language, seconds],
  );
}
