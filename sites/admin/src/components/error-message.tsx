import type { CombinedError } from 'urql';
import { errorLines } from '../errors.ts';
import { useI18n } from '../i18n.tsx';

/** An API error in the admin's language, announced to screen readers. */
export function ErrorMessage({ error }: { error: CombinedError | undefined }) {
  const { language } = useI18n();
  if (!error) return null;
  return (
    <div className="error" role="alert">
      {errorLines(error, language).map((line, i) => (
        // Lines are shown once and never reordered.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <p key={i}>{line.message}</p>
      ))}
    </div>
  );
}
