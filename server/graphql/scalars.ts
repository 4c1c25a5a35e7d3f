import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * `Date` ('YYYY-MM-DD', UTC) and `DateTime` (ISO-8601). Input values arrive as strings and are
 * checked by the domain with the argument's name, so a bad day is BAD_USER_INPUT naming it.
 */
const stringInput = (name: string) => ({
  parseValue: (value: unknown) => value,
  parseLiteral: (ast: ValueNode) => (ast.kind === Kind.STRING ? ast.value : null),
  name,
});

export const DateScalar = new GraphQLScalarType({
  ...stringInput('Date'),
  description: "A UTC day, 'YYYY-MM-DD'.",
  serialize: (value) => String(value),
});

export const DateTimeScalar = new GraphQLScalarType({
  ...stringInput('DateTime'),
  description: 'An ISO-8601 instant.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
});

export const scalarTypeDefs = /* GraphQL */ `
  scalar Date
  scalar DateTime
`;
export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar };
