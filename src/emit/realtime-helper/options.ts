// Option types: the role vocabulary, typed masking overrides and per-call delivery options.

import ts from 'typescript';

import type { ProjectModel } from '../../model/types.ts';
import {
  exportInterface,
  exportType,
  indexed,
  keyOf,
  keyword,
  literalType,
  stringUnion,
  typeLiteral,
  typeRef,
  withDoc,
} from '../ast/index.ts';

const factory = ts.factory;

const tableParam = [{ name: 'T', constraint: keyOf(typeRef('Tables')) }];

export function roleType(model: ProjectModel): ts.Statement {
  const type =
    model.roles === null ? keyword(ts.SyntaxKind.StringKeyword) : stringUnion(model.roles);
  const doc =
    model.roles === null
      ? 'Role names; the manifest gives no vocabulary, so any string.'
      : "The manifest's role vocabulary.";
  return withDoc(exportType('Role', type), doc);
}

function maskRule(): ts.Statement {
  const show = typeLiteral([
    { name: 'roles', type: factory.createArrayTypeNode(typeRef('Role')), optional: true },
    { name: 'or', type: literalType('owner'), optional: true },
  ]);
  const node = exportInterface('MaskRule', [
    { name: 'type', type: typeRef('MaskType') },
    { name: 'show', type: show },
  ]);
  return withDoc(node, 'How one field is masked, and who sees it unmasked.');
}

/** `{ [F in keyof Tables[T]]?: MaskRule }`: only the table's own columns can be named. */
function maskingConfig(): ts.Statement {
  const mapped = factory.createMappedTypeNode(
    undefined,
    factory.createTypeParameterDeclaration(
      undefined,
      'F',
      keyOf(indexed(typeRef('Tables'), typeRef('T'))),
    ),
    undefined,
    factory.createToken(ts.SyntaxKind.QuestionToken),
    typeRef('MaskRule'),
    undefined,
  );
  const node = exportType('MaskingConfig', mapped, tableParam);
  return withDoc(node, "Per-call masking overrides, keyed by the table's columns.");
}

function broadcastOptions(): ts.Statement {
  const node = exportInterface('BroadcastOptions', [
    { name: 'userId', type: keyword(ts.SyntaxKind.StringKeyword), optional: true },
    {
      name: 'targetRoles',
      type: factory.createArrayTypeNode(typeRef('Role')),
      optional: true,
    },
  ]);
  return withDoc(node, 'Narrow delivery to one user, or to sockets holding one of these roles.');
}

function tableOptions(): ts.Statement {
  const node = factory.createInterfaceDeclaration(
    [factory.createModifier(ts.SyntaxKind.ExportKeyword)],
    'TableOptions',
    [factory.createTypeParameterDeclaration(undefined, 'T', keyOf(typeRef('Tables')))],
    [
      factory.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [
        factory.createExpressionWithTypeArguments(
          factory.createIdentifier('BroadcastOptions'),
          undefined,
        ),
      ]),
    ],
    [
      factory.createPropertySignature(
        undefined,
        'maskingConfig',
        factory.createToken(ts.SyntaxKind.QuestionToken),
        typeRef('MaskingConfig', typeRef('T')),
      ),
    ],
  );
  return withDoc(node, 'Options of table events: delivery narrowing plus masking overrides.');
}

export function optionStatements(): ts.Statement[] {
  return [maskRule(), maskingConfig(), broadcastOptions(), tableOptions()];
}
