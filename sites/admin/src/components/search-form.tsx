import { useState } from 'react';
import { useI18n } from '../i18n.tsx';

/** A search box that searches when submitted (Enter or the button), not on every keystroke. */
export function SearchForm({ label, onSearch }: { label: string; onSearch(text: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <search>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(text.trim());
        }}
      >
        <label>
          {label}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">{t('common.search')}</button>
      </form>
    </search>
  );
}
