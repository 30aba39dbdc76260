import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import { useI18n } from '../i18n.tsx';

export const ProgramsDocument = graphql(`
  query Programs {
    programs {
      id
      code
      name
      sensitive
      noticeDays
      requiredEvidence {
        new
        continuing
        exited
      }
    }
  }
`);

/** The county's benefit programs as a labelled select; `allLabel` offers "all" instead of requiring one. */
export function ProgramSelect({
  id,
  value,
  onChange,
  allLabel,
}: {
  id: string;
  value: string;
  onChange(programId: string): void;
  allLabel?: string;
}) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: ProgramsDocument });
  return (
    <label htmlFor={id}>
      {t('enrollments.program')}
      <select id={id} required={!allLabel} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel ?? t('enrollments.chooseProgram')}</option>
        {(data?.programs ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
