import type { CombinedError } from 'urql';

/** The API names the field it refuses (`input.title`): the form shows the message beside that field. */
export function fieldOf(error: CombinedError | undefined): string | undefined {
  const field = error?.graphQLErrors[0]?.extensions?.field;
  return typeof field === 'string' ? field.replace(/^input\./, '') : undefined;
}
