// Turns plain data (the runtime config tables the generated code passes to the runtime) into
// expression trees. Object keys keep their given order; callers sort where order is not meaning.

import ts from 'typescript';

import { propertyName } from './names.ts';

const factory = ts.factory;

export type LiteralValue =
  | string
  | number
  | boolean
  | null
  | readonly LiteralValue[]
  | { readonly [key: string]: LiteralValue };

export function literal(value: LiteralValue): ts.Expression {
  if (value === null) return factory.createNull();
  if (typeof value === 'string') return factory.createStringLiteral(value);
  if (typeof value === 'boolean') return value ? factory.createTrue() : factory.createFalse();
  if (typeof value === 'number') return numberLiteral(value);
  if (isArray(value)) return factory.createArrayLiteralExpression(value.map(literal), false);
  return objectLiteral(value);
}

function objectLiteral(value: { readonly [key: string]: LiteralValue }): ts.Expression {
  const properties = Object.entries(value).map(([key, item]) =>
    factory.createPropertyAssignment(propertyName(key), literal(item)),
  );
  return factory.createObjectLiteralExpression(properties, true);
}

function numberLiteral(value: number): ts.Expression {
  if (!Number.isFinite(value)) throw new Error(`cannot emit non-finite number ${value}`);
  const positive = factory.createNumericLiteral(Math.abs(value));
  return value < 0
    ? factory.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, positive)
    : positive;
}

function isArray(value: LiteralValue): value is readonly LiteralValue[] {
  return Array.isArray(value);
}
