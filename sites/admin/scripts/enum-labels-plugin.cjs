// A graphql-codegen plugin: the schema's enum values with their bilingual descriptions
// ("社区计生协 / Community association"), so the console labels every value as the API documents it.
const { isEnumType } = require('graphql');

module.exports = {
  plugin(schema) {
    const labels = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isEnumType(type) || type.name.startsWith('__')) continue;
      const values = {};
      for (const value of type.getValues()) {
        const text = (value.description ?? '').trim();
        const split = text.indexOf(' / ');
        values[value.name] =
          split < 0
            ? { zh: text || value.name, en: text || value.name }
            : { zh: text.slice(0, split), en: text.slice(split + 3) };
      }
      labels[type.name] = values;
    }
    return [
      '/** Generated from packages/schema/schema.graphql: each enum value with its Chinese and English label. */',
      `export const ENUM_LABELS = ${JSON.stringify(labels, null, 2)} as const;`,
      '',
    ].join('\n');
  },
};
