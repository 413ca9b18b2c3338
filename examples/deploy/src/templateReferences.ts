/** Every `Ref` and `Fn::GetAtt` in a template (or part of one), as the logical ids they name. */
export const templateReferences = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(templateReferences);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'Ref'
      ? [String(inner)]
      : key === 'Fn::GetAtt'
        ? [String((inner as unknown[])[0])]
        : templateReferences(inner),
  );
};
