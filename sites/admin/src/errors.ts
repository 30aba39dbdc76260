import type { CombinedError } from 'urql';
import type { Language } from './i18n.tsx';

export interface ErrorLine {
  message: string;
  code: string | undefined;
}

/**
 * The API's messages are bilingual, Chinese first: "材料不全 / Evidence is missing". The console shows
 * the half in the admin's language (both when a message has no " / ").
 */
export function inLanguage(message: string, language: Language): string {
  const split = message.indexOf(' / ');
  if (split < 0) return message;
  return language === 'zh' ? message.slice(0, split) : message.slice(split + 3);
}

export function errorLines(error: CombinedError, language: Language): ErrorLine[] {
  if (error.graphQLErrors.length === 0) {
    return [
      {
        message: inLanguage(
          '无法连接服务器，请稍后重试 / Cannot reach the server; try again shortly',
          language,
        ),
        code: 'NETWORK',
      },
    ];
  }
  return error.graphQLErrors.map((e) => ({
    message: inLanguage(e.message, language),
    code: typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
  }));
}
