import { useI18n } from '../i18n.tsx';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <button
      type="button"
      className="link-button"
      lang={language === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
      title={t('language.switchLabel')}
    >
      {language === 'zh' ? 'English' : '中文'}
    </button>
  );
}
