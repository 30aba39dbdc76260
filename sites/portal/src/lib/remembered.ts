/**
 * `compute` remembering its answers by argument: a build asks the same few questions (a date, an instant,
 * a piece of text to convert) on thousands of pages. At most `max` answers are kept; past that the
 * memory starts over.
 */
export function remembered<T>(compute: (key: string) => T, max = 100_000): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= max) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}
